/// Splits a daily total into administrations that the products can make.
///
/// How many administrations (`k`):
/// the variant's administrations per day, but no more than the number of smallest-strength
/// units the total holds (100 mg/day of a drug with 100 mg capsules is one dose), at least
/// one, and at least ⌈total ÷ maximum single dose⌉ when a maximum single dose is set.
///
/// How the total is shared: equal parts when each part can be made; otherwise whole units
/// of the smallest strength, with the remainder on the **later** doses (the evening dose is
/// the heavier: 400 mg/day in three gives 100, 100, 200). Every part can be made by
/// ``Dispensing/units(for:from:)`` and none exceeds the maximum single dose.
///
/// ```swift
/// let caps = [100, 300, 400].map { Strength(mg: $0, form: "capsule") }
/// DoseSplitter.split(1200, administrationsPerDay: 3, strengths: caps)  // [400, 400, 400]
/// DoseSplitter.split(400, administrationsPerDay: 3, strengths: caps)   // [100, 100, 200]
/// ```
public enum DoseSplitter {
    /// The number of administrations `total` mg/day needs (before any limit on times).
    public static func administrationCount(for total: Milligrams, administrationsPerDay: Int,
                                           strengths: [Strength], maximumSingleDose: Milligrams? = nil) -> Int {
        let smallest = strengths.map(\.mg).filter { $0 > 0 }.min() ?? total
        var k = max(1, min(administrationsPerDay, total / max(smallest, 1)))
        if let single = maximumSingleDose, single > 0 {
            k = max(k, (total + single - 1) / single)
        }
        return k
    }

    /// `total` shared over the administrations it needs (at most `timesAvailable` of them),
    /// earliest first; `nil` when the strengths cannot make it that way.
    public static func split(_ total: Milligrams, administrationsPerDay: Int, strengths: [Strength],
                             maximumSingleDose: Milligrams? = nil, timesAvailable: Int? = nil) -> [Milligrams]? {
        var k = administrationCount(for: total, administrationsPerDay: administrationsPerDay,
                                    strengths: strengths, maximumSingleDose: maximumSingleDose)
        if let timesAvailable { k = min(k, timesAvailable) }
        return split(total, into: k, strengths: strengths, maximumSingleDose: maximumSingleDose)
    }

    /// `total` shared over exactly `count` administrations, earliest first; `nil` when no
    /// sharing makes every part from the strengths within the maximum single dose.
    public static func split(_ total: Milligrams, into count: Int, strengths: [Strength],
                             maximumSingleDose: Milligrams? = nil) -> [Milligrams]? {
        guard total > 0, count >= 1, total >= count else { return nil }
        let table = reachable(upTo: total, strengths: strengths)
        return split(total, into: count, strengths: strengths, maximumSingleDose: maximumSingleDose) { table[$0] }
    }

    /// The same, with a precomputed answer to "can this many mg be made?" (see ``reachable(upTo:strengths:)``).
    package static func split(_ total: Milligrams, into count: Int, strengths: [Strength], maximumSingleDose: Milligrams?,
                              makeable: (Milligrams) -> Bool) -> [Milligrams]? {
        guard total > 0, count >= 1, total >= count else { return nil }
        let limit = maximumSingleDose ?? Int.max
        func ok(_ parts: [Milligrams]) -> Bool {
            parts.allSatisfy { $0 > 0 && $0 <= limit && makeable($0) }
        }
        // Equal parts.
        if total % count == 0 {
            let equal = Array(repeating: total / count, count: count)
            if ok(equal) { return equal }
        }
        // Whole units of the smallest strength, the remainder on the later doses.
        if let smallest = strengths.map(\.mg).filter({ $0 > 0 }).min(), total % smallest == 0 {
            let units = total / smallest
            let base = units / count, extra = units % count
            let parts = Array(repeating: base * smallest, count: count - extra)
                + Array(repeating: (base + 1) * smallest, count: extra)
            if ok(parts) { return parts }
        }
        // Otherwise: the largest makeable equal share for the earlier doses, the rest last.
        if count > 1 {
            for share in stride(from: total / count, through: 1, by: -1) {
                let last = total - (count - 1) * share
                let parts = Array(repeating: share, count: count - 1) + [last]
                if last >= share, ok(parts) { return parts }
            }
        }
        return nil
    }

    /// `reachable[m]` is true when `m` mg can be made from the strengths (index 0 … total):
    /// the same answer as `Dispensing.units(for: m, from: strengths) != nil`, for every m at once.
    public static func reachable(upTo total: Milligrams, strengths: [Strength]) -> [Bool] {
        let sizes = Array(Set(strengths.map(\.mg).filter { $0 > 0 }))
        var reach = Array(repeating: false, count: total + 1)
        reach[0] = true
        guard total > 0 else { return reach }
        for m in 1...total {
            reach[m] = sizes.contains { $0 <= m && reach[m - $0] }
        }
        return reach
    }
}

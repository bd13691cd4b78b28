/// How many units of one strength make up part of a dose: "2 × 10 mg tablets".
public struct UnitCount: Codable, Sendable, Equatable, Hashable {
    public var strength: Strength
    public var count: Int

    public init(strength: Strength, count: Int) {
        self.strength = strength
        self.count = count
    }
}

/// Making a dose from the products that exist.
public enum Dispensing {
    /// The way to make `dose` mg from `strengths` with the fewest units (then the fewest
    /// different strengths), largest strengths first; `nil` when no combination makes it.
    ///
    /// ```swift
    /// Dispensing.units(for: 75, from: [10, 25, 50] tablets)  // 1 × 50 mg + 1 × 25 mg
    /// ```
    public static func units(for dose: Milligrams, from strengths: [Strength]) -> [UnitCount]? {
        guard dose > 0 else { return nil }
        let sorted = Array(Set(strengths.filter { $0.mg > 0 })).sorted { ($0.mg, $0.form) > ($1.mg, $1.form) }
        guard !sorted.isEmpty, dose <= 100_000 else { return nil }
        guard sorted.count <= 64 else { return unitsByCounts(for: dose, sorted: sorted) }
        // For m mg: the fewest units, then the fewest distinct strengths (a bit per strength
        // used), and the strength added last; the counts are read back along those links.
        // The same choices as ``unitsByCounts(for:sorted:)``, which carried a counts array per
        // amount (thousands of arrays for a gabapentin schedule, built for every drug at every review).
        var units = [Int](repeating: -1, count: dose + 1)   // -1: cannot be made
        var kinds = [Int](repeating: 0, count: dose + 1)
        var used = [UInt64](repeating: 0, count: dose + 1)
        var last = [Int](repeating: -1, count: dose + 1)
        units[0] = 0
        for m in 1...dose {
            for i in sorted.indices where sorted[i].mg <= m {
                let prev = m - sorted[i].mg
                guard units[prev] >= 0 else { continue }
                let mask = used[prev] | (1 << UInt64(i))
                let candidate = (units: units[prev] + 1, kinds: mask.nonzeroBitCount)
                if units[m] < 0 || candidate < (units[m], kinds[m]) {
                    (units[m], kinds[m], used[m], last[m]) = (candidate.units, candidate.kinds, mask, i)
                }
            }
        }
        guard units[dose] >= 0 else { return nil }
        var counts = [Int](repeating: 0, count: sorted.count)
        var m = dose
        while m > 0 {
            counts[last[m]] += 1
            m -= sorted[last[m]].mg
        }
        return zip(sorted, counts).compactMap { s, n in n > 0 ? UnitCount(strength: s, count: n) : nil }
    }

    /// The search as first written, with a counts array per amount: the rule the linked
    /// version above must agree with (and the way for more than 64 strengths).
    static func unitsByCounts(for dose: Milligrams, sorted: [Strength]) -> [UnitCount]? {
        // best[m] = (units, distinct strengths, counts per strength) for m mg.
        var best: [(units: Int, kinds: Int, counts: [Int])?] = Array(repeating: nil, count: dose + 1)
        best[0] = (0, 0, Array(repeating: 0, count: sorted.count))
        for m in 1...dose {
            for (i, s) in sorted.enumerated() where s.mg <= m {
                guard let prev = best[m - s.mg] else { continue }
                var counts = prev.counts
                counts[i] += 1
                let kinds = counts.filter { $0 > 0 }.count
                let candidate = (units: prev.units + 1, kinds: kinds, counts: counts)
                if let current = best[m] {
                    if (candidate.units, candidate.kinds) < (current.units, current.kinds) { best[m] = candidate }
                } else {
                    best[m] = candidate
                }
            }
        }
        guard let found = best[dose] else { return nil }
        return zip(sorted, found.counts).compactMap { s, n in n > 0 ? UnitCount(strength: s, count: n) : nil }
    }

    /// "2 × 10 mg tablets" or "1 × 50 mg tablet + 1 × 25 mg tablet".
    public static func describe(_ units: [UnitCount]) -> String {
        units.map { u in
            "\(u.count) × \(u.strength.mg) mg \(u.strength.form)\(u.count == 1 ? "" : "s")"
        }.joined(separator: " + ")
    }
}

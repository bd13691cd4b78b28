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

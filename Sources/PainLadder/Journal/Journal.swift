/// Folding the append-only journal into what reports use.
public enum Journal {
    /// The entries in force: each correction replaces what it supersedes, an undo removes
    /// it, and the undo entries themselves are not shown. Order is kept (by `at`, then id).
    ///
    /// Corrections can chain: correcting a correction replaces the whole chain.
    /// A resolution recorded against a report that was later corrected points, in the
    /// result, at the report now in force, so consumers compare ids directly.
    public static func effective(_ entries: [JournalEntry]) -> [JournalEntry] {
        let superseded = Set(entries.compactMap(\.supersedes))
        let replacedBy = Dictionary(entries.compactMap { e in e.supersedes.flatMap { old in e.id.map { (old, $0) } } },
                                    uniquingKeysWith: { a, _ in a })
        func current(_ id: Int64) -> Int64 {
            var id = id, seen: Set<Int64> = []
            while let next = replacedBy[id], seen.insert(id).inserted { id = next }
            return id
        }
        return entries
            .filter { entry in
                guard let id = entry.id else { return true }
                return !superseded.contains(id) && entry.kind != .undo
            }
            .map { entry in
                guard entry.kind == .sideEffectResolved, let target = entry.sideEffect?.resolves else { return entry }
                var e = entry
                e.sideEffect?.resolves = current(target)
                return e
            }
            .sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
    }

    /// The entry ids that are no longer in force, with what replaced them.
    public static func replacements(_ entries: [JournalEntry]) -> [Int64: JournalEntry] {
        var result: [Int64: JournalEntry] = [:]
        for entry in entries {
            if let old = entry.supersedes { result[old] = entry }
        }
        return result
    }
}

extension Journal {
    /// The ids an entry stands for: its own and every entry its correction chain replaced.
    public static func lineage(of entry: JournalEntry, in all: [JournalEntry]) -> Set<Int64> {
        var ids: Set<Int64> = entry.id.map { [$0] } ?? []
        var next = entry.supersedes
        let byID = Dictionary(all.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        while let id = next, !ids.contains(id) {
            ids.insert(id)
            next = byID[id]?.supersedes
        }
        return ids
    }

    /// Whether a side-effect report in force has been marked resolved (through any earlier
    /// version of it); `effective` is ``effective(_:)``, where resolutions already point at
    /// the reports in force.
    public static func isResolved(_ report: JournalEntry, effective: [JournalEntry]) -> Bool {
        effective.contains { $0.kind == .sideEffectResolved && $0.sideEffect?.resolves == report.id }
    }
}

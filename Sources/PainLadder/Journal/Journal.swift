/// Folding the append-only journal into what reports use.
public enum Journal {
    /// The entries in force: each correction replaces what it supersedes, an undo removes
    /// it, and the undo entries themselves are not shown. Order is kept (by `at`, then id).
    ///
    /// Corrections can chain: correcting a correction replaces the whole chain.
    public static func effective(_ entries: [JournalEntry]) -> [JournalEntry] {
        let superseded = Set(entries.compactMap(\.supersedes))
        return entries
            .filter { entry in
                guard let id = entry.id else { return true }
                return !superseded.contains(id) && entry.kind != .undo
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
    /// A resolution or reference made to any of them refers to this entry.
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

    /// Whether a side-effect report (or any earlier version of it) has been marked resolved.
    ///
    /// - Parameters:
    ///   - all: every entry, corrections included (for the chain).
    ///   - effective: the journal in force (an undone resolution does not count).
    public static func isResolved(_ report: JournalEntry, all: [JournalEntry], effective: [JournalEntry]) -> Bool {
        let ids = lineage(of: report, in: all)
        return effective.contains { $0.kind == .sideEffectResolved && ($0.sideEffect?.resolves).map(ids.contains) == true }
    }
}

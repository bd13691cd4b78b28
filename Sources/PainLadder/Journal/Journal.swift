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

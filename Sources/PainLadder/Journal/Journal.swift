/// Folding the append-only journal into what reports use.
public enum Journal {
    /// The entries in force: each correction replaces what it supersedes, an undo removes
    /// it, and the undo entries themselves are not shown. Order is kept (by `at`, then id).
    ///
    /// Corrections can chain: correcting a correction replaces the whole chain.
    /// A resolution recorded against a report that was later corrected points, in the
    /// result, at the report now in force, so consumers compare ids directly.
    public static func effective(_ entries: [JournalEntry]) -> [JournalEntry] {
        // One pass by index over the entries (each a reference to shared storage: cheap to copy),
        // and no sort when the entries already come in order, as the store reads them.
        var superseded: Set<Int64> = []
        var replacedBy: [Int64: Int64] = [:]
        for i in entries.indices {
            guard let old = entries[i].supersedes else { continue }
            superseded.insert(old)
            if let id = entries[i].id, replacedBy[old] == nil { replacedBy[old] = id }
        }
        func current(_ id: Int64) -> Int64 {
            var id = id, seen: Set<Int64> = []
            while let next = replacedBy[id], seen.insert(id).inserted { id = next }
            return id
        }
        // The positions kept, in the order of the result.
        var kept: [Int] = []
        kept.reserveCapacity(entries.count)
        for i in entries.indices {
            if let id = entries[i].id, superseded.contains(id) || entries[i].kind == .undo { continue }
            kept.append(i)
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            (entries[a].at, entries[a].id ?? 0) < (entries[b].at, entries[b].id ?? 0)
        }
        if !kept.indices.dropFirst().allSatisfy({ !before(kept[$0], kept[$0 - 1]) }) {
            // Out of order: ties stay in journal order (a stable sort, as before).
            kept.sort { a, b in before(a, b) || (!before(b, a) && a < b) }
        } else if kept.count == entries.count, !entries.indices.contains(where: { i in
            entries[i].kind == .sideEffectResolved && entries[i].sideEffect?.resolves.map { current($0) != $0 } == true
        }) {
            // Nothing left out, nothing moved, no resolution redirected: the journal as it is.
            return entries
        }
        var result: [JournalEntry] = []
        result.reserveCapacity(kept.count)
        for i in kept {
            result.append(entries[i])
            if case .sideEffectResolved(var detail) = entries[i].event, let target = detail.resolves {
                detail.resolves = current(target)
                result[result.count - 1].event = .sideEffectResolved(detail)
            }
        }
        return result
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

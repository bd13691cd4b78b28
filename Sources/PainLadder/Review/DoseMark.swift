import Foundation

/// What a taken or skipped dose entry says about its slot, and no more: the review's
/// adherence needs only this of the thousands of dose entries a long course has, so a store
/// can hand these over instead of whole ``JournalEntry`` values (see
/// ``ReviewSummary/build(patient:formulary:courses:journal:doseMarks:zones:now:)``).
///
/// ```swift
/// let mark = DoseMark(entryID: 7, courseID: 1, at: instant, slot: SlotKey(date: day, time: time),
///                     skipped: false, late: true)
/// ```
public struct DoseMark: Sendable, Equatable {
    public var entryID: Int64?
    public var courseID: Int64?
    public var at: Date
    public var slot: SlotKey
    /// Skipped (`true`) or taken (`false`).
    public var skipped: Bool
    /// Taken after its window (always `false` for a skip).
    public var late: Bool

    public init(entryID: Int64?, courseID: Int64?, at: Date, slot: SlotKey, skipped: Bool, late: Bool) {
        self.entryID = entryID
        self.courseID = courseID
        self.at = at
        self.slot = slot
        self.skipped = skipped
        self.late = late
    }

    /// The mark of a taken or skipped entry with a slot; `nil` for any other entry.
    init?(_ e: JournalEntry) {
        guard e.kind == .taken || e.kind == .skipped, let dose = e.dose, let slot = dose.slot else { return nil }
        self.init(entryID: e.id, courseID: e.courseID, at: e.at, slot: slot, skipped: e.kind == .skipped, late: dose.late)
    }

    /// `marks` and the marks of `journal`'s dose entries together, in the effective journal's
    /// order (by instant, then id; ``Journal/effective(_:)``), which is the order a slot's
    /// later entry wins in.
    static func merged(_ marks: [DoseMark], journal: [JournalEntry]) -> [DoseMark] {
        var all = marks
        for i in journal.indices where journal[i].kind == .taken || journal[i].kind == .skipped {
            if let mark = DoseMark(journal[i]) { all.append(mark) }
        }
        // Stable: entries without an id (never from a store) keep their order.
        let order = all.indices.sorted { a, b in
            let (x, y) = (all[a], all[b])
            if x.at != y.at { return x.at < y.at }
            if (x.entryID ?? 0) != (y.entryID ?? 0) { return (x.entryID ?? 0) < (y.entryID ?? 0) }
            return a < b
        }
        return order.map { all[$0] }
    }
}

import Foundation

/// One thing a patient (or carer) recorded: a dose taken, skipped or extra, a side effect,
/// a pain score, an impression of change, a structured assessment, or an undo.
///
/// An entry is a header (who, when, which course and plan, what it supersedes, a note, a
/// reason, the flags it raised) and an ``event``: what happened, with that kind's detail.
///
/// Entries are never edited or deleted. A correction is a new entry of the same kind whose
/// `supersedes` names the entry it replaces; an undo is an entry of kind `.undo` that does
/// the same with no replacement. ``Journal/effective(_:)`` gives what reports use.
public struct JournalEntry: Sendable, Equatable, CustomReflectable {
    // The fields live in one shared, copy-on-write object, so an array of entries is an array
    // of references: reordering or filtering a journal (``Journal/effective(_:)``, which the
    // store's recording order makes sort) copies 8 bytes an entry, not the ~250 of its fields,
    // and a review touches that much less fresh memory (page faults of a review measured
    // 2,300 -> 1,885; measured again with the header and event inline instead, a debug review
    // of a 2,375-entry patient took 2,190 faults and 651 M instructions against 2,090 and
    // 558 M). Writing a field copies the object first unless this entry is its only owner,
    // so entries keep value semantics.
    private var storage: Storage

    /// Assigned by the store.
    public var id: Int64? {
        get { storage.header.id }
        set { unique().header.id = newValue }
    }
    public var patientID: String {
        get { storage.header.patientID }
        set { unique().header.patientID = newValue }
    }
    public var courseID: Int64? {
        get { storage.header.courseID }
        set { unique().header.courseID = newValue }
    }
    /// The plan version in force when the entry was recorded.
    public var planVersionID: Int64? {
        get { storage.header.planVersionID }
        set { unique().header.planVersionID = newValue }
    }
    /// When it happened (for a dose: when it was taken).
    public var at: Date {
        get { storage.header.at }
        set { unique().header.at = newValue }
    }
    /// When it was recorded; later than `at` for late and back-dated entries.
    public var recordedAt: Date {
        get { storage.header.recordedAt }
        set { unique().header.recordedAt = newValue }
    }
    public var recordedBy: String {
        get { storage.header.recordedBy }
        set { unique().header.recordedBy = newValue }
    }
    /// The entry this one corrects or undoes.
    public var supersedes: Int64? {
        get { storage.header.supersedes }
        set { unique().header.supersedes = newValue }
    }
    /// Why: a skip's reason, a correction's reason, an undo's reason, a missed marker's.
    public var reason: String? {
        get { storage.header.reason }
        set { unique().header.reason = newValue }
    }
    public var note: String? {
        get { storage.header.note }
        set { unique().header.note = newValue }
    }
    /// What the clinician must look at because of this entry.
    public var flags: [ClinicianFlag] {
        get { storage.header.flags }
        set { unique().header.flags = newValue }
    }
    /// What happened, with its detail.
    public var event: JournalEvent {
        get { storage.event }
        set { unique().event = newValue }
    }

    public var kind: Kind { event.kind }
    /// The dose of a dose entry (taken, extra, skipped, missed); `nil` for any other kind.
    public var dose: DoseDetail? { event.dose }
    /// The side effect of a report or of a resolution; `nil` for any other kind.
    public var sideEffect: SideEffectDetail? { event.sideEffect }
    public var pain: PainDetail? { event.pain }
    public var impression: Int? { event.impression }
    public var assessment: PainAssessment? { event.assessment }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case taken, skipped, extra
        case sideEffect = "side-effect"
        case sideEffectResolved = "side-effect-resolved"
        case pain, impression, assessment, undo
        /// Written by the reminder job when a planned dose's late window has passed with
        /// nothing recorded (see ``JournalEvent/missed(_:)``).
        case missed
    }

    public init(id: Int64? = nil, patientID: String, courseID: Int64? = nil, planVersionID: Int64? = nil,
                at: Date, recordedAt: Date, recordedBy: String, supersedes: Int64? = nil,
                reason: String? = nil, note: String? = nil, event: JournalEvent, flags: [ClinicianFlag] = []) {
        storage = Storage(header: Header(patientID: patientID, recordedBy: recordedBy, at: at, recordedAt: recordedAt,
                                         reason: reason, note: note, flags: flags, id: id, courseID: courseID,
                                         planVersionID: planVersionID, supersedes: supersedes),
                          event: event)
    }

    /// The storage, copied first when shared (copy on write).
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(header: storage.header, event: storage.event) }
        return storage
    }

    /// The header's fields and the event, as if stored in the entry itself (what
    /// reflection-based checks and debugging see).
    public var customMirror: Mirror {
        Mirror(self, children: Array(Mirror(reflecting: storage.header).children) + [("event", storage.event)],
               displayStyle: .struct)
    }

    public static func == (a: JournalEntry, b: JournalEntry) -> Bool {
        a.storage === b.storage || (a.storage.header == b.storage.header && a.storage.event == b.storage.event)
    }

    /// What every entry has, whatever its event.
    private struct Header: Equatable {
        // In an order that leaves little padding (fields are laid out as declared, each at its
        // alignment: an `Int64?` is 9 bytes).
        var patientID: String
        var recordedBy: String
        var at: Date
        var recordedAt: Date
        var reason: String?
        var note: String?
        var flags: [ClinicianFlag]
        var id: Int64?
        var courseID: Int64?
        var planVersionID: Int64?
        var supersedes: Int64?
    }

    /// An entry's header and event. Never written while shared: ``JournalEntry/unique()``
    /// copies it first, which is what makes the unchecked `Sendable` sound.
    private final class Storage: @unchecked Sendable {
        var header: Header
        var event: JournalEvent

        init(header: Header, event: JournalEvent) {
            self.header = header
            self.event = event
        }
    }
}

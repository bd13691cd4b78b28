import Foundation

/// One thing a patient (or carer) recorded: a dose taken, skipped or extra, a side effect,
/// a pain score, an impression of change, a structured assessment, or an undo.
///
/// Entries are never edited or deleted. A correction is a new entry of the same kind whose
/// `supersedes` names the entry it replaces; an undo is an entry of kind `.undo` that does
/// the same with no replacement. ``Journal/effective(_:)`` gives what reports use.
public struct JournalEntry: Codable, Sendable, Equatable, CustomReflectable {
    // The fields live in one shared, copy-on-write object, so an array of entries is an array
    // of references: reordering or filtering a journal (``Journal/effective(_:)``, which the
    // store's recording order makes sort) copies 8 bytes an entry, not the ~460 of its fields,
    // and a review touches that much less fresh memory. Writing a field copies the object
    // first unless this entry is its only owner, so entries keep value semantics.
    private var storage: Storage

    /// Assigned by the store.
    public var id: Int64? {
        get { storage.id }
        set { unique().id = newValue }
    }
    public var patientID: String {
        get { storage.patientID }
        set { unique().patientID = newValue }
    }
    public var courseID: Int64? {
        get { storage.courseID }
        set { unique().courseID = newValue }
    }
    /// The plan version in force when the entry was recorded.
    public var planVersionID: Int64? {
        get { storage.planVersionID }
        set { unique().planVersionID = newValue }
    }
    public var kind: Kind {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    /// When it happened (for a dose: when it was taken).
    public var at: Date {
        get { storage.at }
        set { unique().at = newValue }
    }
    /// When it was recorded; later than `at` for late and back-dated entries.
    public var recordedAt: Date {
        get { storage.recordedAt }
        set { unique().recordedAt = newValue }
    }
    public var recordedBy: String {
        get { storage.recordedBy }
        set { unique().recordedBy = newValue }
    }
    /// The entry this one corrects or undoes.
    public var supersedes: Int64? {
        get { storage.supersedes }
        set { unique().supersedes = newValue }
    }
    /// Why: a skip's reason, a correction's reason, an undo's reason.
    public var reason: String? {
        get { storage.reason }
        set { unique().reason = newValue }
    }
    public var note: String? {
        get { storage.note }
        set { unique().note = newValue }
    }
    public var dose: DoseDetail? {
        get { storage.dose }
        set { unique().dose = newValue }
    }
    public var sideEffect: SideEffectDetail? {
        get { storage.sideEffect?.value }
        set { unique().sideEffect = newValue.map(Boxed.init) }
    }
    public var pain: PainDetail? {
        get { storage.pain }
        set { unique().pain = newValue }
    }
    /// Patient global impression of change, 1 (very much improved) … 7 (very much worse).
    public var impression: Int? {
        get { storage.impression }
        set { unique().impression = newValue }
    }
    public var assessment: PainAssessment? {
        get { storage.assessment?.value }
        set { unique().assessment = newValue.map(Boxed.init) }
    }
    /// What the clinician must look at because of this entry.
    public var flags: [ClinicianFlag] {
        get { storage.flags }
        set { unique().flags = newValue }
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case taken, skipped, extra
        case sideEffect = "side-effect"
        case sideEffectResolved = "side-effect-resolved"
        case pain, impression, assessment, undo
        /// Written by the reminder job when a planned dose's late window has passed with
        /// nothing recorded: unrecorded-but-flagged. Day plans and adherence treat the slot
        /// as unrecorded; a later `take` (late) or `skip` for the slot wins over it.
        case missed
    }

    public init(id: Int64? = nil, patientID: String, courseID: Int64? = nil, planVersionID: Int64? = nil,
                kind: Kind, at: Date, recordedAt: Date, recordedBy: String, supersedes: Int64? = nil,
                reason: String? = nil, note: String? = nil, dose: DoseDetail? = nil,
                sideEffect: SideEffectDetail? = nil, pain: PainDetail? = nil, impression: Int? = nil,
                assessment: PainAssessment? = nil, flags: [ClinicianFlag] = []) {
        storage = Storage(id: id, patientID: patientID, courseID: courseID, planVersionID: planVersionID,
                          kind: kind, at: at, recordedAt: recordedAt, recordedBy: recordedBy, supersedes: supersedes,
                          reason: reason, note: note, dose: dose, sideEffect: sideEffect, pain: pain,
                          impression: impression, assessment: assessment, flags: flags)
    }

    /// The storage, copied first when shared (copy on write).
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The fields, as if stored in the entry itself (what reflection-based checks and
    /// debugging see); read from the storage object, so a field added there shows here.
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: storage).children.map { child in
            (child.label, (child.value as? any BoxedValue)?.boxedValue ?? child.value)
        }, displayStyle: .struct)
    }

    public static func == (a: JournalEntry, b: JournalEntry) -> Bool {
        a.storage === b.storage || a.storage.fieldsEqual(b.storage)
    }

    // The coding keys and rules the compiler would synthesize for the stored fields:
    // optional fields are written only when present and may be absent when read.
    enum CodingKeys: String, CodingKey {
        case id, patientID, courseID, planVersionID, kind, at, recordedAt, recordedBy, supersedes
        case reason, note, dose, sideEffect, pain, impression, assessment, flags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(Int64.self, forKey: .id),
                  patientID: try c.decode(String.self, forKey: .patientID),
                  courseID: try c.decodeIfPresent(Int64.self, forKey: .courseID),
                  planVersionID: try c.decodeIfPresent(Int64.self, forKey: .planVersionID),
                  kind: try c.decode(Kind.self, forKey: .kind),
                  at: try c.decode(Date.self, forKey: .at),
                  recordedAt: try c.decode(Date.self, forKey: .recordedAt),
                  recordedBy: try c.decode(String.self, forKey: .recordedBy),
                  supersedes: try c.decodeIfPresent(Int64.self, forKey: .supersedes),
                  reason: try c.decodeIfPresent(String.self, forKey: .reason),
                  note: try c.decodeIfPresent(String.self, forKey: .note),
                  dose: try c.decodeIfPresent(DoseDetail.self, forKey: .dose),
                  sideEffect: try c.decodeIfPresent(SideEffectDetail.self, forKey: .sideEffect),
                  pain: try c.decodeIfPresent(PainDetail.self, forKey: .pain),
                  impression: try c.decodeIfPresent(Int.self, forKey: .impression),
                  assessment: try c.decodeIfPresent(PainAssessment.self, forKey: .assessment),
                  flags: try c.decode([ClinicianFlag].self, forKey: .flags))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(patientID, forKey: .patientID)
        try c.encodeIfPresent(courseID, forKey: .courseID)
        try c.encodeIfPresent(planVersionID, forKey: .planVersionID)
        try c.encode(kind, forKey: .kind)
        try c.encode(at, forKey: .at)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encodeIfPresent(supersedes, forKey: .supersedes)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(dose, forKey: .dose)
        try c.encodeIfPresent(sideEffect, forKey: .sideEffect)
        try c.encodeIfPresent(pain, forKey: .pain)
        try c.encodeIfPresent(impression, forKey: .impression)
        try c.encodeIfPresent(assessment, forKey: .assessment)
        try c.encode(flags, forKey: .flags)
    }

    /// An entry's fields. Never written while shared: ``JournalEntry/unique()`` copies it
    /// first, which is what makes the unchecked `Sendable` sound.
    private final class Storage: @unchecked Sendable {
        // In an order that leaves little padding (fields are laid out as declared, each at its
        // alignment: an `Int64?` is 9 bytes, so a 1-byte field fits after it). The side effect
        // and the assessment, on few entries and the largest details, are boxed: 8 bytes on
        // every other entry instead of ~115.
        var patientID: String
        var recordedBy: String
        var at: Date
        var recordedAt: Date
        var reason: String?
        var note: String?
        var flags: [ClinicianFlag]
        var sideEffect: Boxed<SideEffectDetail>?
        var assessment: Boxed<PainAssessment>?
        var id: Int64?
        var kind: Kind
        var courseID: Int64?
        var planVersionID: Int64?
        var supersedes: Int64?
        var impression: Int?
        var pain: PainDetail?
        var dose: DoseDetail?

        init(id: Int64?, patientID: String, courseID: Int64?, planVersionID: Int64?, kind: Kind, at: Date,
             recordedAt: Date, recordedBy: String, supersedes: Int64?, reason: String?, note: String?,
             dose: DoseDetail?, sideEffect: SideEffectDetail?, pain: PainDetail?, impression: Int?,
             assessment: PainAssessment?, flags: [ClinicianFlag]) {
            self.id = id
            self.patientID = patientID
            self.courseID = courseID
            self.planVersionID = planVersionID
            self.kind = kind
            self.at = at
            self.recordedAt = recordedAt
            self.recordedBy = recordedBy
            self.supersedes = supersedes
            self.reason = reason
            self.note = note
            self.dose = dose
            self.sideEffect = sideEffect.map(Boxed.init)
            self.pain = pain
            self.impression = impression
            self.assessment = assessment.map(Boxed.init)
            self.flags = flags
        }

        func copy() -> Storage {
            Storage(id: id, patientID: patientID, courseID: courseID, planVersionID: planVersionID, kind: kind,
                    at: at, recordedAt: recordedAt, recordedBy: recordedBy, supersedes: supersedes, reason: reason,
                    note: note, dose: dose, sideEffect: sideEffect?.value, pain: pain, impression: impression,
                    assessment: assessment?.value, flags: flags)
        }

        /// Field by field, as the synthesized `==` of a struct with these fields.
        func fieldsEqual(_ o: Storage) -> Bool {
            id == o.id && patientID == o.patientID && courseID == o.courseID && planVersionID == o.planVersionID
                && kind == o.kind && at == o.at && recordedAt == o.recordedAt && recordedBy == o.recordedBy
                && supersedes == o.supersedes && reason == o.reason && note == o.note && dose == o.dose
                && sideEffect?.value == o.sideEffect?.value && pain == o.pain && impression == o.impression
                && assessment?.value == o.assessment?.value && flags == o.flags
        }
    }
}

/// A detail kept out of line, never changed in place (a new value is a new box), so boxes
/// are shared freely between copies of an entry.
final class Boxed<Value: Sendable>: Sendable, BoxedValue {
    let value: Value
    init(_ value: Value) { self.value = value }
    var boxedValue: Any { value }
}

/// What ``JournalEntry/customMirror`` shows for a boxed field: the value, not the box.
protocol BoxedValue {
    var boxedValue: Any { get }
}

/// A dose event, with a copy of what was planned for its slot at the time, so a later change
/// of plan never rewrites history.
public struct DoseDetail: Codable, Sendable, Equatable {
    /// The scheduled slot it belongs to; `nil` for an extra dose outside any slot.
    public var slot: SlotKey?
    /// What was actually taken (0 for a skip).
    public var doseMg: Milligrams
    /// What the plan asked for at that slot, copied when recorded.
    public var plannedDoseMg: Milligrams?
    public var stepNumber: Int?
    /// Taken more than the late threshold after the slot.
    public var late: Bool

    public init(slot: SlotKey?, doseMg: Milligrams, plannedDoseMg: Milligrams?, stepNumber: Int?, late: Bool) {
        self.slot = slot
        self.doseMg = doseMg
        self.plannedDoseMg = plannedDoseMg
        self.stepNumber = stepNumber
        self.late = late
    }
}

public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case mild, moderate, severe

    var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public struct SideEffectDetail: Codable, Sendable, Equatable {
    /// The formulary's id when the symptom is known ("drowsiness"), else the patient's words.
    public var symptom: String
    /// Whether it matched the formulary's list for the drug.
    public var known: Bool
    public var severity: Severity?
    /// When it started, if not when recorded.
    public var since: LocalDate?
    public var redFlag: Bool
    /// For `.sideEffectResolved`: the report it closes.
    public var resolves: Int64?
    /// The titration step the patient was on.
    public var stepNumber: Int?

    public init(symptom: String, known: Bool, severity: Severity?, since: LocalDate? = nil, redFlag: Bool = false,
                resolves: Int64? = nil, stepNumber: Int? = nil) {
        self.symptom = symptom
        self.known = known
        self.severity = severity
        self.since = since
        self.redFlag = redFlag
        self.resolves = resolves
        self.stepNumber = stepNumber
    }
}

/// Average pain over the last 24 hours on the 0–10 numeric rating scale (LOINC 72514-3).
public struct PainDetail: Codable, Sendable, Equatable {
    public var score: Int
    /// How much pain interfered with sleep, 0–10.
    public var sleep: Int?
    /// How much pain interfered with mood, 0–10 (the Brief Pain Inventory interference item):
    /// NICE CG173 1.1.6 asks each review to assess mood.
    public var mood: Int?
    /// What the pain stopped them doing, in their words.
    public var impact: String?
    /// Set explicitly as the course's baseline.
    public var baseline: Bool

    public init(score: Int, sleep: Int? = nil, mood: Int? = nil, impact: String? = nil, baseline: Bool = false) {
        self.score = score
        self.sleep = sleep
        self.mood = mood
        self.impact = impact
        self.baseline = baseline
    }
}

/// Something the clinician should see at the next review.
public struct ClinicianFlag: Codable, Sendable, Equatable, Hashable {
    public var kind: Kind
    public var message: String

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case redFlag = "red-flag"
        case aboveMaximum = "above-maximum"
        case stepUpHeld = "step-up-held"
        case possibleRelapse = "possible-relapse"
        case notNeuropathic = "not-neuropathic"
        case possibleTrigeminalNeuralgia = "possible-trigeminal-neuralgia"
    }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

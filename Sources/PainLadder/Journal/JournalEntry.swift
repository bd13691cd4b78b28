import Foundation

/// One thing a patient (or carer) recorded: a dose taken, skipped or extra, a side effect,
/// a pain score, an impression of change, a structured assessment, or an undo.
///
/// Entries are never edited or deleted. A correction is a new entry of the same kind whose
/// `supersedes` names the entry it replaces; an undo is an entry of kind `.undo` that does
/// the same with no replacement. ``Journal/effective(_:)`` gives what reports use.
public struct JournalEntry: Codable, Sendable, Equatable {
    /// Assigned by the store.
    public var id: Int64?
    public var patientID: String
    public var courseID: Int64?
    /// The plan version in force when the entry was recorded.
    public var planVersionID: Int64?
    public var kind: Kind
    /// When it happened (for a dose: when it was taken).
    public var at: Date
    /// When it was recorded; later than `at` for late and back-dated entries.
    public var recordedAt: Date
    public var recordedBy: String
    /// The entry this one corrects or undoes.
    public var supersedes: Int64?
    /// Why: a skip's reason, a correction's reason, an undo's reason.
    public var reason: String?
    public var note: String?
    public var dose: DoseDetail?
    public var sideEffect: SideEffectDetail?
    public var pain: PainDetail?
    /// Patient global impression of change, 1 (very much improved) … 7 (very much worse).
    public var impression: Int?
    public var assessment: PainAssessment?
    /// What the clinician must look at because of this entry.
    public var flags: [ClinicianFlag]

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
        self.sideEffect = sideEffect
        self.pain = pain
        self.impression = impression
        self.assessment = assessment
        self.flags = flags
    }
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
    /// What the pain stopped them doing, in their words.
    public var impact: String?
    /// Set explicitly as the course's baseline.
    public var baseline: Bool

    public init(score: Int, sleep: Int? = nil, impact: String? = nil, baseline: Bool = false) {
        self.score = score
        self.sleep = sleep
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

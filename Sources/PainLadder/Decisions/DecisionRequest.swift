import Foundation

/// What a clinician asks for: `painladder decide PATIENT KIND …` as a value.
///
/// ```swift
/// var request = DecisionRequest(kind: .increase, by: "Dr Rao", reason: "tolerating 20 mg, pain 7/10")
/// request.overrides = [.minimumInterval]
/// request.overrideReason = "severe pain, no side effects at 20 mg"
/// ```
public struct DecisionRequest: Sendable, Equatable {
    /// `continue`, `hold`, `reduce`, `increase`, `stop`, `switch` or `refer` (never `automatic-hold`).
    public var kind: Decision.Kind
    /// Who decides (a clinician's name or id).
    public var by: String
    /// Why, in the clinician's words.
    public var reason: String
    /// The next review; `nil` for the formulary's default (see ``ReviewSchedule``).
    public var nextReview: LocalDate?
    /// `reduce`: the dose to go back to (default: the previous step). `increase`: a dose up
    /// to the next step, or above the patient's maximum with `.maximumDailyDose` overridden.
    public var doseMg: Milligrams?
    /// `stop` and `switch`: why the course ends (required).
    public var outcome: Course.Outcome?
    /// `switch`: the new drug.
    public var switchTo: String?
    /// `switch`: how the two drugs meet.
    public var mode: SwitchMode
    /// `stop` and `switch`: stop the old drug at once, without its taper (needs `overrideReason`).
    public var abrupt: Bool
    /// Limits the clinician explicitly chooses to go beyond (needs `overrideReason`).
    public var overrides: Set<OverrideLimit>
    public var overrideReason: String?

    public init(kind: Decision.Kind, by: String, reason: String, nextReview: LocalDate? = nil,
                doseMg: Milligrams? = nil, outcome: Course.Outcome? = nil, switchTo: String? = nil,
                mode: SwitchMode = .sequential, abrupt: Bool = false, overrides: Set<OverrideLimit> = [],
                overrideReason: String? = nil) {
        self.kind = kind
        self.by = by
        self.reason = reason
        self.nextReview = nextReview
        self.doseMg = doseMg
        self.outcome = outcome
        self.switchTo = switchTo
        self.mode = mode
        self.abrupt = abrupt
        self.overrides = overrides
        self.overrideReason = overrideReason
    }
}

/// How a switch joins the old drug to the new one.
public enum SwitchMode: String, Codable, Sendable, CaseIterable {
    /// The old drug's taper first; the new drug starts on the day the old one stops.
    case sequential
    /// The new drug starts low on day 1 of the old drug's taper.
    case crossTaper = "cross-taper"
    /// The old drug's last dose today; the new drug from tomorrow at the dose the
    /// reference's conversion gives (only for pairs with a conversion: gabapentin ↔ pregabalin).
    case direct
}

/// A limit a clinician may go beyond, explicitly and with a reason. Each one used is kept
/// as an ``Override`` on the plan version and on every later version of the course.
public enum OverrideLimit: String, Codable, Sendable, CaseIterable {
    /// `increase` sooner than the current step's minimum days.
    case minimumInterval = "minimum-interval"
    /// `increase` above this patient's maximum daily dose (drug, variant, renal band, local cap).
    case maximumDailyDose = "maximum-dose"
    /// `switch` to a drug a hard stop rules out for this patient.
    case ruledOut = "ruled-out"
    /// `switch` to a drug already tried and stopped as not effective or not tolerated.
    case triedBefore = "tried-before"

    /// The name kept in ``Override/limit``.
    public var recordedName: String {
        switch self {
        case .minimumInterval: "minimumInterval"
        case .maximumDailyDose: "maximumDailyDose"
        case .ruledOut: "hardStop"
        case .triedBefore: "triedBefore"
        }
    }
}

/// Everything a decision is made from. Pure values: the caller reads them (one transaction)
/// and passes the clock in.
public struct DecisionContext: Sendable {
    public var formulary: Formulary
    public var patient: Patient
    /// The course decided on: the one in progress (titrating, maintaining, held or tapering),
    /// or for `refer` with none in progress, the latest course.
    public var course: Course
    /// Its current plan version.
    public var plan: PlanVersion
    /// All the patient's courses (the ladder so far), including `course`.
    public var courses: [Course]
    /// Today in the patient's time zone.
    public var today: LocalDate
    public var now: Date

    public init(formulary: Formulary, patient: Patient, course: Course, plan: PlanVersion, courses: [Course],
                today: LocalDate, now: Date) {
        self.formulary = formulary
        self.patient = patient
        self.course = course
        self.plan = plan
        self.courses = courses
        self.today = today
        self.now = now
    }
}

/// What a decision produces, before it is saved: the new plan version of the course decided
/// on (linked to the current one), the course's new status, and for a switch the new course
/// with its first plan.
public struct DecisionResult: Codable, Sendable, Equatable {
    public var decision: Decision
    /// The course's next plan version (`id` nil until saved).
    public var plan: PlanVersion
    public var courseStatus: Course.Status
    /// Set by `stop` and `switch`.
    public var outcome: Course.Outcome?
    /// `stop` and `switch`: the old drug's taper (or its abrupt stop).
    public var taper: TaperPlan?
    /// `switch`: the course to start and its plan version 1.
    public var newCourse: Course?
    public var newPlan: PlanVersion?
    /// `switch` between drugs with a conversion table: the equivalent dose and its status.
    public var conversion: ConversionUse?
    /// `switch`: what the formulary says about this pair.
    public var guidance: SwitchGuidance?
}

/// A conversion table applied to a dose, to show (with its status) and to record.
public struct ConversionUse: Codable, Sendable, Equatable {
    public var table: DoseConversion
    public var fromDrug: String
    public var fromMg: Milligrams
    public var toDrug: String
    /// The equivalent dose, `nil` when the dose is outside the table.
    public var toMg: Milligrams?
    public var row: ConversionRow?
    /// True when the new course's dose was set from it (a direct switch).
    public var usedForDose: Bool

    /// "gabapentin 1800 mg/day ≈ pregabalin 300 mg/day (Toth …) [S44, S45, S46; unconfirmed]".
    public var summary: String {
        let what = toMg.map { "\(fromDrug) \(fromMg) mg/day ≈ \(toDrug) \($0) mg/day" }
            ?? "\(fromDrug) \(fromMg) mg/day is outside the table (no equivalent \(toDrug) dose)"
        return "\(what) by the \(table.label) \(table.rows.citation)"
    }
}

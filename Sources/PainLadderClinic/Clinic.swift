import Foundation
import PainLadder

/// The application layer: the workflows a patient, clinician or reminder job runs, the core's
/// rules applied to the store's records, one unit of work (one transaction) each. It holds
/// every policy (which course a dose or decision belongs to, when a taper ends, which
/// reminders are new) and talks to storage only through ``ClinicStore``. The CLI is a thin
/// shell over this; another Swift program (a server, an app) can use it the same way.
///
/// ```swift
/// let clinic = Clinic(store: try Store(path: path, createIfMissing: true),
///                     formulary: try FormularyLoader.bundled())
/// let (course, plan) = try clinic.startCourse(patientID: "P001", drug: "amitriptyline",
///                                             variant: nil, on: nil, times: nil, by: "Dr Rao", now: .now)
/// ```
public struct Clinic: Sendable {
    public let store: any ClinicStore
    public let formulary: Formulary
    /// Who runs the workflows, checked against the clinic's accounts (``AccessRules``) before
    /// every write; `nil` checks nothing (a program that opens the file itself).
    public let actor: Actor?

    public init(store: any ClinicStore, formulary: Formulary, actor: Actor? = nil) {
        self.store = store
        self.formulary = formulary
        self.actor = actor
    }

    /// Starts a course: builds the dated schedule from the formulary for this patient
    /// (refusing hard stops), and stores the course with plan version 1 and its early review date.
    ///
    /// - Parameters:
    ///   - on: the first day; `nil` means today in the patient's time zone.
    ///   - times: administration times; `nil` uses the formulary's defaults.
    public func startCourse(patientID: String, drug: String, variant: String?, on: LocalDate?,
                            times: [LocalTime]?, by author: String, now: Date,
                            overrides: Set<StartOverride> = [], overrideReason: String? = nil) throws -> (Course, PlanVersion) {
        try permit(.clinician)
        try StoredText.check(author, field: .by, required: true)
        let reason = overrideReason?.trimmingCharacters(in: .whitespaces) ?? ""
        if !overrides.isEmpty {
            try StoredText.check(reason, field: .overrideReason, required: true)
        } else if !reason.isEmpty {
            throw PainLadderError.invalidValue(field: .overrideReason, given: reason, allowed: "only with \(.override) LIMIT")
        }
        let drugEntry = try formulary.drug(drug)
        return try movingSlots(now: now) { try store.startCourse(patientID: patientID) { patient in
            let start = on ?? LocalDate(now, in: patient.zone)
            let schedule = try ScheduleBuilder.build(formulary: formulary, drugID: drugEntry.id, variantID: variant,
                                                     patient: patient, startDate: start, times: times, overrides: overrides)
            // Sorted so the record reads the same whatever order the flags came in.
            let allowed = overrides.sorted { $0.rawValue < $1.rawValue }
                .map { Override(limit: $0.recordedName, by: author, reason: reason, at: now) }
            let course = Course(patientID: patient.id, drug: drugEntry.id, variant: schedule.variant,
                                startDate: start, createdAt: now, createdBy: author)
            let plan = PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: now, author: author,
                                   reason: "course started" + allowed.map { "; override \($0.limit): \($0.reason)" }.joined(),
                                   schedule: schedule, effectiveFrom: start,
                                   effectiveTime: PlanVersion.effectiveTime(at: now, on: start, zone: patient.zone),
                                   overrides: allowed, nextReviewDate: start.adding(days: drugEntry.reviews.value.earlyDays))
            return (course, plan)
        } }
    }
}

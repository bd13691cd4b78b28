import Foundation
import PainLadder

/// The clinician's decisions: continue, hold, reduce, increase, stop, switch, refer.
extension Clinic {
    /// Records a decision on the patient's course in progress: the core decides
    /// (``Decisions/decide(_:_:)``) from the record as it stands, and the store saves the new
    /// plan version, any new course of a switch, and the audit rows, in one transaction.
    ///
    /// "Today" is the patient's local date at `now`; every change takes effect from today.
    ///
    /// ```swift
    /// let record = try clinic.decide(patientID: "P001",
    ///                                DecisionRequest(kind: .continue, by: "Dr Rao", reason: "dizziness settled"),
    ///                                now: .now)
    /// record.result.plan.version      // the new version
    /// ```
    /// - Throws: ``PainLadderError`` (see ``Decisions`` and ``CourseRules``); nothing is saved
    ///   when it throws.
    ///
    /// - Parameter drug: the course in progress to decide on; `nil` for the newest.
    public func decide(patientID: String, drug: String? = nil, _ request: DecisionRequest, now: Date) throws -> SavedDecision {
        try permit(.clinician)
        try StoredText.check(request.by, field: .by, required: true)
        try StoredText.check(request.reason, field: .reason, required: true)
        if let reason = request.overrideReason { try StoredText.check(reason, field: .overrideReason, required: true) }
        return try movingSlots(now: now) {
            try store.recordDecision(patientID: patientID, drug: drug, today: { LocalDate(now, in: $0.zone) }, at: now) { s, today in
                try Decisions.decide(request, DecisionContext(formulary: formulary, patient: s.patient, course: s.course,
                                                              plan: s.plan, courses: s.courses, today: today, now: now))
            }
        }
    }

    /// The patient's courses not stopped, newest first, each with its current plan: the
    /// course they are on, then any old course still tapering after a switch.
    public func coursesInProgress(patientID: String) throws -> [(Course, PlanVersion)] {
        try store.coursesInProgress(patientID: patientID)
    }

    /// ``coursesInProgress(patientID:)`` as lived at `now`: a taper whose stop date has come
    /// is not in progress, whether or not its status was written yet.
    public func coursesInProgress(patientID: String, now: Date) throws -> [(Course, PlanVersion)] {
        let ladder = try store.ladder(patientID: patientID)
        let lived = CourseRules.asLived(ladder, on: LocalDate(now, in: ladder.patient.zone))
        return lived.inProgress.compactMap { c in c.id.flatMap { lived.currentPlans[$0] }.map { (c, $0) } }
    }
}

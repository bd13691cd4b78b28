import Foundation
import PainLadder

/// Course starts and decisions with ``CourseRules`` applied: what every caller of a store
/// uses, so the rules hold whichever store is behind it.
extension ClinicStore {
    /// Starts a course: closes tapers that ended by its first day, checks nothing else is in
    /// progress, and saves `course` with `plan` as version 1 (audit `course.start`).
    ///
    /// `course.id`, `plan.id`, `plan.courseID`, `plan.version` and `plan.replacesID` are
    /// placeholders: the store assigns them (version 1, replacing nothing).
    ///
    /// ```swift
    /// let course = Course(patientID: "P001", drug: "amitriptyline", variant: "standard",
    ///                     startDate: today, createdAt: now, createdBy: "dr.khan")
    /// let plan = PlanVersion(courseID: 0, version: 1, replacesID: nil, createdAt: now, author: "dr.khan",
    ///                        reason: "course started", schedule: schedule, effectiveFrom: today)
    /// let (saved, v1) = try store.startCourse(course, plan: plan)   // saved.id, v1.id are set
    /// ```
    /// - Throws: ``PainLadderError/unknownPatient(_:)``; ``PainLadderError/notPossible(_:)``
    ///   when the patient already has a course that is not stopped, or when `course.status`
    ///   is `stopped`.
    public func startCourse(_ course: Course, plan: PlanVersion) throws -> (Course, PlanVersion) {
        try startCourse(patientID: course.patientID) { _ in (course, plan) }
    }

    /// Starts the course `make` builds for the patient as read inside the transaction, with
    /// ``CourseRules`` applied (tapers ended by its first day closed, nothing else in progress).
    public func startCourse(patientID: String, _ make: (Patient) throws -> (Course, PlanVersion)) throws -> (Course, PlanVersion) {
        try startCourse(patientID: patientID) { ladder in
            let (course, plan) = try make(ladder.patient)
            let closed = CourseRules.endedTapers(ladder, today: course.startDate, at: course.createdAt)
            try CourseRules.checkStart(course, ladder: CourseRules.closing(closed, in: ladder))
            return CourseStart(course: course, plan: plan, closedTapers: closed)
        }
    }

    /// Records a decision in one transaction: closes ended tapers, finds the course decided on
    /// and its plan, lets `body` (the pure core, ``Decisions/decide(_:_:)``) decide, checks
    /// the result against ``CourseRules``, and saves it. Either all of it is saved or nothing is.
    ///
    /// ```swift
    /// let saved = try store.recordDecision(patientID: "P001", today: today, at: now) { s in
    ///     try Decisions.decide(request, DecisionContext(formulary: f, patient: s.patient, course: s.course,
    ///                                                   plan: s.plan, courses: s.courses, today: today, now: now))
    /// }
    /// ```
    /// - Parameter drug: decide on the course in progress of this drug (an old drug still
    ///   tapering after a switch); `nil` for the newest course.
    public func recordDecision(patientID: String, drug: String? = nil, today: LocalDate, at: Date,
                               _ body: (DecisionSnapshot) throws -> DecisionResult) throws -> SavedDecision {
        try recordDecision(patientID: patientID, drug: drug, today: { _ in today }, at: at) { s, _ in try body(s) }
    }

    /// ``recordDecision(patientID:drug:today:at:_:)`` with "today" worked out from the patient
    /// as read inside the transaction (their local date).
    public func recordDecision(patientID: String, drug: String?, today: (Patient) -> LocalDate, at: Date,
                               _ body: (DecisionSnapshot, LocalDate) throws -> DecisionResult) throws -> SavedDecision {
        try recordDecision(patientID: patientID) { ladder in
            let today = today(ladder.patient)
            let closed = CourseRules.endedTapers(ladder, today: today, at: at)
            let after = CourseRules.closing(closed, in: ladder)
            let (course, plan) = try CourseRules.decidedCourse(after, drug: drug)
            let result = try body(DecisionSnapshot(patient: after.patient, courses: after.courses, course: course, plan: plan), today)
            try CourseRules.checkDecision(result, course: course, ladder: after)
            return DecisionWrite(course: course, current: plan, result: result, closedTapers: closed, at: at)
        }
    }

    /// The patient's courses not stopped, newest first, each with its current plan.
    public func coursesInProgress(patientID: String) throws -> [(Course, PlanVersion)] {
        let ladder = try ladder(patientID: patientID)
        return ladder.inProgress.compactMap { c in c.id.flatMap { ladder.currentPlans[$0] }.map { (c, $0) } }
    }
}

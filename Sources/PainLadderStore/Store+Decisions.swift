import Foundation
import GRDB
import PainLadder

/// What a decision is made from, read inside the decision's own transaction.
public struct DecisionSnapshot: Sendable {
    public var patient: Patient
    /// All the patient's courses, in start order (after any ended taper was closed).
    public var courses: [Course]
    /// The course decided on: the one in progress (``Store/activeCourse(patientID:)``), or
    /// when none is, the latest course (only `refer` may be recorded on a stopped course).
    public var course: Course
    /// Its current plan version.
    public var plan: PlanVersion
}

/// A decision as saved: the versions and courses with their ids.
public struct SavedDecision: Sendable {
    /// The decision as the core produced it, with `plan`, `newCourse` and `newPlan` replaced
    /// by what was saved.
    public var result: DecisionResult
    /// The course decided on, after the change (its new status and outcome).
    public var course: Course
    /// `switch`: the new course, saved.
    public var newCourse: Course?
    /// Tapering courses whose taper had ended and that this transaction marked stopped.
    public var closedTapers: [Course]
}

/// Decisions: new plan versions with their audit rows, and switches that start a new course
/// while the old one tapers.
///
/// ## Courses in progress
/// A patient has at most one course they are titrating, maintaining or holding, plus any
/// number of courses tapering to a stop. ``activeCourse(patientID:)`` keeps meaning "the
/// course the patient is on": the newest course that is not stopped (after a switch, the new
/// drug). A tapering old course is found with ``coursesInProgress(patientID:)`` (every
/// course not stopped, newest first). A tapering course counts as stopped from its plan's
/// stop date (``Schedule/stopDate``); its status becomes `stopped` the next time a decision
/// or a start is recorded for the patient (``closeEndedTapers(patientID:today:at:)``), with an
/// audit row `course.stop`.
///
/// ## Audit
/// Each decision writes one row `decision.<kind>` (who, when, the version it made and
/// replaced, the reason, the details, the warnings accepted, the overrides, the status
/// before and after); a switch also writes `course.start` for the new course.
extension Store {
    /// The patient's courses that are not stopped, newest first: the course they are on, then
    /// any course still tapering to a stop (a switch's old drug).
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func coursesInProgress(patientID: String) throws -> [Course] {
        try read { db in
            try Self.requirePatient(patientID, db)
            return try Self.fetchCoursesInProgress(patientID, db)
        }
    }

    /// Marks stopped every tapering course whose taper has ended on or before `today` (its
    /// plan's stop date), with an audit row each; returns them.
    @discardableResult
    public func closeEndedTapers(patientID: String, today: LocalDate, at: Date) throws -> [Course] {
        try write { db in
            try Self.requirePatient(patientID, db)
            return try Self.closeEndedTapers(patientID, today: today, at: at, db)
        }
    }

    /// Records a decision in one transaction: closes ended tapers, reads the course decided on
    /// and its plan, lets `body` (the pure core, ``Decisions/decide(_:_:)``) decide, and
    /// writes the new plan version (course status and outcome), the new course of a switch
    /// with its first plan, and the audit rows. Either all of it is saved or nothing is.
    ///
    /// ```swift
    /// let record = try store.recordDecision(patientID: "P001", today: today, at: now) { s in
    ///     try Decisions.decide(request, DecisionContext(formulary: f, patient: s.patient, course: s.course,
    ///                                                   plan: s.plan, courses: s.courses, today: today, now: now))
    /// }
    /// ```
    /// - Throws: ``PainLadderError/unknownPatient(_:)``; ``PainLadderError/notPossible(_:)``
    ///   when the patient has no course, when the plan changed since it was read, or when the
    ///   change would leave two courses being titrated at once; whatever `body` throws.
    ///
    /// - Parameter drug: decide on the course in progress of this drug (an old drug still
    ///   tapering after a switch, e.g. to stop it at once); `nil` for the newest course.
    public func recordDecision(patientID: String, drug: String? = nil, today: LocalDate, at: Date,
                               _ body: (DecisionSnapshot) throws -> DecisionResult) throws -> SavedDecision {
        try write { db in
            try Self.requirePatient(patientID, db)
            let patient = try Self.fetchPatient(patientID, db)
            let closed = try Self.closeEndedTapers(patientID, today: today, at: at, db)
            let courses = try Self.fetchCourses(patientID, db)
            var chosen: Course?
            if let drug {
                let inProgress = try Self.fetchCoursesInProgress(patientID, db)
                guard let match = inProgress.first(where: { $0.drug == drug.lowercased() }) else {
                    throw PainLadderError.invalidValue(
                        field: .drug, given: drug,
                        allowed: Phrase(inProgress.isEmpty ? "(no medicine in progress)" : inProgress.map(\.drug).joined(separator: ", ")))
                }
                chosen = match
            }
            guard let course = try chosen ?? Self.fetchActiveCourse(patientID, db) ?? courses.max(by: { ($0.id ?? 0) < ($1.id ?? 0) }),
                  let plan = try Self.fetchCurrentPlan(course.id!, db) else {
                throw PainLadderError.noCourseToDecideOn(patient: patientID)
            }
            var result = try body(DecisionSnapshot(patient: patient, courses: courses, course: course, plan: plan))

            var newCourse: Course?
            if var started = result.newCourse, let newPlan = result.newPlan {
                started.patientID = patientID
                let id = try Self.insertCourse(started, db)
                var first = Self.firstVersion(newPlan, of: id)
                first.decision?.details["fromCourseID"] = String(course.id!)
                let planID = try Self.insertPlanVersion(first, db)
                try Self.audit(db, at: at, actor: started.createdBy, action: "course.start", patientID: patientID, courseID: id,
                               detail: CourseStarted(drug: started.drug, variant: started.variant, startDate: started.startDate,
                                                     status: started.status, planVersionID: planID, reason: first.reason,
                                                     switchedFromCourseID: course.id!))
                newCourse = try Self.fetchCourse(id, db)
                result.newPlan = try Self.fetchPlanVersion(planID, db)
                result.plan.decision?.details["newCourseID"] = String(id)
            }
            result.plan = try Self.appendDecisionVersion(result, course: course, current: plan, at: at, db)

            // At most one course titrated at a time; tapering ones may overlap it.
            let titrating = try Self.fetchCoursesInProgress(patientID, db).filter { $0.status != .tapering }
            if titrating.count > 1 {
                throw PainLadderError.notPossible(
                    "\(patientID) would be on \(titrating.map { "\($0.drug) (course \($0.id ?? 0))" }.joined(separator: " and ")) at once; nothing was changed")
            }
            result.newCourse = newCourse
            return SavedDecision(result: result, course: try Self.fetchCourse(course.id!, db)!, newCourse: newCourse,
                                  closedTapers: closed)
        }
    }

    // MARK: - Inside a transaction

    static func fetchCourses(_ patientID: String, _ db: Database) throws -> [Course] {
        try Row.fetchAll(db, sql: "SELECT * FROM course WHERE patient_id = ? ORDER BY start_date, id",
                         arguments: [patientID]).map(Course.init(row:))
    }

    static func fetchCoursesInProgress(_ patientID: String, _ db: Database) throws -> [Course] {
        try Row.fetchAll(db, sql: "SELECT * FROM course WHERE patient_id = ? AND status <> ? ORDER BY id DESC",
                         arguments: [patientID, Course.Status.stopped.rawValue]).map(Course.init(row:))
    }

    @discardableResult
    static func closeEndedTapers(_ patientID: String, today: LocalDate, at: Date, _ db: Database) throws -> [Course] {
        var closed: [Course] = []
        for course in try fetchCoursesInProgress(patientID, db) where course.status == .tapering {
            guard let plan = try fetchCurrentPlan(course.id!, db), let stop = plan.schedule.stopDate, stop <= today else { continue }
            try db.execute(sql: "UPDATE course SET status = ? WHERE id = ?", arguments: [Course.Status.stopped.rawValue, course.id!])
            try audit(db, at: at, actor: "painladder (taper ended)", action: "course.stop", patientID: patientID,
                      courseID: course.id, detail: TaperEnded(stopDate: stop, outcome: course.outcome, planVersionID: plan.id!))
            closed.append(try fetchCourse(course.id!, db)!)
        }
        return closed
    }

    /// Appends the decision's plan version to `course`, checking it follows the current one,
    /// sets the course's status and outcome, and writes the `decision.<kind>` audit row.
    static func appendDecisionVersion(_ result: DecisionResult, course: Course, current: PlanVersion, at: Date,
                                      _ db: Database) throws -> PlanVersion {
        let v = result.plan
        guard v.courseID == course.id, v.replacesID == current.id, v.version == current.version + 1 else {
            throw PainLadderError.notPossible(
                "plan: course \(course.id ?? 0) (\(course.drug)) is now at version \(current.version) (\(current.reason), by "
                    + "\(current.author)); this decision was prepared as version \(v.version); reload and decide again. Nothing was changed")
        }
        if course.status == .stopped && v.decision?.kind != .refer {
            throw PainLadderError.notPossible("course \(course.id ?? 0) (\(course.drug)) is stopped; its plan can no longer change")
        }
        if result.outcome != nil && result.courseStatus != .stopped && result.courseStatus != .tapering {
            throw PainLadderError.notPossible("course: an outcome is recorded only when the course stops or tapers to a stop")
        }
        let id = try insertPlanVersion(v, db)
        let outcome = result.outcome ?? course.outcome
        if result.courseStatus != course.status || outcome != course.outcome {
            try db.execute(sql: "UPDATE course SET status = ?, outcome = ? WHERE id = ?",
                           arguments: [result.courseStatus.rawValue, outcome?.rawValue, course.id!])
        }
        let decision = v.decision
        try audit(db, at: at, actor: v.author, action: "decision.\(decision?.kind.rawValue ?? "unknown")",
                  patientID: course.patientID, courseID: course.id,
                  detail: DecisionAudit(planVersionID: id, version: v.version, replacesID: current.id, kind: decision?.kind,
                                        reason: decision?.reason ?? v.reason, details: decision?.details ?? [:],
                                        warnings: decision?.warnings.map { "\($0.drug)/\($0.rule)" } ?? [],
                                        overrides: v.overrides.filter { !current.overrides.contains($0) }.map(\.limit),
                                        effectiveFrom: v.effectiveFrom, holdReason: v.holdReason,
                                        nextReviewDate: v.nextReviewDate, statusBefore: course.status,
                                        statusAfter: result.courseStatus, outcome: outcome))
        return try fetchPlanVersion(id, db)
    }
}

/// Audit detail of `decision.<kind>`.
private struct DecisionAudit: Encodable {
    var planVersionID: Int64
    var version: Int
    var replacesID: Int64?
    var kind: Decision.Kind?
    var reason: String
    var details: [String: String]
    var warnings: [String]
    var overrides: [String]
    var effectiveFrom: LocalDate
    var holdReason: String?
    var nextReviewDate: LocalDate?
    var statusBefore: Course.Status
    var statusAfter: Course.Status
    var outcome: Course.Outcome?
}

/// Audit detail of `course.stop` when a taper ends.
private struct TaperEnded: Encodable {
    var stopDate: LocalDate
    var outcome: Course.Outcome?
    var planVersionID: Int64
}

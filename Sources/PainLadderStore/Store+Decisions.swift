import Foundation
import GRDB
import PainLadder
import PainLadderClinic

/// Decisions: new plan versions with their audit rows, and switches that start a new course
/// while the old one tapers. Which course, which tapers have ended and what may overlap is
/// decided by the application layer (`CourseRules`); this file reads and writes.
///
/// ## Audit
/// Each decision writes one row `decision.<kind>` (who, when, the version it made and
/// replaced, the reason, the details, the warnings accepted, the overrides, the status
/// before and after); a switch also writes `course.start` for the new course; a taper that
/// ended writes `course.stop`.
extension Store {
    public func ladder(patientID: String) throws -> LadderSnapshot {
        try read { db in try Self.fetchLadder(patientID, db) }
    }

    public func recordDecision(patientID: String, _ body: (LadderSnapshot) throws -> DecisionWrite) throws -> SavedDecision {
        try write { db in
            let write = try body(try Self.fetchLadder(patientID, db))
            let closed = try Self.closeTapers(write.closedTapers, db)
            let course = write.course
            var result = write.result
            var newCourse: Course?
            if var started = result.newCourse, let newPlan = result.newPlan {
                started.patientID = patientID
                let id = try Self.insertCourse(started, db)
                var first = Self.firstVersion(newPlan, of: id)
                first.decision?.details["fromCourseID"] = String(course.id!)
                let planID = try Self.insertPlanVersion(first, db)
                try Self.audit(db, at: write.at, actor: started.createdBy, action: "course.start", patientID: patientID, courseID: id,
                               detail: CourseStarted(drug: started.drug, variant: started.variant, startDate: started.startDate,
                                                     status: started.status, planVersionID: planID, reason: first.reason,
                                                     switchedFromCourseID: course.id!))
                newCourse = try Self.fetchCourse(id, db)
                result.newPlan = try Self.fetchPlanVersion(planID, db)
                result.plan.decision?.details["newCourseID"] = String(id)
            }
            result.plan = try Self.appendDecisionVersion(result, course: course, current: write.current, at: write.at, db)
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

    /// The ladder: every course, and the current plan of each course not stopped and of the latest one.
    static func fetchLadder(_ patientID: String, _ db: Database) throws -> LadderSnapshot {
        let patient = try fetchPatient(patientID, db)
        let courses = try fetchCourses(patientID, db)
        var plans: [Int64: PlanVersion] = [:]
        let latest = courses.map { $0.id ?? 0 }.max()
        for course in courses where course.status != .stopped || course.id == latest {
            if let id = course.id, let plan = try fetchCurrentPlan(id, db) { plans[id] = plan }
        }
        return LadderSnapshot(patient: patient, courses: courses, currentPlans: plans)
    }

    /// Marks the tapers stopped, with an audit row `course.stop` each; returns the courses as saved.
    static func closeTapers(_ closed: [ClosedTaper], _ db: Database) throws -> [Course] {
        try closed.map { taper in
            let course = taper.course
            try db.execute(sql: "UPDATE course SET status = ? WHERE id = ?", arguments: [Course.Status.stopped.rawValue, course.id!])
            try audit(db, at: taper.at, actor: "painladder (taper ended)", action: "course.stop", patientID: course.patientID,
                      courseID: course.id, detail: TaperEnded(stopDate: taper.stopDate, outcome: course.outcome, planVersionID: taper.plan.id!))
            return try fetchCourse(course.id!, db)!
        }
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
                                        effectiveFrom: v.effectiveFrom, effectiveTime: v.effectiveTime,
                                        holdReason: v.holdReason,
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
    var effectiveTime: LocalTime?
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

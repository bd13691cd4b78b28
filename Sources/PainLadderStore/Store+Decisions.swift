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
        try writeMovingSlots(patientID: patientID) { db in
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
                var audited = started
                audited.createdAt = write.at
                try Self.audit(db, .courseStarted(audited, id: id, planVersionID: planID, reason: first.reason,
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
            try audit(db, .taperEnded(course, stopDate: taper.stopDate, planVersionID: taper.plan.id!, at: taper.at))
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
        try audit(db, .decision(v, id: id, course: course, replacing: current, statusAfter: result.courseStatus,
                                outcome: outcome, at: at))
        return try fetchPlanVersion(id, db)
    }
}

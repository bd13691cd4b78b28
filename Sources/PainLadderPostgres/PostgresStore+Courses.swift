import Foundation
import PainLadder
import PainLadderClinic
import PostgresNIO

/// Courses and decisions: the SQLite store's units of work (`Store+Courses.swift`,
/// `Store+Decisions.swift`) on the server. Which course, which tapers ended and what may
/// overlap is decided by `Clinic`; this file reads and writes, each unit one transaction.
extension PostgresStore {
    /// The patient's courses with the current plan of each course not stopped and of the latest.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func ladder(patientID: String) throws -> LadderSnapshot {
        try session.transaction(readOnly: true) { try fetchLadder(patientID) }
    }

    /// Reads the ladder, lets `body` decide the new course, and saves it with plan version 1,
    /// the tapers `body` closes and the audit rows `course.stop` / `course.start`.
    public func startCourse(patientID: String, _ body: (LadderSnapshot) throws -> CourseStart) throws -> (Course, PlanVersion) {
        try session.transaction {
            let start = try body(try fetchLadder(patientID))
            _ = try closeTapers(start.closedTapers)
            let courseID = try insertCourse(start.course)
            let planID = try insertPlanVersion(start.plan.asFirstVersion(of: courseID))
            try audit(.courseStarted(start.course, id: courseID, planVersionID: planID, reason: start.plan.reason))
            return (try fetchCourse(courseID)!, try fetchPlanVersion(planID))
        }
    }

    /// Reads the ladder, lets `body` decide, and saves the decision: closed tapers, a switch's
    /// new course with its first plan, the new plan version with the course's status and
    /// outcome, and the audit rows.
    public func recordDecision(patientID: String, _ body: (LadderSnapshot) throws -> DecisionWrite) throws -> SavedDecision {
        try session.transaction {
            let write = try body(try fetchLadder(patientID))
            let closed = try closeTapers(write.closedTapers)
            let course = write.course
            var result = write.result
            var newCourse: Course?
            if var started = result.newCourse, let newPlan = result.newPlan {
                started.patientID = patientID
                let id = try insertCourse(started)
                var first = newPlan.asFirstVersion(of: id)
                first.decision?.details["fromCourseID"] = String(course.id!)
                let planID = try insertPlanVersion(first)
                var audited = started
                audited.createdAt = write.at
                try audit(.courseStarted(audited, id: id, planVersionID: planID, reason: first.reason,
                                         switchedFromCourseID: course.id!))
                newCourse = try fetchCourse(id)
                result.newPlan = try fetchPlanVersion(planID)
                result.plan.decision?.details["newCourseID"] = String(id)
            }
            result.plan = try appendDecisionVersion(result, course: course, current: write.current, at: write.at)
            result.newCourse = newCourse
            return SavedDecision(result: result, course: try fetchCourse(course.id!)!, newCourse: newCourse,
                                 closedTapers: closed)
        }
    }

    // MARK: - Inside a transaction

    func fetchLadder(_ patientID: String) throws -> LadderSnapshot {
        let patient = try fetchPatient(patientID)
        let courses = try fetchCourses(patientID)
        var plans: [Int64: PlanVersion] = [:]
        let latest = courses.map { $0.id ?? 0 }.max()
        for course in courses where course.status != .stopped || course.id == latest {
            if let id = course.id, let plan = try fetchCurrentPlan(id) { plans[id] = plan }
        }
        return LadderSnapshot(patient: patient, courses: courses, currentPlans: plans)
    }

    func fetchCourse(_ id: Int64) throws -> Course? {
        try session.run("SELECT \(unescaped: Self.courseColumns) FROM course WHERE id = \(id)").first.map(Self.course(from:))
    }

    /// A new course's row, its outcome not yet known; the server numbers it.
    func insertCourse(_ course: Course) throws -> Int64 {
        try session.run("""
            INSERT INTO course (patient_id, drug, variant, start_date, status, created_at, created_by)
            VALUES (\(course.patientID), \(course.drug), \(course.variant), \(course.startDate.description)::date,
                    \(course.status.rawValue), \(PostgresTime.rounded(course.createdAt)), \(course.createdBy))
            RETURNING id
            """)[0].decode(Int64.self)
    }

    /// Marks the tapers stopped, with an audit row `course.stop` each; returns them as saved.
    func closeTapers(_ closed: [ClosedTaper]) throws -> [Course] {
        try closed.map { taper in
            let course = taper.course
            try session.run("UPDATE course SET status = \(Course.Status.stopped.rawValue) WHERE id = \(course.id!)")
            try audit(.taperEnded(course, stopDate: taper.stopDate, planVersionID: taper.plan.id!, at: taper.at))
            return try fetchCourse(course.id!)!
        }
    }

    /// Appends the decision's version after checking it follows the current one, sets the
    /// course's status and outcome, and writes the `decision.<kind>` audit row.
    func appendDecisionVersion(_ result: DecisionResult, course: Course, current: PlanVersion, at: Date) throws -> PlanVersion {
        let v = result.plan
        guard v.courseID == course.id, v.replacesID == current.id, v.version == current.version + 1 else {
            throw PainLadderError.notPossible(
                "plan: course \(course.id ?? 0) (\(course.drug)) is now at version \(current.version) (\(current.reason), by "
                    + "\(current.author)); this decision was prepared as version \(v.version); reload and decide again. Nothing was changed")
        }
        let id = try insertPlanVersion(v)
        let outcome = result.outcome ?? course.outcome
        if result.courseStatus != course.status || outcome != course.outcome {
            try session.run("""
                UPDATE course SET status = \(result.courseStatus.rawValue), outcome = \(outcome?.rawValue)
                WHERE id = \(course.id!)
                """)
        }
        try audit(.decision(v, id: id, course: course, replacing: current, statusAfter: result.courseStatus,
                            outcome: outcome, at: at))
        return try fetchPlanVersion(id)
    }

    static let courseColumns = "id, patient_id, drug, variant, start_date::text, status, outcome, created_at, created_by"

    static func course(from row: PostgresRow) throws -> Course {
        let (id, patient, drug, variant, start, status, outcome, createdAt, createdBy) =
            try row.decode((Int64, String, String, String, String, String, String?, Date, String).self)
        guard let status = Course.Status(rawValue: status) else {
            throw PainLadderError.internalError("course.status '\(status)' is not a known value")
        }
        return Course(id: id, patientID: patient, drug: drug, variant: variant,
                      startDate: try date(start, "course.start_date"), status: status,
                      outcome: try outcome.map { text in
                          guard let o = Course.Outcome(rawValue: text) else {
                              throw PainLadderError.internalError("course.outcome '\(text)' is not a known value")
                          }
                          return o
                      }, createdAt: PostgresTime.rounded(createdAt), createdBy: createdBy)
    }
}

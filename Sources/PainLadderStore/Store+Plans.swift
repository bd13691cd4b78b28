import Foundation
import GRDB
import PainLadder

extension Store {
    /// The course's plan in force: its highest version, or `nil` for an unknown course.
    public func currentPlan(courseID: Int64) throws -> PlanVersion? {
        try read { db in try Self.fetchCurrentPlan(courseID, schedules: schedules, db) }
    }

    /// Every version of the course's plan, oldest first. Old versions are never changed.
    public func planVersions(courseID: Int64) throws -> [PlanVersion] {
        try read { db in
            try Self.fetchPlanVersions(where: "v.course_id = ?", arguments: [courseID], db)
        }
    }

    /// Records a decision as a new plan version, optionally changing the course's status
    /// (and, when it stops, its outcome), with an audit row `plan.version`.
    ///
    /// `v` must be prepared against the current plan: `v.replacesID` is the current
    /// version's id and `v.version` is one more. If someone else recorded a version in
    /// between (two clinicians at once), this is refused and nothing changes: reload and
    /// decide again.
    ///
    /// ```swift
    /// var next = try store.currentPlan(courseID: id)!
    /// next.replacesID = next.id; next.id = nil; next.version += 1
    /// next.reason = "held for moderate dizziness"; next.holdReason = "dizziness"
    /// next.author = "dr.khan"; next.createdAt = now
    /// let saved = try store.addPlanVersion(next, courseStatus: .held)
    /// ```
    /// - Throws: ``PainLadderError/notPossible(_:)`` for an unknown or stopped course, a
    ///   version that does not follow the current one, or an outcome without `.stopped`.
    @discardableResult
    public func addPlanVersion(_ v: PlanVersion, courseStatus: Course.Status? = nil,
                               outcome: Course.Outcome? = nil) throws -> PlanVersion {
        try write { db in try Self.appendPlanVersion(v, courseStatus: courseStatus, outcome: outcome, db) }
    }

    // MARK: - Inside a transaction

    /// The checks and writes of ``addPlanVersion(_:courseStatus:outcome:)``, inside the
    /// caller's transaction (so a journal entry and the hold it causes commit together).
    static func appendPlanVersion(_ v: PlanVersion, courseStatus: Course.Status?, outcome: Course.Outcome?,
                                  _ db: Database) throws -> PlanVersion {
            guard let course = try Self.fetchCourse(v.courseID, db) else {
                throw PainLadderError.notPossible("course: there is no course \(v.courseID)")
            }
            if course.status == .stopped {
                throw PainLadderError.notPossible(
                    "course \(v.courseID) (\(course.drug)) is stopped; its plan can no longer change")
            }
            if outcome != nil && courseStatus != .stopped {
                throw PainLadderError.notPossible("course: an outcome is recorded only when the course stops")
            }
            guard let current = try Self.fetchCurrentPlan(v.courseID, db) else {
                throw PainLadderError.internalError("course \(v.courseID) has no plan")
            }
            guard v.replacesID == current.id, v.version == current.version + 1 else {
                throw PainLadderError.notPossible(
                    "plan: course \(v.courseID) (\(course.drug)) is now at version \(current.version) "
                        + "(\(current.reason), by \(current.author)); this change was prepared as version "
                        + "\(v.version) replacing plan \(v.replacesID.map(String.init) ?? "none"); "
                        + "reload the plan and decide again. Nothing was changed")
            }
            let id = try Self.insertPlanVersion(v, db)
            let newStatus = courseStatus ?? course.status
            if newStatus != course.status || outcome != course.outcome {
                try db.execute(sql: "UPDATE course SET status = ?, outcome = ? WHERE id = ?",
                               arguments: [newStatus.rawValue, outcome?.rawValue ?? course.outcome?.rawValue, v.courseID])
            }
            try Self.audit(db, at: v.createdAt, actor: v.author, action: "plan.version",
                           patientID: course.patientID, courseID: v.courseID,
                           detail: PlanChange(planVersionID: id, version: v.version, replacesID: current.id,
                                              reason: v.reason, effectiveFrom: v.effectiveFrom,
                                              effectiveTime: v.effectiveTime,
                                              holdReason: v.holdReason, nextReviewDate: v.nextReviewDate,
                                              statusBefore: course.status, statusAfter: newStatus,
                                              outcome: outcome))
            return try Self.fetchPlanVersion(id, db)
    }

    static func insertPlanVersion(_ v: PlanVersion, _ db: Database) throws -> Int64 {
        var row = v
        row.id = nil   // the database numbers versions
        try row.insert(db)
        return row.id!
    }

    static func fetchPlanVersion(_ id: Int64, _ db: Database) throws -> PlanVersion {
        guard let version = try SQLRequest<PlanVersion>("SELECT * FROM plan_version WHERE id = \(id)").fetchOne(db) else {
            throw PainLadderError.internalError("plan version \(id) vanished")
        }
        return version
    }

    /// The course's highest plan version; its schedule through `schedules` when given.
    static func fetchCurrentPlan(_ courseID: Int64, schedules: ScheduleCache? = nil, _ db: Database) throws -> PlanVersion? {
        let request: SQLRequest<Row> = """
            SELECT * FROM plan_version WHERE course_id = \(courseID) ORDER BY version DESC LIMIT 1
            """
        guard let row = try request.fetchOne(db) else { return nil }
        guard let schedules else { return try PlanVersion(row: row) }
        return try PlanVersion(row: row, schedule: Rows.schedule(row["schedule"], table: PlanVersion.databaseTableName,
                                                               decode: schedules.schedule))
    }
}

/// Audit detail of `plan.version`.
struct PlanChange: Encodable {
    var planVersionID: Int64
    var version: Int
    var replacesID: Int64?
    var reason: String
    var effectiveFrom: LocalDate
    var effectiveTime: LocalTime?
    var holdReason: String?
    var nextReviewDate: LocalDate?
    var statusBefore: Course.Status
    var statusAfter: Course.Status
    var outcome: Course.Outcome?
}

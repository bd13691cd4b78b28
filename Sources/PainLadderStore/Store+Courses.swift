import Foundation
import GRDB
import PainLadder
import PainLadderClinic

extension Store {
    public func startCourse(patientID: String, _ body: (LadderSnapshot) throws -> CourseStart) throws -> (Course, PlanVersion) {
        try write { db in
            let start = try body(try Self.fetchLadder(patientID, db))
            let course = start.course, plan = start.plan
            _ = try Self.closeTapers(start.closedTapers, db)
            let courseID = try Self.insertCourse(course, db)
            let planID = try Self.insertPlanVersion(Self.firstVersion(plan, of: courseID), db)
            try Self.audit(db, at: course.createdAt, actor: course.createdBy, action: "course.start",
                           patientID: course.patientID, courseID: courseID,
                           detail: CourseStarted(drug: course.drug, variant: course.variant,
                                                 startDate: course.startDate, status: course.status,
                                                 planVersionID: planID, reason: plan.reason))
            return (try Self.fetchCourse(courseID, db)!, try Self.fetchPlanVersion(planID, db))
        }
    }

    /// The patient's latest course that is not stopped, or `nil`.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func activeCourse(patientID: String) throws -> Course? {
        try read { db in
            try Self.requirePatient(patientID, db)
            return try Self.fetchActiveCourse(patientID, db)
        }
    }

    /// All the patient's courses (the ladder so far), in start order.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func courses(patientID: String) throws -> [Course] {
        try read { db in
            try Self.requirePatient(patientID, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM course WHERE patient_id = ? ORDER BY start_date, id",
                                    arguments: [patientID]).map(Course.init(row:))
        }
    }

    /// The course with this id, or `nil`.
    public func course(id: Int64) throws -> Course? {
        try read { db in try Self.fetchCourse(id, db) }
    }

    // MARK: - Inside a transaction

    static func fetchCourse(_ id: Int64, _ db: Database) throws -> Course? {
        try Row.fetchOne(db, sql: "SELECT * FROM course WHERE id = ?", arguments: [id]).map(Course.init(row:))
    }

    static func fetchActiveCourse(_ patientID: String, _ db: Database) throws -> Course? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM course WHERE patient_id = ? AND status <> ? ORDER BY id DESC LIMIT 1
            """, arguments: [patientID, Course.Status.stopped.rawValue]).map(Course.init(row:))
    }
}

extension Store {
    /// Inserts a new course's row (its outcome not yet known); returns its id.
    static func insertCourse(_ course: Course, _ db: Database) throws -> Int64 {
        try db.insertRow(into: "course", [
            "patient_id": course.patientID, "drug": course.drug, "variant": course.variant,
            "start_date": course.startDate.description, "status": course.status.rawValue,
            "outcome": nil, "created_at": StoreTime.string(course.createdAt), "created_by": course.createdBy,
        ])
    }

    /// `plan` as the first version of course `courseID`: version 1, replacing nothing.
    static func firstVersion(_ plan: PlanVersion, of courseID: Int64) -> PlanVersion {
        var first = plan
        first.courseID = courseID
        first.version = 1
        first.replacesID = nil
        return first
    }
}

/// Audit detail of `course.start`.
struct CourseStarted: Encodable {
    var drug: String
    var variant: String
    var startDate: LocalDate
    var status: Course.Status
    var planVersionID: Int64
    var reason: String
    /// The course a switch moved from (absent for a course started on its own).
    var switchedFromCourseID: Int64? = nil
}

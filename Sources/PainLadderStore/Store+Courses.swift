import Foundation
import GRDB
import PainLadder
import PainLadderClinic

extension Store {
    public func startCourse(patientID: String, _ body: (LadderSnapshot) throws -> CourseStart) throws -> (Course, PlanVersion) {
        try writeMovingSlots(patientID: patientID) { db in
            let start = try body(try Self.fetchLadder(patientID, db))
            let course = start.course, plan = start.plan
            _ = try Self.closeTapers(start.closedTapers, db)
            let courseID = try Self.insertCourse(course, db)
            let planID = try Self.insertPlanVersion(Self.firstVersion(plan, of: courseID), db)
            try Self.audit(db, .courseStarted(course, id: courseID, planVersionID: planID, reason: plan.reason))
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
            return try SQLRequest<Course>("SELECT * FROM course WHERE patient_id = \(patientID) ORDER BY start_date, id")
                .fetchAll(db)
        }
    }

    /// The course with this id, or `nil`.
    public func course(id: Int64) throws -> Course? {
        try read { db in try Self.fetchCourse(id, db) }
    }

    // MARK: - Inside a transaction

    static func fetchCourse(_ id: Int64, _ db: Database) throws -> Course? {
        try SQLRequest<Course>("SELECT * FROM course WHERE id = \(id)").fetchOne(db)
    }

    static func fetchActiveCourse(_ patientID: String, _ db: Database) throws -> Course? {
        try SQLRequest<Course>("""
            SELECT * FROM course WHERE patient_id = \(patientID) AND status <> \(Course.Status.stopped.rawValue)
            ORDER BY id DESC LIMIT 1
            """).fetchOne(db)
    }
}

extension Store {
    /// Inserts a new course's row (its outcome not yet known); returns its id.
    static func insertCourse(_ course: Course, _ db: Database) throws -> Int64 {
        var row = course
        row.id = nil   // the database numbers courses
        row.outcome = nil
        try row.insert(db)
        return row.id!
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

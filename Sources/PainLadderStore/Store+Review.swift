import Foundation
import GRDB
import PainLadder

/// Everything a review reads about one patient: every course with every plan version, the
/// zone history and the whole journal, read in one transaction.
public struct PatientRecord: Sendable {
    public var patient: Patient
    public var zones: ZoneHistory
    /// Every course, in start order, each with its plan versions (oldest first).
    public var courses: [CourseRecord]
    /// Every journal entry, in the order recorded (corrections included).
    public var journal: [JournalEntry]
}

extension Store {
    /// The patient's whole record for a review, in one read transaction.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func patientRecord(patientID: String) throws -> PatientRecord {
        try read { db in
            let patient = try Self.fetchPatient(patientID, db)
            let courses = try Row.fetchAll(db, sql: "SELECT * FROM course WHERE patient_id = ? ORDER BY start_date, id",
                                           arguments: [patientID]).map(Course.init(row:))
            let versions = try Row.fetchAll(db, sql: """
                SELECT v.* FROM plan_version v JOIN course c ON c.id = v.course_id
                WHERE c.patient_id = ? ORDER BY v.course_id, v.version
                """, arguments: [patientID]).map(PlanVersion.init(row:))
            let byCourse = Dictionary(grouping: versions, by: \.courseID)
            return PatientRecord(patient: patient, zones: try Self.fetchZones(patient, db),
                                 courses: courses.map { CourseRecord(course: $0, versions: byCourse[$0.id ?? -1] ?? []) },
                                 journal: try Self.fetchJournal(patientID, db))
        }
    }

    /// Courses in progress whose current plan (the highest version) has a review date on or
    /// before `cutoff`, with their patient, for the clinician's day list.
    ///
    /// One query: the range on `next_review_date` uses the partial index on that column; each
    /// candidate is checked to be its course's highest version through the (course_id, version)
    /// unique index, and its course not stopped.
    public func reviewQueue(dueBy cutoff: LocalDate) throws -> [ReviewQueue.Entry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id AS patient_id, p.name, p.time_zone, c.id AS course_id, c.drug,
                       v.version, v.next_review_date, v.hold_reason
                FROM plan_version v
                JOIN course c ON c.id = v.course_id
                JOIN patient p ON p.id = c.patient_id
                WHERE v.next_review_date IS NOT NULL AND v.next_review_date <= ?
                  AND c.status <> ?
                  AND NOT EXISTS (SELECT 1 FROM plan_version later
                                  WHERE later.course_id = v.course_id AND later.version > v.version)
                ORDER BY v.next_review_date, p.id
                """, arguments: [cutoff.description, Course.Status.stopped.rawValue]).map { row in
                ReviewQueue.Entry(patientID: row["patient_id"], patientName: row["name"], timeZone: row["time_zone"],
                                  courseID: row["course_id"], drug: row["drug"], planVersion: row["version"],
                                  nextReviewDate: try Rows.date(row, "next_review_date", table: "plan_version"),
                                  holdReason: row["hold_reason"])
            }
        }
    }
}

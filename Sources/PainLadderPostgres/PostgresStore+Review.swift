import Foundation
import PainLadder
import PainLadderClinic

extension PostgresStore {
    /// Courses in progress whose current plan (the highest version) has a review date on or
    /// before `cutoff`, with their patient, for the clinician's day list.
    public func reviewQueue(dueBy cutoff: LocalDate) throws -> [ReviewQueue.Entry] {
        try session.transaction(readOnly: true) {
            try session.run("""
                SELECT p.id, p.name, p.time_zone, c.id, c.drug, v.version, v.next_review_date::text, v.hold_reason
                FROM course c
                JOIN LATERAL (SELECT * FROM plan_version m WHERE m.course_id = c.id ORDER BY version DESC LIMIT 1) v ON true
                JOIN patient p ON p.id = c.patient_id
                WHERE c.status <> \(Course.Status.stopped.rawValue) AND v.next_review_date <= \(cutoff.description)::date
                ORDER BY v.next_review_date, p.id
                """).map { row in
                let (patient, name, zone, course, drug, version, review, hold) =
                    try row.decode((String, String?, String, Int64, String, Int, String, String?).self)
                return ReviewQueue.Entry(patientID: patient, patientName: name, timeZone: zone, courseID: course,
                                         drug: drug, planVersion: version,
                                         nextReviewDate: try Self.date(review, "plan_version.next_review_date"),
                                         holdReason: hold)
            }
        }
    }

    /// Reads the patient, lets `change` return the new record, and writes it with an audit row
    /// `patient.update` (before, after, reason), all in one transaction. A changed time zone
    /// applies from `zoneFrom(new record)`; the zone before it is kept from the beginning.
    public func updatePatient(id: String, at: Date, by: String, reason: String?, zoneFrom: (Patient) -> LocalDate,
                              _ change: (Patient) throws -> Patient) throws -> PatientUpdate {
        try session.transaction {
            let before = try fetchPatient(id)
            var after = try change(before)
            after.id = before.id
            guard after != before else { return PatientUpdate(before: before, after: after, changed: false) }
            let recorded = PostgresTime.rounded(at)
            if before.timeZone != after.timeZone {
                let known = try session.run("SELECT 1 FROM patient_zone WHERE patient_id = \(id) LIMIT 1")
                if known.isEmpty {
                    try session.run("""
                        INSERT INTO patient_zone (patient_id, from_date, zone, recorded_at)
                        VALUES (\(id), '0001-01-01', \(before.timeZone), \(recorded))
                        """)
                }
                try session.run("""
                    INSERT INTO patient_zone (patient_id, from_date, zone, recorded_at)
                    VALUES (\(id), \(zoneFrom(after).description)::date, \(after.timeZone), \(recorded))
                    """)
            }
            try writePatient(after, updatedAt: recorded)
            try audit(.patientUpdated(before: before, after: after, reason: reason, by: by, at: at))
            return PatientUpdate(before: before, after: after, changed: true)
        }
    }
}

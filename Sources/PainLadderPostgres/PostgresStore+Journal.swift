import Foundation
import PainLadder
import PainLadderClinic
import PostgresNIO

/// The journal path (`take`, `today`, `review`): the SQLite store's units of work
/// (`Store+Journal.swift`, `Store+Review.swift`) on the server.
extension PostgresStore {
    /// How far either side of `journalNear` the journal is read (as the SQLite store).
    public static let journalWindow: TimeInterval = 5 * 86_400

    /// Reads the patient's course in progress, plan versions, zones and journal, lets `body`
    /// decide, and writes the entries (each with its audit row) and any new plan version, in
    /// one SERIALIZABLE transaction: two recordings at once cannot both claim one slot (one
    /// fails to serialize, runs again and sees the other).
    public func recordJournal(patientID: String, journalNear: Date?,
                              _ body: (PatientSnapshot) throws -> JournalWrite) throws -> JournalWrite {
        try session.transaction {
            let request = try body(try fetchSnapshot(patientID, allCourses: false, journalNear: journalNear))
            var newPlan: PlanVersion?
            if let plan = request.newPlan {
                newPlan = try appendPlanVersion(plan, courseStatus: request.courseStatus)
            }
            var stored: [JournalEntry] = []
            for var entry in request.entries {
                if entry.planVersionID == nil, let plan = newPlan { entry.planVersionID = plan.id }
                entry.id = try insertEntry(entry)
                try audit(.journal(entry))
                stored.append(try fetchEntry(entry.id!))
            }
            return JournalWrite(entries: stored, newPlan: newPlan, courseStatus: request.courseStatus)
        }
    }

    /// The patient's record as workflows see it, in one read-only transaction.
    public func snapshot(patientID: String, allCourses: Bool, journalNear: Date?) throws -> PatientSnapshot {
        try session.transaction(readOnly: true) {
            try fetchSnapshot(patientID, allCourses: allCourses, journalNear: journalNear)
        }
    }

    /// Everything about one patient, in one read: for reviews and exports.
    public func patientRecord(patientID: String) throws -> PatientRecord {
        try session.transaction(readOnly: true) {
            let patient = try fetchPatient(patientID)
            let courses = try fetchCourses(patientID)
            let byCourse = Dictionary(grouping: try fetchPlanVersions(patientID: patientID), by: \.courseID)
            return PatientRecord(patient: patient, zones: try fetchZones(patient),
                                 courses: courses.map { CourseRecord(course: $0, versions: byCourse[$0.id ?? -1] ?? []) },
                                 journal: try fetchJournal(patientID, near: nil))
        }
    }

    // MARK: - Inside a transaction

    func fetchSnapshot(_ patientID: String, allCourses: Bool, journalNear: Date?) throws -> PatientSnapshot {
        let patient = try fetchPatient(patientID)
        let inProgress = try session.run("""
            SELECT \(unescaped: Self.courseColumns) FROM course
            WHERE patient_id = \(patientID) AND status <> \(Course.Status.stopped.rawValue) ORDER BY id DESC
            """).map(Self.course(from:))
        let course = inProgress.first
        let versions: [PlanVersion]
        if allCourses {
            versions = try fetchPlanVersions(patientID: patientID)
        } else if let id = course?.id {
            versions = try fetchPlanVersions(courseID: id)
        } else {
            versions = []
        }
        let others = try inProgress.dropFirst().map { ($0, try fetchPlanVersions(courseID: $0.id!)) }
        return PatientSnapshot(patient: patient, zones: try fetchZones(patient), course: course, versions: versions,
                               journal: try fetchJournal(patientID, near: journalNear), others: others)
    }

    func fetchCourses(_ patientID: String) throws -> [Course] {
        try session.run("""
            SELECT \(unescaped: Self.courseColumns) FROM course WHERE patient_id = \(patientID) ORDER BY start_date, id
            """).map(Self.course(from:))
    }

    func fetchPlanVersions(courseID: Int64) throws -> [PlanVersion] {
        try session.run("""
            SELECT \(unescaped: Self.planColumns) FROM plan_version WHERE course_id = \(courseID) ORDER BY version
            """).map(Self.planVersion(from:))
    }

    func fetchPlanVersions(patientID: String) throws -> [PlanVersion] {
        try session.run("""
            SELECT \(unescaped: Self.planColumns) FROM plan_version
            WHERE course_id IN (SELECT id FROM course WHERE patient_id = \(patientID)) ORDER BY course_id, version
            """).map(Self.planVersion(from:))
    }

    /// The patient's zones over time; a later row for the same date wins.
    func fetchZones(_ patient: Patient) throws -> ZoneHistory {
        let rows = try session.run("""
            SELECT from_date::text, zone FROM patient_zone WHERE patient_id = \(patient.id) ORDER BY from_date, id
            """)
        guard !rows.isEmpty else { return ZoneHistory(single: patient.timeZone) }
        var byDate: [(from: LocalDate, zone: String)] = []
        for row in rows {
            let (fromText, zone) = try row.decode((String, String).self)
            let from = try Self.date(fromText, "patient_zone.from_date")
            if byDate.last?.from == from { byDate.removeLast() }
            byDate.append((from, zone))
        }
        return ZoneHistory(byDate)
    }

    /// The whole journal in the order recorded, or, near an instant, the entries within
    /// ``journalWindow`` of it (by when they happened or their dose slot's date) and every
    /// entry that corrects or undoes them.
    func fetchJournal(_ patientID: String, near instant: Date?) throws -> [JournalEntry] {
        guard let instant else {
            return try session.run("""
                SELECT id, entry::text FROM journal_entry WHERE patient_id = \(patientID) ORDER BY id
                """).map(Self.entry(from:))
        }
        let utc = TimeZone(identifier: "UTC")!
        let from = instant.addingTimeInterval(-Self.journalWindow), to = instant.addingTimeInterval(Self.journalWindow)
        return try session.run("""
            WITH RECURSIVE w(id) AS (
                SELECT id FROM journal_entry
                 WHERE patient_id = \(patientID)
                   AND (at BETWEEN \(from) AND \(to)
                        OR slot_date BETWEEN \(LocalDate(from, in: utc).description)::date
                                         AND \(LocalDate(to, in: utc).description)::date)
                UNION
                SELECT j.id FROM journal_entry j JOIN w ON j.supersedes = w.id
            )
            SELECT id, entry::text FROM journal_entry WHERE id IN (SELECT id FROM w) ORDER BY id
            """).map(Self.entry(from:))
    }

    func fetchEntry(_ id: Int64) throws -> JournalEntry {
        guard let row = try session.run("SELECT id, entry::text FROM journal_entry WHERE id = \(id)").first else {
            throw PainLadderError.internalError("journal entry \(id) vanished")
        }
        return try Self.entry(from: row)
    }

    /// Appends one entry (its instants to the millisecond); returns its id.
    func insertEntry(_ e: JournalEntry) throws -> Int64 {
        var e = e
        e.id = nil
        e.at = PostgresTime.rounded(e.at)
        e.recordedAt = PostgresTime.rounded(e.recordedAt)
        let slot = e.event.dose?.slot
        return try session.run("""
            INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by,
                supersedes, slot_date, slot_time, dose_mg, entry)
            VALUES (\(e.patientID), \(e.courseID), \(e.planVersionID), \(e.kind.rawValue), \(e.at), \(e.recordedAt),
                \(e.recordedBy), \(e.supersedes), \(slot?.date.description)::date, \(slot?.time.description),
                \(e.event.dose?.doseMg), \(try PostgresJSON.encode(e))::jsonb)
            RETURNING id
            """)[0].decode(Int64.self)
    }

    static func entry(from row: PostgresRow) throws -> JournalEntry {
        let (id, text) = try row.decode((Int64, String).self)
        var entry = try PostgresJSON.decode(JournalEntry.self, from: text)
        entry.id = id
        return entry
    }

    /// A plan version the journal's rule made (an automatic hold), with the course's new
    /// status and the audit row `plan.version`, after checking it follows the current one.
    func appendPlanVersion(_ v: PlanVersion, courseStatus: Course.Status?) throws -> PlanVersion {
        guard let course = try fetchCourse(v.courseID) else {
            throw PainLadderError.notPossible("course: there is no course \(v.courseID)")
        }
        if course.status == .stopped {
            throw PainLadderError.notPossible("course \(v.courseID) (\(course.drug)) is stopped; its plan can no longer change")
        }
        guard let current = try fetchCurrentPlan(v.courseID) else {
            throw PainLadderError.internalError("course \(v.courseID) has no plan")
        }
        guard v.replacesID == current.id, v.version == current.version + 1 else {
            throw PainLadderError.notPossible(
                "plan: course \(v.courseID) (\(course.drug)) is now at version \(current.version); "
                    + "this change was prepared as version \(v.version); reload and decide again. Nothing was changed")
        }
        let id = try insertPlanVersion(v)
        let newStatus = courseStatus ?? course.status
        if newStatus != course.status {
            try session.run("UPDATE course SET status = \(newStatus.rawValue) WHERE id = \(v.courseID)")
        }
        try audit(.planVersion(v, id: id, patientID: course.patientID, replacesID: current.id,
                               statusBefore: course.status, statusAfter: newStatus, outcome: nil))
        return try fetchPlanVersion(id)
    }
}

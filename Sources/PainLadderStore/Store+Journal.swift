import Foundation
import GRDB
import GRDBSQLite
import PainLadder
import PainLadderClinic

extension Store {
    /// Reads the patient's course in progress, plan versions, zone history and journal, lets
    /// `body` (pure core logic) decide what to write, and writes it — all in one IMMEDIATE
    /// transaction, so two recordings at once see each other (no slot is claimed twice).
    ///
    /// ```swift
    /// let written = try store.recordJournal(patientID: "P001") { snapshot in
    ///     JournalWrite(entries: [try DoseRecording.take(at: now, doseMg: nil, note: nil,
    ///                                                  context: …, now: now, by: "P001")])
    /// }
    /// ```
    /// - Parameter journalNear: read only the journal around this instant (see
    ///   ``snapshot(patientID:allCourses:journalNear:)``); `nil` reads all of it.
    /// - Returns: the entries as stored (with ids) and the new plan version, if any.
    public func recordJournal(patientID: String, journalNear: Date? = nil,
                              _ body: (PatientSnapshot) throws -> JournalWrite) throws -> JournalWrite {
        try writeMovingSlots(patientID: patientID) { db in
            let snapshot = try Self.fetchSnapshot(patientID, allCourses: false, journalNear: journalNear, db)
            let request = try body(snapshot)
            var newPlan: PlanVersion?
            if let plan = request.newPlan {
                newPlan = try Self.appendPlanVersion(plan, courseStatus: request.courseStatus, outcome: nil, db)
            }
            var stored: [JournalEntry] = []
            for var entry in request.entries {
                if entry.planVersionID == nil, let plan = newPlan { entry.planVersionID = plan.id }
                stored.append(try Self.appendEntry(entry, db))
            }
            return JournalWrite(entries: stored, newPlan: newPlan, courseStatus: request.courseStatus)
        }
    }

    /// The patient's record as workflows see it, in one read transaction.
    ///
    /// - Parameters:
    ///   - allCourses: include the plan versions of every course (for history), not
    ///     only the course in progress.
    ///   - journalNear: read only the journal entries within ``journalWindow`` of this instant
    ///     (by when they happened or by their dose slot's date) and the entries that correct or
    ///     undo them. Recording a dose and "today" look at a day or two around one instant;
    ///     two years of a patient's journal is about 2,700 entries, and reading them all was most
    ///     of those commands' time (BENCHMARKS.md). `nil` reads the whole journal.
    public func snapshot(patientID: String, allCourses: Bool = false, journalNear: Date? = nil) throws -> PatientSnapshot {
        try read { db in try Self.fetchSnapshot(patientID, allCourses: allCourses, journalNear: journalNear, db) }
    }

    /// How far either side of `journalNear` the journal is read: five days, wider than any use
    /// (a dose's slot is within a day of it, the day plan looks at today and tomorrow) plus
    /// the largest gap between a local time and UTC.
    public static let journalWindow: TimeInterval = 5 * 86_400

    /// Every journal entry of the patient, in the order recorded.
    public func journal(patientID: String) throws -> [JournalEntry] {
        try read { db in
            try Self.requirePatient(patientID, db)
            return try Self.fetchJournal(patientID, db)
        }
    }

    /// The patient's time zones over time (one zone until they first move).
    public func zoneHistory(patientID: String) throws -> ZoneHistory {
        try read { db in try Self.fetchZones(try Self.fetchPatient(patientID, db), db) }
    }

    // MARK: - Inside a transaction

    /// Appends one journal entry with its audit row `journal.<kind>` (every journal row has
    /// one, whoever writes it); returns it with its id.
    static func appendEntry(_ entry: JournalEntry, _ db: Database) throws -> JournalEntry {
        var entry = entry
        entry.id = try insertEntry(entry, db)
        _ = try audit(db, .journal(entry))
        return entry
    }

    static func fetchSnapshot(_ patientID: String, allCourses: Bool, journalNear: Date? = nil,
                              _ db: Database) throws -> PatientSnapshot {
        let patient = try fetchPatient(patientID, db)
        let course = try fetchActiveCourse(patientID, db)
        // Around an instant, only the versions that can be in force from the journal window's
        // first day on (a day earlier for the zones' offsets): the days recording and "today" look at.
        let inForceFrom = allCourses ? nil : journalNear.map { firstDay(near: $0).adding(days: -1) }
        let versions: [PlanVersion]
        if allCourses {
            versions = try fetchPlanVersions(where: "c.patient_id = ?", arguments: [patientID], db)
        } else if let id = course?.id {
            versions = try fetchPlanVersions(where: "v.course_id = ?", arguments: [id], inForceFrom: inForceFrom, db)
        } else {
            versions = []
        }
        var others: [(course: Course, versions: [PlanVersion])] = []
        for other in try fetchCoursesInProgress(patientID, db) where other.id != course?.id {
            others.append((other, try fetchPlanVersions(where: "v.course_id = ?", arguments: [other.id],
                                                        inForceFrom: inForceFrom, db)))
        }
        return PatientSnapshot(patient: patient, zones: try fetchZones(patient, db), course: course,
                               versions: versions,
                               journal: try journalNear.map { try fetchJournal(patientID, near: $0, db) } ?? fetchJournal(patientID, db),
                               others: others)
    }

    private static let utc = TimeZone(identifier: "UTC")!

    /// The first (UTC) day of the journal window around `instant`.
    static func firstDay(near instant: Date) -> LocalDate {
        LocalDate(instant.addingTimeInterval(-journalWindow), in: utc)
    }

    static func fetchZones(_ patient: Patient, _ db: Database) throws -> ZoneHistory {
        // Cached: the reminder job asks this for every course.
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT from_date, zone FROM patient_zone WHERE patient_id = ? ORDER BY from_date, id"),
                                    arguments: [patient.id])
        guard !rows.isEmpty else { return ZoneHistory(single: patient.timeZone) }
        var byDate: [(from: LocalDate, zone: String)] = []
        for row in rows {
            let from = LocalDate(parsing: row["from_date"]) ?? LocalDate(dayNumber: 0)
            if byDate.last?.from == from { byDate.removeLast() }
            byDate.append((from, row["zone"]))
        }
        return ZoneHistory(byDate)
    }

    static func fetchJournal(_ patientID: String, _ db: Database) throws -> [JournalEntry] {
        // Counted first (from the index) so the array is allocated once: two years of a patient
        // are about 1.4 MB of entries, and growing by doubling touched twice that in fresh pages.
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM journal_entry WHERE patient_id = ?"),
                                     arguments: [patientID]) ?? 0
        return try entries(db.cachedStatement(sql: "SELECT \(JournalRow.columns) FROM journal_entry WHERE patient_id = ? ORDER BY id"),
                           arguments: [patientID], expected: count)
    }

    /// The entries within ``journalWindow`` of `instant` (by `at`, or by slot date for doses)
    /// and, through the chain of `supersedes`, every entry that corrects or undoes them, in
    /// the order recorded. The two ranges are searched in `journal_by_patient_at` and
    /// `journal_by_patient_slot` (SQLite's OR of two indexes): without them the patient's
    /// whole history was read to keep a few days, a sixth of `take`'s instructions.
    static func fetchJournal(_ patientID: String, near instant: Date, _ db: Database) throws -> [JournalEntry] {
        let from = instant.addingTimeInterval(-journalWindow), to = instant.addingTimeInterval(journalWindow)
        return try entries(db.cachedStatement(sql: """
            WITH RECURSIVE w(id) AS (
                SELECT id FROM journal_entry
                 WHERE patient_id = :patient
                   AND (at BETWEEN :from AND :to OR slot_date BETWEEN :fromDate AND :toDate)
                UNION
                SELECT j.id FROM journal_entry j JOIN w ON j.supersedes = w.id
            )
            SELECT \(JournalRow.columns) FROM journal_entry WHERE id IN w ORDER BY id
            """), arguments: ["patient": patientID, "from": StoreTime.string(from), "to": StoreTime.string(to),
                              "fromDate": firstDay(near: instant).description, "toDate": LocalDate(to, in: utc).description])
    }

    /// The entries a statement selects (``JournalRow/columns``), read through a cursor from
    /// SQLite's own bytes: no row copied, no column looked up by name, no `String` or `Data`
    /// made for the `detail` (this loop reads a patient's whole history for every review).
    static func entries(_ statement: Statement, arguments: StatementArguments,
                        expected: Int = 0) throws -> [JournalEntry] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let sqlite = statement.sqliteStatement
        var result: [JournalEntry] = []
        result.reserveCapacity(expected)
        while try rows.next() != nil {
            result.append(try JournalRow.entry(sqlite))
        }
        return result
    }

    static func insertEntry(_ e: JournalEntry, _ db: Database) throws -> Int64 {
        do {
            try RawInsert(db.cachedStatement(sql: JournalRow.insertSQL)).run(db, JournalRow.values(e))
            return db.lastInsertedRowID
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw PainLadderError.notPossible("entry #\(e.supersedes ?? 0) was corrected or undone by someone else just now; nothing was changed")
        }
    }
}

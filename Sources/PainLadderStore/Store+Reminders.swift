import Foundation
import GRDB
import PainLadder
import PainLadderClinic

/// The reminder job's records. Exactly once:
/// - a reminder's stable key is the PRIMARY KEY of `reminder_sent`; it is inserted in the
///   same IMMEDIATE transaction that hands the reminder out (or, for a delivery command,
///   before the command runs, unconfirmed), so two overlapping runs never both claim it;
/// - a claimed reminder that was never confirmed (the command failed, or the run was
///   killed) is handed out again by a later run under the same key (``unconfirmedReminders()``),
///   which must hold ``withReminderRunLock(timeout:_:)`` so it is not still in flight.
extension Store {
    /// Ids of the courses in progress (not stopped), in id order: the job visits them one at a time.
    public func coursesInProgress() throws -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM course WHERE status <> ? ORDER BY id",
                               arguments: [Course.Status.stopped.rawValue])
        }
    }

    /// Reads one course (read transaction), lets `compute` decide, and drops what was
    /// already handed out. Writes nothing: for previews and `--dry-run`.
    ///
    /// - Parameter journalFrom: the first day the journal is needed from, given the supply events.
    public func dueReminders(courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate,
                             _ compute: (ReminderRecord, ClaimedKeys) throws -> ReminderPlan) throws -> ReminderPlan {
        try read { db in
            guard let record = try Self.fetchReminderRecord(courseID, journalFrom: journalFrom, db) else { return ReminderPlan() }
            return try compute(record) { try Self.claimedKeys($0, db) }
        }
    }

    /// Claims what is due for one course in one IMMEDIATE transaction: reads the course
    /// afresh, lets `compute` decide, drops keys already claimed, records the `missed`
    /// journal entries (with audit rows) and the claims, and calls `handOut` with the new
    /// reminders before committing. If `handOut` throws, nothing is recorded.
    ///
    /// - Parameter confirmed: `true` when `handOut` is the delivery (printing); `false` when
    ///   the caller delivers after the commit and calls ``confirmReminder(key:at:)``.
    /// - Returns: what was claimed (missed entries with their ids).
    @discardableResult
    public func claimReminders(courseID: Int64, now: Date, confirmed: Bool, journalFrom: ([SupplyEvent]) -> LocalDate,
                               _ compute: (ReminderRecord, ClaimedKeys) throws -> ReminderPlan,
                               handOut: ([Reminder]) throws -> Void) throws -> ReminderPlan {
        try write { db in
            guard let record = try Self.fetchReminderRecord(courseID, journalFrom: journalFrom, db) else { return ReminderPlan() }
            var plan = try compute(record) { try Self.claimedKeys($0, db) }
            for i in plan.missed.indices {
                plan.missed[i] = try Self.appendEntry(plan.missed[i], db)
            }
            for r in plan.reminders { try Self.insertClaim(r, now: now, confirmed: confirmed, db) }
            try Self.openInboxItems(plan.inbox, now: now, db)
            try handOut(plan.reminders)
            return plan
        }
    }

    /// Reminders claimed but never confirmed, oldest due first (partial index on `confirmed = 0`).
    public func unconfirmedReminders() throws -> [Reminder] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT reminder FROM reminder_sent WHERE confirmed = 0 AND withdrawn_at IS NULL ORDER BY due_at, key")
                .map { try Rows.json($0, "reminder", as: Reminder.self, table: "reminder_sent") }
        }
    }

    /// Hands an unconfirmed reminder out again inside a transaction (printing) and marks it
    /// sent; does nothing if another run confirmed it meanwhile.
    /// - Returns: whether it was handed out.
    @discardableResult
    public func resendReminder(key: String, at: Date, handOut: (Reminder) throws -> Void) throws -> Bool {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT reminder FROM reminder_sent WHERE key = ? AND confirmed = 0 AND withdrawn_at IS NULL",
                                             arguments: [key]) else { return false }
            try db.execute(sql: "UPDATE reminder_sent SET confirmed = 1, sent_at = ?, attempts = attempts + 1 WHERE key = ?",
                           arguments: [StoreTime.string(at), key])
            try handOut(try Rows.json(row, "reminder", as: Reminder.self, table: "reminder_sent"))
            return true
        }
    }

    /// One course's record as the job reads it (read transaction), or `nil` when it is not in progress.
    public func reminderRecord(courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate) throws -> ReminderRecord? {
        try read { db in try Self.fetchReminderRecord(courseID, journalFrom: journalFrom, db) }
    }

    /// Stops handing out an unconfirmed reminder that is no longer useful (kept, with when).
    public func withdrawReminder(key: String, at: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE reminder_sent SET withdrawn_at = ? WHERE key = ? AND confirmed = 0",
                           arguments: [StoreTime.string(at), key])
        }
    }

    /// Records that a delivery command succeeded for a claimed reminder.
    public func confirmReminder(key: String, at: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE reminder_sent SET confirmed = 1, sent_at = ? WHERE key = ? AND confirmed = 0",
                           arguments: [StoreTime.string(at), key])
        }
    }

    /// Counts another attempt at an unconfirmed reminder (it stays unconfirmed).
    public func countReminderAttempt(key: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE reminder_sent SET attempts = attempts + 1 WHERE key = ? AND confirmed = 0",
                           arguments: [key])
        }
    }

    /// What was handed out for a patient, oldest due first, with whether it was confirmed.
    public func sentReminders(patientID: String? = nil) throws -> [SentReminder] {
        try read { db in
            let rows = try patientID.map {
                try Row.fetchAll(db, sql: "SELECT reminder, confirmed, attempts, withdrawn_at FROM reminder_sent WHERE patient_id = ? ORDER BY due_at, key",
                                 arguments: [$0])
            } ?? Row.fetchAll(db, sql: "SELECT reminder, confirmed, attempts, withdrawn_at FROM reminder_sent ORDER BY due_at, key")
            return try rows.map { SentReminder(reminder: try Rows.json($0, "reminder", as: Reminder.self, table: "reminder_sent"),
                                               confirmed: $0["confirmed"], attempts: $0["attempts"],
                                               withdrawn: ($0["withdrawn_at"] as String?) != nil) }
        }
    }

    /// The `now` of the last run that went through every course, if any.
    public func lastReminderRun() throws -> Date? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT last_run_at FROM reminder_run WHERE id = 1") else { return nil }
            return try Rows.instant(row, "last_run_at", table: "reminder_run")
        }
    }

    /// Records a run that went through every course: the mark is this run's `now`, earlier
    /// than the old mark too (``Clinic`` decides when a run may mark).
    public func recordReminderRun(now: Date, recordedAt: Date) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO reminder_run (id, last_run_at, recorded_at) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET last_run_at = excluded.last_run_at, recorded_at = excluded.recorded_at
                """, arguments: [StoreTime.string(now), StoreTime.string(recordedAt)])
        }
    }

    /// Clears the run mark and records the reset (who, when, why, the mark it had) in
    /// `reminder_mark_reset`, in one transaction. - Returns: the mark it cleared.
    public func resetReminderRun(at: Date, by: String, reason: String) throws -> Date? {
        try write { db in
            let row = try Row.fetchOne(db, sql: "SELECT last_run_at FROM reminder_run WHERE id = 1")
            let before = try row.map { try Rows.instant($0, "last_run_at", table: "reminder_run") }
            try ReminderSchema.markResets(db)
            try db.insertRow(into: "reminder_mark_reset", [
                "at": StoreTime.string(at), "actor": by, "reason": reason, "mark_before": before.map(StoreTime.string),
            ])
            try db.execute(sql: "DELETE FROM reminder_run WHERE id = 1")
            return before
        }
    }

    // MARK: - Inside a transaction

    /// Which of `keys` were already claimed (handed out or in flight).
    static func claimedKeys(_ keys: [String], _ db: Database) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT key FROM reminder_sent WHERE key IN (\(keys.map { _ in "?" }.joined(separator: ",")))",
                                       arguments: StatementArguments(keys)))
    }

    static func fetchReminderRecord(_ courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate,
                                    _ db: Database) throws -> ReminderRecord? {
        // Cached statements: the job runs the same few queries for every course.
        guard let courseRow = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM course WHERE id = ?"),
                                               arguments: [courseID]) else { return nil }
        let course = try Course(row: courseRow)
        guard course.status != .stopped else { return nil }
        guard let patientRow = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM patient WHERE id = ?"),
                                                arguments: [course.patientID]) else {
            throw PainLadderError.unknownPatient(course.patientID)
        }
        let patient = try Patient(row: patientRow)
        // Decisions are not read: the job does not use them (they stay nil here).
        let versions = try fetchPlanVersions(where: "v.course_id = ?", arguments: [courseID], decisions: false, db)
        let supply = try fetchSupply(courseID, db)
        let from = journalFrom(supply)
        // Bounded by the indexes: slots from `from` on (journal_by_course_slot), extra doses
        // since then (journal_extra_by_course), red-flag reports recorded since then
        // (journal_red_flag_by_course, "v8-inbox"), and the entries that supersede those.
        let journal = try entries(db.cachedStatement(sql: """
            WITH w(id) AS (
                SELECT id FROM journal_entry WHERE course_id = :course AND slot_date >= :date
                UNION ALL
                SELECT id FROM journal_entry WHERE course_id = :course AND kind = 'extra' AND at >= :instant
                UNION ALL
                SELECT id FROM journal_entry WHERE course_id = :course AND kind = 'side-effect'
                   AND instr(detail, '"red-flag"') > 0 AND recorded_at >= :instant
            ), v(id) AS (
                SELECT id FROM journal_entry WHERE id IN w
                UNION
                SELECT id FROM journal_entry WHERE supersedes IN w
            )
            SELECT \(JournalRow.columns) FROM journal_entry WHERE id IN v ORDER BY id
            """), arguments: ["course": courseID, "date": from.description,
                             "instant": StoreTime.string(Date(timeIntervalSince1970: Double(from.dayNumber) * 86_400))])
        return ReminderRecord(patient: patient, zones: try fetchZones(patient, db), course: course, versions: versions,
                              journal: journal, supply: supply, journalFrom: from)
    }
}

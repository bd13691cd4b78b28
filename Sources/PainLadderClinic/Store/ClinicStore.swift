import Foundation
import PainLadder

/// What the application layer needs from storage: units of work, each one transaction.
///
/// A unit of work reads a consistent snapshot, hands it to a closure (the workflow's pure
/// decision, made by ``Clinic`` and the core), and writes what the closure returns, all or
/// nothing. No SQLite or GRDB type appears here: the SQLite store (`PainLadderStore.Store`)
/// implements it today; a PostgreSQL store can implement it without changing ``Clinic``.
///
/// Policy (which course a decision is about, when a taper has ended, which reminders are
/// new, what two courses may overlap) lives in ``Clinic`` and ``CourseRules``; a store only
/// reads, writes and keeps its invariants (append-only history, one audit row per change).
///
/// ```swift
/// let clinic = Clinic(store: try Store(path: path, createIfMissing: true), formulary: formulary)
/// let written = try clinic.store.recordJournal(patientID: "P001") { snapshot in
///     JournalWrite(entries: [/* … */])
/// }
/// ```
public protocol ClinicStore: Sendable {
    // MARK: Patients

    /// Records a new patient (audit `patient.add`). Throws `duplicatePatient` when the id is taken.
    func addPatient(_ patient: Patient, at: Date, by: String) throws
    /// The patient with this id; throws `unknownPatient`.
    func patient(_ id: String) throws -> Patient
    /// All patients, ordered by id.
    func patients() throws -> [Patient]
    /// Reads the patient, lets `change` return the new record, and writes it with an audit row
    /// `patient.update` (before, after, reason), all in one transaction. A changed time zone
    /// is recorded as applying from `zoneFrom(newRecord)`. Returns the record as saved.
    func updatePatient(id: String, at: Date, by: String, reason: String?,
                       zoneFrom: (Patient) -> LocalDate,
                       _ change: (Patient) throws -> Patient) throws -> PatientUpdate

    // MARK: Courses and decisions

    /// The patient's courses with the current plan of each course that may still change.
    func ladder(patientID: String) throws -> LadderSnapshot
    /// Reads the ladder, lets `body` decide the new course, and saves it (with plan version 1,
    /// the courses `body` closes, and audit rows `course.stop` / `course.start`).
    func startCourse(patientID: String, _ body: (LadderSnapshot) throws -> CourseStart) throws -> (Course, PlanVersion)
    /// Reads the ladder, lets `body` decide, and saves the decision: closed tapers, a switch's
    /// new course with its first plan, the new plan version with the course's status and
    /// outcome, and the audit rows.
    func recordDecision(patientID: String, _ body: (LadderSnapshot) throws -> DecisionWrite) throws -> SavedDecision

    // MARK: The journal

    /// Reads the patient's course in progress, lets `body` decide, and writes the entries (each
    /// with its audit row) and any new plan version, in one transaction.
    func recordJournal(patientID: String, journalNear: Date?,
                       _ body: (PatientSnapshot) throws -> JournalWrite) throws -> JournalWrite
    /// The patient's record as workflows see it (see ``PatientSnapshot``), in one read.
    func snapshot(patientID: String, allCourses: Bool, journalNear: Date?) throws -> PatientSnapshot
    /// Everything about one patient, in one read: for reviews and exports.
    func patientRecord(patientID: String) throws -> PatientRecord
    /// Courses in progress whose current plan's review date is on or before `cutoff`.
    func reviewQueue(dueBy cutoff: LocalDate) throws -> [ReviewQueue.Entry]
    /// Every recorded change for a patient, oldest first.
    func auditTrail(patientID: String) throws -> [AuditEntry]

    // MARK: Accounts and integrity

    /// The accounts the clinic names (none for one person's own database).
    func clinicAccounts() throws -> ClinicAccounts
    /// Reads the accounts, lets `check` refuse, and applies `change` with an audit row
    /// (`account.allow`, `account.link`, `account.revoke`), in one transaction. A change that
    /// changes nothing writes nothing. Returns the accounts after it.
    func changeClinicAccounts(_ change: AccountChange, at: Date, by: String,
                              _ check: (ClinicAccounts) throws -> Void) throws -> ClinicAccounts
    /// Checks that the stored history is as written: the audit chain, the guards that keep
    /// history append-only, the storage's own consistency checks. Changes nothing.
    func verifyIntegrity() throws -> IntegrityReport

    // MARK: Supply

    func addSupply(_ event: SupplyEvent, recordedAt: Date) throws -> SupplyEvent
    func supplyEvents(courseID: Int64) throws -> [SupplyEvent]

    // MARK: The reminder job

    /// Ids of the courses in progress, in id order.
    func coursesInProgress() throws -> [Int64]
    /// The courses in progress a run at `query.now` must visit, in id order: those with an
    /// open slot due or closed in the query's ranges (not yet claimed, for a due one), an
    /// open notice window not yet claimed, or a horizon that does not cover the query's
    /// instants (then ``ReminderVisit/rebuildHorizon``). `nil` when the store keeps no
    /// horizons: the run visits every course in progress.
    func reminderVisits(_ query: ReminderVisitQuery) throws -> [ReminderVisit]?
    /// Reads each course afresh and, in one IMMEDIATE transaction for them all, replaces its
    /// slots (keeping none before the horizon's first date; slots no longer planned read
    /// `withdrawn`) and its notice windows (less those already claimed) with what `build`
    /// returns. A course no longer in progress is left alone.
    func rebuildReminderHorizons(courseIDs: [Int64], journalFrom: ([SupplyEvent]) -> LocalDate,
                                 _ build: (ReminderRecord) throws -> ReminderHorizon) throws
    /// One course as the job reads it, or `nil` when it is not in progress.
    func reminderRecord(courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate) throws -> ReminderRecord?
    /// Reads one course and lets `compute` decide; writes nothing (previews, `--dry-run`).
    func dueReminders(courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate,
                      _ compute: (ReminderRecord, ClaimedKeys) throws -> ReminderPlan) throws -> ReminderPlan
    /// Reads one course afresh, lets `compute` decide what is new, and in one transaction
    /// records the `missed` entries (with audit rows) and the claims, calling `handOut` before
    /// committing; if `handOut` throws nothing is recorded. `confirmed`: `handOut` is the
    /// delivery itself.
    func claimReminders(courseID: Int64, now: Date, confirmed: Bool, journalFrom: ([SupplyEvent]) -> LocalDate,
                        _ compute: (ReminderRecord, ClaimedKeys) throws -> ReminderPlan,
                        handOut: ([Reminder]) throws -> Void) throws -> ReminderPlan
    /// Reminders claimed but never confirmed, oldest due first.
    func unconfirmedReminders() throws -> [Reminder]
    /// Hands an unconfirmed reminder out again inside a transaction and marks it sent.
    func resendReminder(key: String, at: Date, handOut: (Reminder) throws -> Void) throws -> Bool
    func withdrawReminder(key: String, at: Date) throws
    func confirmReminder(key: String, at: Date) throws
    func countReminderAttempt(key: String) throws
    /// What was handed out, oldest due first.
    func sentReminders(patientID: String?) throws -> [SentReminder]
    /// The `now` of the last run that went through every course.
    func lastReminderRun() throws -> Date?
    /// Sets the run mark to `now` (earlier than the mark too: the mark is the last run's).
    func recordReminderRun(now: Date, recordedAt: Date) throws
    /// Clears the run mark, recording who, when and why (append-only); returns the mark cleared.
    func resetReminderRun(at: Date, by: String, reason: String) throws -> Date?
    // MARK: The clinic's formulary overlay

    /// The newest stored overlay, or `nil` (none stored, or a file from before it could be).
    func formularyOverlay() throws -> StoredFormularyOverlay?
    /// Stores the next version (append-only) with an audit row `formulary.use`; returns it.
    func storeFormularyOverlay(content: Data, file: String, name: String, at: Date, by: String,
                               reason: String) throws -> StoredFormularyOverlay

    // MARK: The inbox

    /// Inbox items, oldest first: all, or only the open ones (neither acknowledged nor
    /// resolved); of one patient (throws `unknownPatient`) or of every patient.
    func inboxItems(patientID: String?, includeClosed: Bool) throws -> [InboxItem]
    /// Reads the item (`nil`: no such item), lets `check` refuse, and records the
    /// acknowledgement (who, when, the note) with an audit row `inbox.acknowledge`, ending its
    /// re-notification, in one transaction. Returns the item after it.
    func acknowledgeInboxItem(id: Int64, at: Date, by: String, note: String?,
                              _ check: (InboxItem?) throws -> Void) throws -> InboxItem
    /// Open items whose next re-notification is due at `now`, with the reminder that opened
    /// each, read by an index on the due instant (what a run reads grows with what is due).
    func inboxDueForRenotification(now: Date) throws -> [(item: InboxItem, reminder: Reminder)]
    /// In one transaction: if the item is still open and due and `reminder.key` is unclaimed,
    /// claims `reminder`, moves the item's next re-notification to `next`, and calls `handOut`
    /// before committing. Returns whether it claimed it.
    func claimInboxRenotification(itemID: Int64, reminder: Reminder, now: Date, next: Date, confirmed: Bool,
                                  handOut: (Reminder) throws -> Void) throws -> Bool

    /// Runs `body` while holding the reminder job's lock (one run at a time per clinic):
    /// an exclusive `flock` for a file store, an advisory lock for a server. Throws `busy`
    /// after `timeout` seconds.
    func withReminderRunLock<T>(timeout: TimeInterval, _ body: () throws -> T) throws -> T
}

/// Looks up which reminder keys were already claimed, inside the claiming transaction.
public typealias ClaimedKeys = ([String]) throws -> Set<String>

extension ClinicStore {
    public func snapshot(patientID: String) throws -> PatientSnapshot {
        try snapshot(patientID: patientID, allCourses: false, journalNear: nil)
    }

    public func snapshot(patientID: String, journalNear: Date?) throws -> PatientSnapshot {
        try snapshot(patientID: patientID, allCourses: false, journalNear: journalNear)
    }

    public func snapshot(patientID: String, allCourses: Bool) throws -> PatientSnapshot {
        try snapshot(patientID: patientID, allCourses: allCourses, journalNear: nil)
    }

    public func recordJournal(patientID: String, _ body: (PatientSnapshot) throws -> JournalWrite) throws -> JournalWrite {
        try recordJournal(patientID: patientID, journalNear: nil, body)
    }

    public func withReminderRunLock<T>(_ body: () throws -> T) throws -> T {
        try withReminderRunLock(timeout: 5, body)
    }
}

extension ClinicStore {
    /// Replaces a patient's record with `patient` (same id); a changed time zone applies from
    /// the patient's local date at `at`.
    /// - Returns: `false` when `patient` equals the stored record (nothing is written).
    @discardableResult
    public func updatePatient(_ patient: Patient, at: Date, by: String, reason: String?) throws -> Bool {
        try updatePatient(id: patient.id, at: at, by: by, reason: reason, zoneFrom: { LocalDate(at, in: $0.zone) }) { _ in patient }
            .changed
    }
}

import Foundation
import PainLadder
import PainLadderClinic

/// The PostgreSQL store as a ``ClinicStore``, so `Clinic` runs its workflows over it.
///
/// Implemented: patients, courses and decisions, the journal, the patient's record, the
/// review queue (the `take` / `today` / `review` / `decide` path). Not yet: the clinic's
/// accounts (the server's roles and row-level security replace them, issue 18 item 3), the
/// integrity check (the audit chain), supply, and the reminder job: each of those refuses with
/// ``PainLadderError/notPossible(_:)`` naming what is missing, and changes nothing.
extension PostgresStore: ClinicStore {
    static func notYet(_ what: String) -> PainLadderError {
        .notPossible("\(what) is not yet available on a PostgreSQL database; nothing was changed")
    }

    /// No accounts named: every login may act, as in one person's own SQLite file. Until the
    /// server's roles and row-level security are in place, nothing but tests reaches this store.
    public func clinicAccounts() throws -> ClinicAccounts { ClinicAccounts() }

    public func changeClinicAccounts(_ change: AccountChange, at: Date, by: String,
                                     _ check: (ClinicAccounts) throws -> Void) throws -> ClinicAccounts {
        throw Self.notYet("changing the clinic's accounts")
    }

    public func verifyIntegrity() throws -> IntegrityReport { throw Self.notYet("checking the stored history") }

    public func addSupply(_ event: SupplyEvent, recordedAt: Date) throws -> SupplyEvent {
        throw Self.notYet("recording a supply")
    }

    /// No supply can be recorded yet, so there is none.
    public func supplyEvents(courseID: Int64) throws -> [SupplyEvent] { [] }

    public func coursesInProgress() throws -> [Int64] {
        try session.transaction(readOnly: true) {
            try session.run("SELECT id FROM course WHERE status <> \(Course.Status.stopped.rawValue) ORDER BY id")
                .map { try $0.decode(Int64.self) }
        }
    }

    public func reminderVisits(_ query: ReminderVisitQuery) throws -> [ReminderVisit]? {
        throw Self.notYet("the reminder job")
    }

    public func rebuildReminderHorizons(courseIDs: [Int64], journalFrom: ([SupplyEvent]) -> LocalDate,
                                        _ build: (ReminderRecord) throws -> ReminderHorizon) throws {
        throw Self.notYet("the reminder job")
    }

    public func reminderRecord(courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate) throws -> ReminderRecord? {
        throw Self.notYet("the reminder job")
    }

    public func dueReminders(courseID: Int64, journalFrom: ([SupplyEvent]) -> LocalDate,
                             _ compute: (ReminderRecord, ClaimedKeys) throws -> ReminderPlan) throws -> ReminderPlan {
        throw Self.notYet("the reminder job")
    }

    public func claimReminders(courseID: Int64, now: Date, confirmed: Bool, journalFrom: ([SupplyEvent]) -> LocalDate,
                               _ compute: (ReminderRecord, ClaimedKeys) throws -> ReminderPlan,
                               handOut: ([Reminder]) throws -> Void) throws -> ReminderPlan {
        throw Self.notYet("the reminder job")
    }

    public func unconfirmedReminders() throws -> [Reminder] { throw Self.notYet("the reminder job") }

    public func resendReminder(key: String, at: Date, handOut: (Reminder) throws -> Void) throws -> Bool {
        throw Self.notYet("the reminder job")
    }

    public func withdrawReminder(key: String, at: Date) throws { throw Self.notYet("the reminder job") }
    public func confirmReminder(key: String, at: Date) throws { throw Self.notYet("the reminder job") }
    public func countReminderAttempt(key: String) throws { throw Self.notYet("the reminder job") }
    public func sentReminders(patientID: String?) throws -> [SentReminder] { throw Self.notYet("the reminder job") }
    public func lastReminderRun() throws -> Date? { throw Self.notYet("the reminder job") }

    public func recordReminderRun(now: Date, recordedAt: Date) throws { throw Self.notYet("the reminder job") }

    public func resetReminderRun(at: Date, by: String, reason: String) throws -> Date? {
        throw Self.notYet("the reminder job")
    }

    public func withReminderRunLock<T>(timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        throw Self.notYet("the reminder job")
    }
}

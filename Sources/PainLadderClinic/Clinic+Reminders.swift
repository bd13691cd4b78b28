import Foundation
import PainLadder

/// The reminder job: every course in progress, one at a time, exactly once.
extension Clinic {
    /// How the reminders of a run are handed out.
    public enum RemindMode {
        /// Compute and report; record nothing (no claims, no missed markers, no run mark).
        case dryRun
        /// Hand each new reminder out inside the transaction that claims it (e.g. print
        /// and flush stdout): recorded as sent when that transaction commits. If the
        /// process dies between the two, the next run hands it out again, same key.
        case inline((Reminder) throws -> Void)
        /// Claim first (unconfirmed), then deliver after the commit; confirmed only when
        /// `deliver` returns `true`. Unconfirmed reminders are delivered again, same key,
        /// by the next run.
        case confirmed((Reminder) -> Bool)
    }

    /// What a run did.
    public struct RemindResult: Sendable {
        /// Handed out (for a dry run: would be), in order; resends first.
        public var reminders: [Reminder] = []
        /// Delivered by a command that failed: still unconfirmed, retried next run.
        public var failed: [Reminder] = []
        /// `missed` entries recorded (for a dry run: that would be).
        public var missed: [JournalEntry] = []
        /// Courses that could not be handled, and why (the run went on with the others).
        public var problems: [(courseID: Int64, error: PainLadderError)] = []

        public init() {}
    }

    /// Runs the reminder job once at `now`.
    ///
    /// 1. Takes the job's lock (``ClinicStore/withReminderRunLock(timeout:_:)``; busy).
    /// 2. Hands out again what earlier runs claimed but never confirmed (same keys).
    /// 3. For each course in progress: reads a bounded record, computes (``ReminderPlanner``),
    ///    and only if something is new claims it in one IMMEDIATE transaction (re-reading,
    ///    so a dose recorded in between is not reminded), with the `missed` markers.
    /// 4. Marks the run complete: the next run's catch-up starts at this `now`.
    ///
    /// - Throws: ``PainLadderError/busy(_:)`` when the database or the lock stays busy.
    public func remind(now: Date, policy: ReminderPolicy = .standard, mode: RemindMode,
                       lockTimeout: TimeInterval = 5) throws -> RemindResult {
        if case .dryRun = mode { return try remindOnce(now: now, policy: policy, mode: mode) }
        return try store.withReminderRunLock(timeout: lockTimeout) {
            try remindOnce(now: now, policy: policy, mode: mode)
        }
    }

    private func remindOnce(now: Date, policy: ReminderPolicy, mode: RemindMode) throws -> RemindResult {
        var result = RemindResult()
        var handOutError: (any Error)?
        let lastRun = try store.lastReminderRun()
        let journalFrom = { (supply: [SupplyEvent]) in
            ReminderPlanner.journalFrom(now: now, lastRun: lastRun, supply: supply, policy: policy)
        }
        // What is due, less what an earlier run (or an overlapping one) already claimed.
        let compute = { (record: ReminderRecord, claimed: ClaimedKeys) throws -> ReminderPlan in
            try ReminderPlanner.plan(now: now, lastRun: lastRun, input: try reminderInput(record), policy: policy)
                .unclaimed(claimed)
        }

        for pending in try store.unconfirmedReminders() {
            if case .dryRun = mode {} else if try !stillUseful(pending, now: now, policy: policy, journalFrom: journalFrom) {
                try store.withdrawReminder(key: pending.key, at: now)
                continue
            }
            switch mode {
            case .dryRun:
                result.reminders.append(pending)
            case let .inline(handOut):
                if try store.resendReminder(key: pending.key, at: now, handOut: handOut) { result.reminders.append(pending) }
            case let .confirmed(deliver):
                try deliverClaimed(pending, now: now, deliver: deliver, into: &result, resend: true)
            }
        }

        for courseID in try store.coursesInProgress() {
            do {
                let preview = try store.dueReminders(courseID: courseID, journalFrom: journalFrom, compute)
                guard !preview.isEmpty else { continue }
                switch mode {
                case .dryRun:
                    result.reminders += preview.reminders
                    result.missed += preview.missed
                case let .inline(handOut):
                    let claimed: ReminderPlan
                    do {
                        claimed = try store.claimReminders(courseID: courseID, now: now, confirmed: true,
                                                           journalFrom: journalFrom, compute) { reminders in
                            for r in reminders {
                                do { try handOut(r) } catch { handOutError = error; throw error }
                            }
                        }
                    } catch where handOutError != nil {
                        // Output is gone: nothing of this course was recorded; stop the run.
                        throw handOutError!
                    }
                    result.reminders += claimed.reminders
                    result.missed += claimed.missed
                case let .confirmed(deliver):
                    let claimed = try store.claimReminders(courseID: courseID, now: now, confirmed: false,
                                                           journalFrom: journalFrom, compute, handOut: { _ in })
                    result.missed += claimed.missed
                    for r in claimed.reminders {
                        try deliverClaimed(r, now: now, deliver: deliver, into: &result, resend: false)
                    }
                }
            } catch let error as PainLadderError {
                if error.isBusy { throw error }
                result.problems.append((courseID, error))
            }
        }
        if case .dryRun = mode { return result }
        try store.recordReminderRun(now: now, recordedAt: now)
        return result
    }

    /// A pending dose reminder is re-checked against the journal before it goes out again.
    private func stillUseful(_ r: Reminder, now: Date, policy: ReminderPolicy,
                             journalFrom: ([SupplyEvent]) -> LocalDate) throws -> Bool {
        guard r.kind == .dose else { return true }
        guard let record = try store.reminderRecord(courseID: r.courseID, journalFrom: journalFrom) else { return false }
        return ReminderPlanner.stillUseful(r, now: now, input: try reminderInput(record), policy: policy)
    }

    private func reminderInput(_ record: ReminderRecord) throws -> ReminderInput {
        ReminderInput(patient: record.patient, zones: record.zones, course: record.course,
                      drug: try formulary.drug(record.course.drug), versions: record.versions,
                      journal: Journal.effective(record.journal), supply: record.supply,
                      journalFrom: record.journalFrom)
    }

    private func deliverClaimed(_ r: Reminder, now: Date, deliver: (Reminder) -> Bool,
                                into result: inout RemindResult, resend: Bool) throws {
        if resend { try store.countReminderAttempt(key: r.key) }
        if deliver(r) {
            try store.confirmReminder(key: r.key, at: now)
            result.reminders.append(r)
        } else {
            result.failed.append(r)
        }
    }
}

extension ReminderPlan {
    /// The plan less the reminders already claimed: a reminder is handed out once per key.
    public func unclaimed(_ claimed: ClaimedKeys) throws -> ReminderPlan {
        guard !reminders.isEmpty else { return self }
        let sent = try claimed(reminders.map(\.key))
        var plan = self
        plan.reminders.removeAll { sent.contains($0.key) }
        return plan
    }
}

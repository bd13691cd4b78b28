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
    /// 1. Refuses a `now` more than ``ReminderPolicy/clockTolerance`` ahead of `systemNow`,
    ///    or more than ``ReminderPolicy/maximumRunGap`` after the last completed run (a
    ///    wrong clock, the system's own included), unless `replay` says it is deliberate.
    /// 2. Takes the job's lock (``ClinicStore/withReminderRunLock(timeout:_:)``; busy).
    /// 3. Hands out again what earlier runs claimed but never confirmed (same keys).
    /// 4. For each course in progress: reads a bounded record, computes (``ReminderPlanner``),
    ///    and only if something is new claims it in one IMMEDIATE transaction (re-reading,
    ///    so a dose recorded in between is not reminded), with the `missed` markers.
    /// 5. Marks the run complete: the next run's catch-up starts at this `now`.
    ///
    /// The run mark: each run sets it to its own `now`, backwards too (see
    /// ``ReminderPolicy/scanStart(now:lastRun:)``), except a replay ahead of the system
    /// clock, which leaves it. A mark ahead of the system clock is wrong (left by a wrong
    /// clock): the run looks back the whole catch-up instead, and then replaces it.
    /// Nothing is marked missed, and no clinician told, after `systemNow`.
    ///
    /// - Parameters:
    ///   - systemNow: the system clock, read by the caller (default: `now`).
    ///   - replay: `now` is deliberately ahead of the system clock.
    /// - Throws: ``PainLadderError/busy(_:)`` when the database or the lock stays busy;
    ///   `invalidValue` on the field `now` for a `now` too far ahead without `replay`
    ///   (nothing is recorded).
    public func remind(now: Date, systemNow: Date? = nil, replay: Bool = false, policy: ReminderPolicy = .standard,
                       mode: RemindMode, lockTimeout: TimeInterval = 5) throws -> RemindResult {
        try remind(now: now, systemNow: systemNow, replay: replay, policy: policy, mode: mode, lockTimeout: lockTimeout,
                   everyCourse: false)
    }

    /// As above; `everyCourse` plans every course in progress instead of the courses the
    /// store's horizons name (``ClinicStore/reminderVisits(_:)``): the reference the
    /// equivalence tests hold the narrow run to.
    func remind(now: Date, systemNow: Date?, replay: Bool, policy: ReminderPolicy,
                mode: RemindMode, lockTimeout: TimeInterval, everyCourse: Bool) throws -> RemindResult {
        let clock = ReminderClock(now: now, systemNow: systemNow ?? now, tolerance: policy.clockTolerance)
        if clock.isAhead && !replay {
            throw PainLadderError.invalidValue(
                field: .now, given: ISO8601DateFormatter().string(from: now),
                allowed: "an instant at most \(Int(policy.clockTolerance / 60)) minutes after the system clock "
                    + "(\(ISO8601DateFormatter().string(from: clock.systemNow))); a deliberate replay says \(.replay)")
        }
        if case .dryRun = mode {
            return try remindOnce(clock, replay: replay, policy: policy, mode: mode, everyCourse: everyCourse)
        }
        return try store.withReminderRunLock(timeout: lockTimeout) {
            try remindOnce(clock, replay: replay, policy: policy, mode: mode, everyCourse: everyCourse)
        }
    }

    /// The run mark as the job sees it at `systemNow`.
    public func reminderMark(systemNow: Date, policy: ReminderPolicy = .standard) throws -> ReminderMark {
        let mark = try store.lastReminderRun()
        return ReminderMark(lastRun: mark, aheadOfClock: mark.map { $0 > systemNow.addingTimeInterval(policy.clockTolerance) } ?? false)
    }

    /// Clears the run mark (recorded with who, when and why): the next run looks back as a
    /// first run does. - Returns: the mark it cleared.
    @discardableResult
    public func resetReminderMark(at: Date, by: String, reason: String) throws -> Date? {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PainLadderError.invalidValue(field: .reason, given: reason, allowed: "a reason for resetting the run mark")
        }
        return try store.resetReminderRun(at: at, by: by, reason: reason)
    }

    private func remindOnce(_ clock: ReminderClock, replay: Bool, policy: ReminderPolicy, mode: RemindMode,
                            everyCourse: Bool) throws -> RemindResult {
        let now = clock.now
        var result = RemindResult()
        var handOutError: (any Error)?
        let lastRun = clock.trusted(try store.lastReminderRun())
        if let lastRun, !replay, now.timeIntervalSince(lastRun) > policy.maximumRunGap {
            // The system clock itself may be wrong: a jump far past the last run is not believed.
            throw PainLadderError.invalidValue(
                field: .now, given: ISO8601DateFormatter().string(from: now),
                allowed: "an instant at most \(Int(policy.maximumRunGap / 86_400)) days after the last completed run "
                    + "(\(ISO8601DateFormatter().string(from: lastRun))); if the clock is right, say \(.replay) once, "
                    + "or reset the run mark")
        }
        let journalFrom = { (supply: [SupplyEvent]) in
            ReminderPlanner.journalFrom(now: now, lastRun: lastRun, supply: supply, policy: policy)
        }
        // What is due, less what an earlier run (or an overlapping one) already claimed.
        let compute = { (record: ReminderRecord, claimed: ClaimedKeys) throws -> ReminderPlan in
            try ReminderPlanner.plan(now: now, lastRun: lastRun, input: try reminderInput(record), policy: policy,
                                     systemNow: clock.systemNow)
                .unclaimed(claimed).openingInbox(policy)
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

        // The stored horizons list notice windows by ``horizonPolicy``: a run with other
        // windows (another review or supply lead) plans every course instead.
        let narrow = !everyCourse && Self.usesStoredHorizons(policy)
        let visits = try narrow ? store.reminderVisits(visitQuery(now: now, lastRun: lastRun, policy: policy)) : nil
        var rebuild: [Int64] = []
        for visit in try visits ?? store.coursesInProgress().map({ ReminderVisit(courseID: $0, rebuildHorizon: false) }) {
            let courseID = visit.courseID
            do {
                // Rebuilt only after a visit that went through: a course whose planning failed
                // keeps its out-of-date horizon, and so its visit (and its problem) next run.
                var visited = false
                defer { if visited, visit.rebuildHorizon { rebuild.append(courseID) } }
                let preview = try store.dueReminders(courseID: courseID, journalFrom: journalFrom, compute)
                guard !preview.isEmpty else { visited = true; continue }
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
                visited = true
            } catch let error as PainLadderError {
                if error.isBusy { throw error }
                result.problems.append((courseID, error))
            }
        }
        try renotifyInbox(now: now, policy: policy, mode: mode, into: &result)
        if case .dryRun = mode { return result }
        rebuildHorizons(rebuild, now: now, policy: policy, journalFrom: journalFrom)
        // A replay ahead of the clock leaves the mark: it is never set ahead of the clock.
        if !clock.isAhead { try store.recordReminderRun(now: now, recordedAt: min(now, clock.systemNow)) }
        return result
    }

    /// The instants a run at `now` asks the store about (see ``ReminderVisitQuery``): the
    /// planner's own windows (``DoseReminders``), widened by a second at each end (the store
    /// keeps instants to the millisecond), so the courses named include every course the
    /// planner would find something for.
    func visitQuery(now: Date, lastRun: Date?, policy: ReminderPolicy) -> ReminderVisitQuery {
        let since = policy.scanStart(now: now, lastRun: lastRun)
        let slack: TimeInterval = 1
        return ReminderVisitQuery(
            now: now,
            coveredFrom: since.addingTimeInterval(-policy.doseLate - slack),
            coveredThrough: now.addingTimeInterval(policy.doseLead + ReminderPlanner.horizonRenewal + slack),
            closedFrom: since.addingTimeInterval(-policy.doseLate - slack),
            closedThrough: now.addingTimeInterval(-policy.doseLate + slack),
            dueFrom: now.addingTimeInterval(-policy.doseLate - slack),
            dueThrough: now.addingTimeInterval(policy.doseLead + slack))
    }

    /// Rebuilds the horizons of the courses visited for being out of date, a batch of
    /// courses a transaction (the first run after an upgrade rebuilds every course: one
    /// commit each would be thousands of syncs; one for all would hold the write lock for
    /// seconds). A failure leaves a batch out of date, so the next run visits those courses
    /// again: nothing is lost by going on.
    private func rebuildHorizons(_ courseIDs: [Int64], now: Date, policy: ReminderPolicy,
                                 journalFrom: ([SupplyEvent]) -> LocalDate) {
        for start in stride(from: 0, to: courseIDs.count, by: 100) {
            let batch = Array(courseIDs[start..<min(start + 100, courseIDs.count)])
            try? store.rebuildReminderHorizons(courseIDs: batch, journalFrom: journalFrom) { record in
                ReminderPlanner.horizon(now: now, input: try reminderInput(record), policy: policy)
            }
        }
    }

    /// A pending dose reminder is re-checked against the journal before it goes out again.
    private func stillUseful(_ r: Reminder, now: Date, policy: ReminderPolicy,
                             journalFrom: ([SupplyEvent]) -> LocalDate) throws -> Bool {
        guard r.kind == .dose else { return true }
        guard let record = try store.reminderRecord(courseID: r.courseID, journalFrom: journalFrom) else { return false }
        return ReminderPlanner.stillUseful(r, now: now, input: try reminderInput(record), policy: policy)
    }

    func reminderInput(_ record: ReminderRecord) throws -> ReminderInput {
        ReminderInput(patient: record.patient, zones: record.zones, course: record.course,
                      drug: try formulary.drug(record.course.drug), versions: record.versions,
                      journal: Journal.effective(record.journal), supply: record.supply,
                      journalFrom: record.journalFrom)
    }

    func deliverClaimed(_ r: Reminder, now: Date, deliver: (Reminder) -> Bool,
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

import Foundation

/// What the reminder job should do for one patient's course now.
public struct ReminderPlan: Sendable, Equatable {
    /// Due now, in time order, each with its stable key. Some may already have been sent:
    /// the store drops the keys it has.
    public var reminders: [Reminder]
    /// `missed` journal entries to record: slots whose late window ended with nothing recorded.
    public var missed: [JournalEntry]
    /// Inbox items the claimed clinician reminders open (filled in by the application
    /// layer after dropping what was already claimed; see ``InboxOpening``).
    public var inbox: [InboxOpening] = []

    public init(reminders: [Reminder] = [], missed: [JournalEntry] = []) {
        self.reminders = reminders
        self.missed = missed
    }

    public var isEmpty: Bool { reminders.isEmpty && missed.isEmpty }
}

/// The reminder job's rules, pure: given `now`, the previous completed run and one
/// patient's course, what is due. Exactly-once is the store's part (keys, transactions).
///
/// ```swift
/// let plan = ReminderPlanner.plan(now: now, lastRun: lastRun, input: input)
/// plan.reminders.map(\.key)   // ["dose:c12:2026-03-02T22:00"]
/// ```
///
/// Catch-up: a run after a gap (the machine was off) sends what is still useful (a dose
/// still inside its window, a change not yet passed, a review, a supply request) and marks
/// the slots whose window closed during the gap as missed (see ``DoseReminders``).
public enum ReminderPlanner {
    /// Who the reminder job records journal entries as.
    public static let author = "painladder remind"

    /// - Parameter systemNow: the system clock when the run began (default `now`): a slot
    ///   is marked missed, and the clinician told, only once its window closed by then, so
    ///   a replay ahead of the clock never records a future miss.
    public static func plan(now: Date, lastRun: Date?, input: ReminderInput,
                            policy: ReminderPolicy = .standard, systemNow: Date? = nil) -> ReminderPlan {
        var result = ReminderPlan()
        guard input.course.status != .stopped, input.course.id != nil else { return result }
        let since = policy.scanStart(now: now, lastRun: lastRun)
        DoseReminders.plan(input, now: now, since: since, missedBy: min(now, systemNow ?? now), policy: policy,
                           into: &result)
        CourseNotices.plan(input, now: now, policy: policy, into: &result)
        SupplyReminders.plan(input, now: now, policy: policy, into: &result)
        ClinicianNotices.plan(input, now: now, into: &result)
        var seen: Set<String> = []
        result.reminders = result.reminders
            .filter { seen.insert($0.key).inserted }
            .sorted { ($0.at, $0.key) < ($1.at, $1.key) }
        return result
    }

    /// Whether a reminder claimed earlier but never confirmed is still worth handing out
    /// again: a dose reminder is not once its slot is recorded (taken or skipped) or its
    /// window has closed (the slot is then marked missed, as on catch-up). Other kinds are.
    public static func stillUseful(_ reminder: Reminder, now: Date, input: ReminderInput,
                                   policy: ReminderPolicy = .standard) -> Bool {
        guard reminder.kind == .dose else { return true }
        let slot = SlotKey(date: reminder.localDate, time: reminder.localTime)
        let recorded = input.recorded()[slot]
        return recorded != .taken && recorded != .skipped && now <= reminder.at.addingTimeInterval(policy.doseLate)
    }

    /// The first date (UTC calendar, with a margin for any zone) the journal must be
    /// complete from for ``plan(now:lastRun:input:policy:)``: the store reads from here.
    public static func journalFrom(now: Date, lastRun: Date?, supply: [SupplyEvent],
                                   policy: ReminderPolicy = .standard) -> LocalDate {
        let utc = TimeZone(identifier: "UTC")!
        let since = policy.scanStart(now: now, lastRun: lastRun).addingTimeInterval(-policy.doseLate)
        let doses = LocalDate(since, in: utc).adding(days: -3)
        guard let stock = SupplyForecast.consumptionStart(supply) else { return doses }
        return min(doses, LocalDate(stock, in: utc).adding(days: -2))
    }
}

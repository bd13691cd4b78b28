import Foundation

extension ReminderPlanner {
    /// Local days of slots listed ahead of today; a run rebuilds the horizon a day before
    /// its end (``horizonRenewal``), so a course is rebuilt about every three days.
    static let horizonDays = 4
    /// How long before the horizon's end a run rebuilds it.
    public static let horizonRenewal: TimeInterval = 24 * 3600
    /// Wider than any two zones' offsets apart (UTC−12 to UTC+14) plus a daylight-saving
    /// hour: a slot of a date outside the listed dates can never fall inside the covered
    /// instants, even across a zone move.
    static let horizonMargin: TimeInterval = 28 * 3600

    /// The course's slots from before the longest catch-up to a few days ahead, with the
    /// journal's record of each (from ``ReminderInput/journal``: a slot before
    /// ``ReminderInput/journalFrom`` reads `open`), and the windows of its day notices that
    /// have not closed by `now`.
    ///
    /// A run visits a course when an `open` slot falls due or its window closes, when a
    /// notice's window is open, or when `now` leaves the covered instants; the store keeps
    /// the horizon in step with the journal (statuses) and marks it out of date whenever a
    /// plan, course, zone or supply changes, or a journal entry that can bring a supply
    /// run-out forward (see ``SupplyReminders/windows(_:through:policy:now:)``).
    public static func horizon(now: Date, input: ReminderInput, policy: ReminderPolicy = .standard) -> ReminderHorizon {
        let today = input.localDate(now)
        let first = input.localDate(now.addingTimeInterval(-policy.maximumCatchUp - policy.doseLate)).adding(days: -2)
        let last = today.adding(days: horizonDays)
        let recorded = input.recorded()
        let slots = input.slots(from: first, to: last).map { slot in
            let status: ReminderHorizon.SlotStatus = switch recorded[slot.key] {
            case .taken?: .taken
            case .skipped?: .skipped
            case .missed?: .missed
            default: .open
            }
            return ReminderHorizon.Slot(date: slot.key.date, time: slot.key.time, instant: slot.instant,
                                        zone: input.zones.zone(on: slot.key.date).identifier, doseMg: slot.doseMg,
                                        planVersion: slot.planVersion, status: status)
        }
        let midnight = LocalTime(hour: 0, minute: 0)!
        var notices = CourseNotices.windows(input, from: first, to: last.adding(days: 1), policy: policy)
        notices += SupplyReminders.windows(input, through: last, policy: policy, now: now)
        for entry in input.journal where entry.flags.contains(where: { $0.kind == .aboveMaximum || $0.kind == .redFlag }) {
            guard let id = entry.id else { continue }
            notices.append(.init(key: Reminder.key(.clinician, course: input.courseID, "e\(id)"), opens: entry.recordedAt, closes: nil))
        }
        return ReminderHorizon(
            firstDate: first, lastDate: last,
            coveredFrom: WallClock.instant(first, midnight, in: input.zones.zone(on: first)).addingTimeInterval(horizonMargin),
            coveredThrough: WallClock.instant(last.adding(days: 1), midnight, in: input.zones.zone(on: last.adding(days: 1)))
                .addingTimeInterval(-horizonMargin),
            slots: slots, notices: notices.filter { ($0.closes ?? .distantFuture) > now })
    }
}

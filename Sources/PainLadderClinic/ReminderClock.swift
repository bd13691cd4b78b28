import Foundation

/// The two clocks of a reminder run: the `now` it runs at (a replay's, or the system
/// clock's) and the system clock itself, read by the caller (``Clinic`` never reads it).
struct ReminderClock {
    var now: Date
    var systemNow: Date
    /// How far ahead of the system clock an instant may be and still be believed.
    var tolerance: TimeInterval

    /// Whether the run's `now` is further ahead of the system clock than ``tolerance``.
    var isAhead: Bool { now > systemNow.addingTimeInterval(tolerance) }

    /// The run mark as the planner should use it: a mark ahead of the system clock was left
    /// by a wrong clock, so it is passed as later than any `now`, and the run re-scans.
    func trusted(_ mark: Date?) -> Date? {
        guard let mark, mark > systemNow.addingTimeInterval(tolerance) else { return mark }
        return .distantFuture
    }
}

import Foundation

/// The reminder job's run mark, as `remind --status` shows it.
public struct ReminderMark: Sendable, Equatable {
    /// The `now` of the last completed run (where the next run's catch-up starts), if any.
    public var lastRun: Date?
    /// Whether the mark is ahead of the system clock (a wrong clock left it): the next run
    /// does not trust it and looks back the whole catch-up.
    public var aheadOfClock: Bool

    public init(lastRun: Date?, aheadOfClock: Bool) {
        self.lastRun = lastRun
        self.aheadOfClock = aheadOfClock
    }
}

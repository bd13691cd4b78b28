import Foundation

/// When each kind of reminder is due. Not clinical numbers (those stay in the formulary):
/// these are the job's timing, with defaults a clinic can change on the command line.
///
/// The rules (also in the README):
/// - **Dose**: from ``doseLead`` before the slot until ``doseLate`` after it (the journal's
///   late threshold, ``SlotMatcher/lateAfter``), if nothing is recorded for the slot.
///   After that the slot is not reminded: it is marked missed in the journal.
/// - **Day notices** (dose change, review, supply) go out from ``noticeTime`` on their day,
///   patient's local time.
public struct ReminderPolicy: Sendable, Equatable {
    /// How long before a dose slot its reminder may go out.
    public var doseLead: TimeInterval
    /// How long after the slot it is still "take now"; later, the slot is marked missed.
    public var doseLate: TimeInterval
    /// The local time from which day notices go out.
    public var noticeTime: LocalTime
    /// A review reminder goes out this many days before the review date.
    public var reviewWithinDays: Int
    /// This many slots in a row with nothing recorded tell the clinician.
    public var missedRunLength: Int
    /// Ask for a new prescription this many days before recorded supply runs out.
    public var supplyLeadDays: Int
    /// With no previous run, missed doses are looked for this far back.
    public var firstRunLookback: TimeInterval
    /// A job that was off longer than this catches up this far back only.
    public var maximumCatchUp: TimeInterval
    /// How far ahead supply is projected.
    public var supplyHorizonDays: Int
    /// How far a run's `now` may be ahead of the system clock before the run is refused as
    /// a wrong clock (unless it is a deliberate replay); a run mark further ahead is wrong.
    public var clockTolerance: TimeInterval = 10 * 60
    /// A run this long after the last completed run is refused unless it is a deliberate
    /// replay: a system clock that jumped ahead (a machine booted before its clock was set)
    /// would otherwise mark a week of future doses missed.
    public var maximumRunGap: TimeInterval = 31 * 24 * 3600
    /// An open inbox item about a red flag or a dose above the maximum is handed out again
    /// this long after it was opened (and after each repeat) until a clinician acknowledges
    /// it (PainLadder's choice, like the other timings here; `remind --renotify-every`).
    public var inboxRenotifyInterval: TimeInterval = 2 * 3600

    public init(doseLead: TimeInterval = 15 * 60, doseLate: TimeInterval = SlotMatcher.lateAfter,
                noticeTime: LocalTime = LocalTime(hour: 8, minute: 0)!, reviewWithinDays: Int = 3,
                missedRunLength: Int = 2, supplyLeadDays: Int = 7, firstRunLookback: TimeInterval = 24 * 3600,
                maximumCatchUp: TimeInterval = 7 * 24 * 3600, supplyHorizonDays: Int = 366) {
        self.doseLead = doseLead
        self.doseLate = doseLate
        self.noticeTime = noticeTime
        self.reviewWithinDays = reviewWithinDays
        self.missedRunLength = missedRunLength
        self.supplyLeadDays = supplyLeadDays
        self.firstRunLookback = firstRunLookback
        self.maximumCatchUp = maximumCatchUp
        self.supplyHorizonDays = supplyHorizonDays
    }

    public static let standard = ReminderPolicy()

    /// Where the catch-up scan starts: the previous completed run (or ``firstRunLookback``
    /// ago), never more than ``maximumCatchUp`` ago. A previous run after `now` (a replay
    /// of the past, or a mark a wrong clock left) says nothing about what this run has seen:
    /// the run looks back the whole ``maximumCatchUp``.
    public func scanStart(now: Date, lastRun: Date?) -> Date {
        let earliest = now.addingTimeInterval(-maximumCatchUp)
        guard let lastRun else { return max(now.addingTimeInterval(-firstRunLookback), earliest) }
        return lastRun > now ? earliest : max(lastRun, earliest)
    }
}

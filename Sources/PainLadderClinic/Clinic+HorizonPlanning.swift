import Foundation
import PainLadder

/// The reminder job's horizons, kept in step by the changes that move them.
extension Clinic {
    /// The policy every stored horizon is listed with. A run whose own policy would list other
    /// notice windows (another review lead, supply lead or notice time) cannot trust them, and
    /// plans every course instead (``usesStoredHorizons(_:)``).
    static let horizonPolicy = ReminderPolicy.standard

    /// How a store lists a course's horizon at `now` (see ``HorizonPlanning``).
    public func horizonPlanning(now: Date) -> HorizonPlanning {
        let policy = Self.horizonPolicy
        return HorizonPlanning(
            now: now,
            journalFrom: { supply, lastRun in
                ReminderPlanner.journalFrom(now: now, lastRun: lastRun, supply: supply, policy: policy)
            },
            build: { record in ReminderPlanner.horizon(now: now, input: try reminderInput(record), policy: policy) })
    }

    /// Runs one unit of work that may move slots (a start, a decision, a journal entry that
    /// holds the plan, a zone move, supply) with the planning in effect, so the store rewrites
    /// the horizons it moved in that same transaction.
    func movingSlots<T>(now: Date, _ body: () throws -> T) throws -> T {
        try HorizonPlanning.$current.withValue(horizonPlanning(now: now)) { try body() }
    }

    /// Whether a run with `policy` may visit only the courses the stored horizons name: the
    /// fields the horizons are listed with are the horizons' own (the dose lead and the clock
    /// rules only shape the run's own query).
    static func usesStoredHorizons(_ policy: ReminderPolicy) -> Bool {
        var listed = policy
        listed.doseLead = horizonPolicy.doseLead
        listed.firstRunLookback = horizonPolicy.firstRunLookback
        listed.clockTolerance = horizonPolicy.clockTolerance
        listed.maximumRunGap = horizonPolicy.maximumRunGap
        return listed == horizonPolicy
    }
}

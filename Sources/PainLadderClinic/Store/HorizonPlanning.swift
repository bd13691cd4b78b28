import Foundation
import PainLadder

/// How a store rewrites a course's upcoming slots and notice windows (``ReminderHorizon``)
/// in the transaction of a change that moves them (a start, a decision, a hold, a zone move,
/// supply recorded): the policy stays in ``Clinic``, the store only writes what it returns.
///
/// ``Clinic`` puts one in effect around each such unit of work (``current``); a store reads
/// the course afresh inside its transaction, and calls ``build(_:)``. A write made without
/// one (a bulk load, a program that writes the store directly) leaves the course marked out
/// of date, and the next reminder run rebuilds it.
///
/// ```swift
/// let planning = clinic.horizonPlanning(now: now)
/// try HorizonPlanning.$current.withValue(planning) { try store.addSupply(event, recordedAt: now) }
/// ```
public struct HorizonPlanning: Sendable {
    /// The instant the horizons are listed at (the change's own `now`).
    public let now: Date
    private let journalStart: @Sendable (_ supply: [SupplyEvent], _ lastRun: Date?) -> LocalDate
    private let plan: @Sendable (ReminderRecord) throws -> ReminderHorizon

    public init(now: Date, journalFrom: @escaping @Sendable (_ supply: [SupplyEvent], _ lastRun: Date?) -> LocalDate,
                build: @escaping @Sendable (ReminderRecord) throws -> ReminderHorizon) {
        self.now = now
        self.journalStart = journalFrom
        self.plan = build
    }

    /// The planning in effect for the unit of work running on this task, if any.
    @TaskLocal public static var current: HorizonPlanning?

    /// The first local date of journal the course is read with, given the job's run mark.
    public func journalFrom(_ supply: [SupplyEvent], lastRun: Date?) -> LocalDate {
        journalStart(supply, lastRun)
    }

    /// The course's horizon at ``now``.
    public func build(_ record: ReminderRecord) throws -> ReminderHorizon {
        try plan(record)
    }
}

import Foundation

/// The reminder job's index of one course in progress: its dose slots over a short horizon
/// and the windows in which its day notices may go out, so that a run visits only the
/// courses with something due instead of planning every course.
///
/// It only narrows which courses a run plans: ``ReminderPlanner/plan(now:lastRun:input:policy:systemNow:)``
/// still decides what each visited course is told. Every field errs towards visiting: a slot
/// whose record is unknown is `open`, a notice window opens early and closes late.
///
/// ```swift
/// let horizon = ReminderPlanner.horizon(now: now, input: input)
/// horizon.slots.first   // 2026-03-20 08:00 Europe/London, 300 mg, plan v4, open
/// ```
public struct ReminderHorizon: Sendable, Equatable {
    /// What the journal says about a slot; `withdrawn` when a later plan no longer has it.
    public enum SlotStatus: String, Sendable, CaseIterable {
        case open, taken, skipped, missed, withdrawn
    }

    /// One planned dose.
    public struct Slot: Sendable, Equatable {
        public var date: LocalDate
        public var time: LocalTime
        /// The instant the wall-clock slot falls on (``DoseSlot/instant``).
        public var instant: Date
        /// The IANA zone of ``date``.
        public var zone: String
        public var doseMg: Milligrams
        public var planVersion: Int
        public var status: SlotStatus
    }

    /// A reminder key whose reminder may go out from ``opens`` until ``closes`` (open-ended
    /// when `nil`), until a run claims it. A key no reminder has (a `…:forecast` key) keeps
    /// the course visited for as long as the window lasts.
    public struct Notice: Sendable, Equatable {
        public var key: String
        public var opens: Date
        public var closes: Date?
    }

    /// The local dates whose slots are listed.
    public var firstDate: LocalDate
    public var lastDate: LocalDate
    /// Every slot of the course whose instant is in `coveredFrom...coveredThrough` is listed
    /// (whatever the zones of the dates around it).
    public var coveredFrom: Date
    public var coveredThrough: Date
    public var slots: [Slot]
    public var notices: [Notice]
}

import Foundation

/// Taken over scheduled, for one period.
public struct AdherenceCount: Codable, Sendable, Equatable {
    public var scheduled: Int
    public var taken: Int
    public var skipped: Int
    public var late: Int

    public init(scheduled: Int = 0, taken: Int = 0, skipped: Int = 0, late: Int = 0) {
        self.scheduled = scheduled
        self.taken = taken
        self.skipped = skipped
        self.late = late
    }

    /// Doses neither taken nor skipped: nothing recorded.
    public var unrecorded: Int { scheduled - taken - skipped }

    /// taken / scheduled, `nil` when nothing was scheduled.
    public var fraction: Double? { scheduled == 0 ? nil : Double(taken) / Double(scheduled) }
}

/// Adherence by day, by course week and by titration step, computed from the slots that
/// were due and the journal in force. Extras do not count towards adherence.
public struct AdherenceReport: Codable, Sendable, Equatable {
    public var overall: AdherenceCount
    public var byDay: [LocalDate: AdherenceCount]
    /// Week 1 is the course's first seven days.
    public var byWeek: [Int: AdherenceCount]
    public var byStep: [Int: AdherenceCount]

    /// - Parameters:
    ///   - slots: the scheduled slots to count (those due by now).
    ///   - entries: the effective journal (corrections applied, see ``Journal/effective(_:)``).
    public init(slots: [DoseSlot], entries: [JournalEntry], courseStart: LocalDate) {
        var status: [SlotKey: (taken: Bool, late: Bool, skipped: Bool)] = [:]
        for e in entries {
            guard let key = e.dose?.slot else { continue }
            switch e.kind {
            case .taken: status[key] = (true, e.dose?.late ?? false, false)
            case .skipped where status[key]?.taken != true: status[key] = (false, false, true)
            default: break
            }
        }
        overall = AdherenceCount()
        byDay = [:]
        byWeek = [:]
        byStep = [:]
        for slot in slots {
            let s = status[slot.key]
            let week = courseStart.days(to: slot.key.date) / 7 + 1
            func add(_ c: inout AdherenceCount) {
                c.scheduled += 1
                if s?.taken == true { c.taken += 1 }
                if s?.late == true { c.late += 1 }
                if s?.skipped == true { c.skipped += 1 }
            }
            add(&overall)
            add(&byDay[slot.key.date, default: AdherenceCount()])
            add(&byWeek[week, default: AdherenceCount()])
            add(&byStep[slot.stepNumber, default: AdherenceCount()])
        }
    }

    /// Over the last `days` days up to and including `today`.
    public func lastDays(_ days: Int, upTo today: LocalDate) -> AdherenceCount {
        var c = AdherenceCount()
        for (date, count) in byDay where date <= today && date > today.adding(days: -days) {
            c.scheduled += count.scheduled
            c.taken += count.taken
            c.skipped += count.skipped
            c.late += count.late
        }
        return c
    }
}

/// What the journal recorded for each slot, read as ``AdherenceReport`` reads it: a taken dose
/// wins over a skip, and the latest taken dose says whether it was late. Built once per
/// course and keyed by one integer (day × 1440 + minute), so a review's thousands of slot
/// lookups hash an `Int` instead of a ``SlotKey``.
struct SlotStatusIndex {
    struct Status {
        var taken = false
        var late = false
        var skipped = false
    }

    private var byMinute: [Int: Status] = [:]

    /// The entries of `journal` whose course is `courseID` (`nil` matches entries with no course).
    init(_ journal: [JournalEntry], courseID: Int64?) {
        byMinute.reserveCapacity(journal.count)
        // By index: a `for e in journal` loop copies every entry, text fields and all.
        for i in journal.indices where journal[i].courseID == courseID {
            guard let dose = journal[i].dose, let slot = dose.slot else { continue }
            let key = Self.key(slot)
            switch journal[i].kind {
            case .taken: byMinute[key] = Status(taken: true, late: dose.late, skipped: false)
            case .skipped where byMinute[key]?.taken != true: byMinute[key] = Status(taken: false, late: false, skipped: true)
            default: break
            }
        }
    }

    subscript(slot: SlotKey) -> Status? { byMinute[Self.key(slot)] }

    static func key(_ slot: SlotKey) -> Int { slot.date.dayNumber * 1440 + slot.time.minutesSinceMidnight }
}

extension AdherenceCount {
    /// Counts one scheduled slot with what was recorded for it (`nil`: nothing).
    mutating func add(_ s: SlotStatusIndex.Status?) {
        scheduled += 1
        if s?.taken == true { taken += 1 }
        if s?.late == true { late += 1 }
        if s?.skipped == true { skipped += 1 }
    }
}

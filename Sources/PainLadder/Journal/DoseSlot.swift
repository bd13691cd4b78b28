import Foundation

/// A scheduled dose's identity: its local date and wall-clock time ("2026-03-02 22:00").
public struct SlotKey: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: LocalDate
    public var time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    public var description: String { "\(date) \(time)" }

    public static func < (a: SlotKey, b: SlotKey) -> Bool { (a.date, a.time) < (b.date, b.time) }
}

/// One scheduled dose: when (local and as an instant), how much, from which step and plan.
public struct DoseSlot: Codable, Sendable, Equatable {
    public var key: SlotKey
    /// The instant the wall-clock slot falls on in the zone in force that day (see ``WallClock``).
    public var instant: Date
    public var administration: Administration
    public var stepNumber: Int
    public var planVersionID: Int64?
    public var planVersion: Int

    public var doseMg: Milligrams { administration.doseMg }
}

/// The patient's time zone over time: a move (`patient update --tz`) applies from a date on,
/// so local dose times follow the patient while past slots keep their instants.
public struct ZoneHistory: Sendable, Equatable {
    /// (first day, IANA zone id), in date order; the first entry applies before its date too.
    public var changes: [(from: LocalDate, zone: String)]

    public init(_ changes: [(from: LocalDate, zone: String)]) {
        self.changes = changes.sorted { $0.from < $1.from }
    }

    public init(single zone: String) {
        self.changes = [(LocalDate(dayNumber: 0), zone)]
    }

    public func zone(on date: LocalDate) -> TimeZone {
        let id = changes.last { $0.from <= date }?.zone ?? changes.first?.zone ?? "UTC"
        return TimeZone(identifier: id) ?? TimeZone(identifier: "UTC")!
    }

    /// The zone in force at an instant: that of the latest move whose first day has begun
    /// in the new zone (a move applies from local midnight of its day in the new zone).
    public func zone(at instant: Date) -> TimeZone {
        for change in changes.reversed() {
            guard let zone = TimeZone(identifier: change.zone) else { continue }
            if LocalDate(instant, in: zone) >= change.from { return zone }
        }
        return changes.first.flatMap { TimeZone(identifier: $0.zone) } ?? TimeZone(identifier: "UTC")!
    }

    /// The patient's local date at an instant, in the zone in force then.
    public func localDate(_ instant: Date) -> LocalDate {
        LocalDate(instant, in: zone(at: instant))
    }

    public static func == (a: ZoneHistory, b: ZoneHistory) -> Bool {
        a.changes.map(\.from) == b.changes.map(\.from) && a.changes.map(\.zone) == b.changes.map(\.zone)
    }
}

extension PlanVersion {
    /// The step this version puts in force on `date`. A held version keeps the step that was
    /// in force when the hold began: planned step-ups wait for a clinician. A hold reported on
    /// a step-up day before the new step's first dose keeps the step before it (as
    /// ``stepInForce(on:at:)``).
    public func step(on date: LocalDate) -> TitrationStep? {
        // `steps.first { !beyondTarget }` is `plannedSteps.first` without building the array:
        // this runs for every day of every calendar.
        guard holdReason != nil, let first = schedule.steps.first(where: { !$0.beyondTarget }) else {
            return schedule.step(on: date)
        }
        var frozen = max(effectiveFrom, first.startDate)
        if let time = effectiveTime, frozen == effectiveFrom, let day = schedule.step(on: frozen),
           day.startDate == frozen, day.administrations.allSatisfy({ $0.time >= time }),
           let before = schedule.step(on: frozen.adding(days: -1)), before.number < day.number,
           before.dailyTotal < day.dailyTotal {
            frozen = frozen.adding(days: -1)
        }
        return schedule.step(on: min(date, frozen)).flatMap { date >= $0.startDate ? $0 : nil }
            ?? schedule.step(on: date)
    }
}

/// Which plan version applies on which day, and the dose slots that follow.
public enum DoseCalendar {
    /// The version in force on `date`: the highest version whose `effectiveFrom` is on or before it.
    public static func plan(on date: LocalDate, versions: [PlanVersion]) -> PlanVersion? {
        // By index, not `filter { … }.max`: that copied every version (schedule and all) for
        // each day asked about, which was a sixth of the reminder job's time (BENCHMARKS.md).
        planIndex(on: date, versions: versions).map { versions[$0] }
    }

    /// Every scheduled dose from `from` to `to` inclusive, in time order.
    public static func slots(versions: [PlanVersion], courseStart: LocalDate, courseEnd: LocalDate? = nil,
                             from: LocalDate, to: LocalDate, zones: ZoneHistory) -> [DoseSlot] {
        slots(versions: versions, courseStart: courseStart, courseEnd: courseEnd, from: from, to: to,
              clock: ZoneClock(zones))
    }

    /// As above, with the zones' offsets cached in `clock` (a two-year calendar is thousands
    /// of slots; asking ICU three or four times for each was most of the review's adherence pass).
    static func slots(versions: [PlanVersion], courseStart: LocalDate, courseEnd: LocalDate? = nil,
                      from: LocalDate, to: LocalDate, clock: ZoneClock) -> [DoseSlot] {
        var result: [DoseSlot] = []
        result.reserveCapacity(estimatedCount(courseStart: courseStart, courseEnd: courseEnd, from: from, to: to))
        forEachSlot(versions: versions, courseStart: courseStart, courseEnd: courseEnd, from: from, to: to,
                    clock: clock) { key, instant, a, step, p in
            result.append(DoseSlot(key: key, instant: instant, administration: a, stepNumber: step,
                                   planVersionID: versions[p].id, planVersion: versions[p].version))
        }
        // Day by day the slots are nearly always in time order already; sort (stable, so the
        // same order as `sorted`) only when a zone change put one out of place, in place
        // rather than into a second array of the same size.
        if !isInOrder(result, by: { $0.instant }) { result.sort { $0.instant < $1.instant } }
        return result
    }

    /// About three doses a day: room for the slots from `from` to `to`, allocated once.
    static func estimatedCount(courseStart: LocalDate, courseEnd: LocalDate?, from: LocalDate, to: LocalDate) -> Int {
        let last = courseEnd.map { min($0, to) } ?? to
        return max(0, max(from, courseStart).days(to: last) + 1) * 3
    }

    /// Each scheduled dose from `from` to `to` inclusive, day by day and in each day in the
    /// step's order (not necessarily time order across a zone change): its key, instant,
    /// administration, step number and the index of its plan version in `versions`.
    static func forEachSlot(versions: [PlanVersion], courseStart: LocalDate, courseEnd: LocalDate?,
                            from: LocalDate, to: LocalDate, clock: ZoneClock,
                            _ body: (SlotKey, Date, Administration, Int, Int) -> Void) {
        var day = max(from, courseStart)
        let last = courseEnd.map { min($0, to) } ?? to
        while day <= last {
            if let p = planIndex(on: day, versions: versions) {
                let zone = clock.zone(on: day)
                if versions[p].effectiveFrom == day, versions[p].effectiveTime != nil {
                    for (a, step, q) in slotsOfChangeDay(day, versions: versions) {
                        body(SlotKey(date: day, time: a.time), zone.instant(day, a.time), a, step, q)
                    }
                } else if let step = versions[p].step(on: day) {
                    for a in step.administrations {
                        body(SlotKey(date: day, time: a.time), zone.instant(day, a.time), a, step.number, p)
                    }
                }
            }
            day = day.adding(days: 1)
        }
    }

    /// The slots of a day on which a version takes effect during the day, in time order: each
    /// slot of each version's step belongs to the highest version in force at its time
    /// (``PlanVersion/effectiveTime``). Slots before a course's first version began do not exist.
    static func slotsOfChangeDay(_ day: LocalDate, versions: [PlanVersion]) -> [(Administration, Int, Int)] {
        let candidates = versions.indices.filter { versions[$0].effectiveFrom <= day }
            .sorted { versions[$0].version > versions[$1].version }
        var result: [(Administration, Int, Int)] = []
        var higher: [Int] = []
        for i in candidates {
            if let step = versions[i].step(on: day) {
                for a in step.administrations where versions[i].begins(onOrBefore: day, at: a.time)
                    && !higher.contains(where: { versions[$0].begins(onOrBefore: day, at: a.time) }) {
                    result.append((a, step.number, i))
                }
            }
            // A version in force all day hides every lower one.
            if versions[i].effectiveFrom < day || versions[i].effectiveTime == nil { break }
            higher.append(i)
        }
        return result.sorted { $0.0.time < $1.0.time }
    }

    /// Whether `items` are already in ascending order of `key` (ties allowed).
    static func isInOrder<T>(_ items: [T], by key: (T) -> Date) -> Bool {
        var i = 1
        while i < items.count {
            if key(items[i]) < key(items[i - 1]) { return false }
            i += 1
        }
        return true
    }

    /// The index of ``plan(on:versions:)``'s answer, without copying the version.
    static func planIndex(on date: LocalDate, versions: [PlanVersion]) -> Int? {
        var best: Int?
        for i in versions.indices where versions[i].effectiveFrom <= date {
            if best == nil || versions[i].version > versions[best!].version { best = i }
        }
        return best
    }
}

import Foundation

extension PlanVersion {
    /// The first slot time a version made at `now` applies to on `day`, its first day: the
    /// local time at `now`, rounded up to the minute (a slot is a wall-clock minute, and one
    /// that began before the decision is past). `nil` when `day` is a later day than `now`'s:
    /// the version then applies from the start of that day.
    ///
    /// A decision at 11:05 on 2026-03-16 gives 11:05: the day's 08:00 dose stays with the plan
    /// that was in force, the 20:00 dose follows the new one.
    public static func effectiveTime(at now: Date, on day: LocalDate, zone: TimeZone) -> LocalTime? {
        let local = WallClock.local(now, in: zone)
        guard local.date == day else { return nil }
        let intoMinute = (now.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: now))).truncatingRemainder(dividingBy: 60)
        let minute = local.time.minutesSinceMidnight + (intoMinute > 0 ? 1 : 0)
        return LocalTime(hour: min(minute, 23 * 60 + 59) / 60, minute: min(minute, 23 * 60 + 59) % 60)
    }

    /// Whether this version is in force for the slot at `time` on `date`, as far as its own
    /// start goes: from `effectiveFrom`, and on that day from `effectiveTime` on.
    @inline(__always)
    func begins(onOrBefore date: LocalDate, at time: LocalTime) -> Bool {
        effectiveFrom < date || (effectiveFrom == date && (effectiveTime.map { $0 <= time } ?? true))
    }
}

extension PlanVersion {
    /// The step whose dose the patient is on at `time` on `date`: the day's step once one of
    /// its doses has come due (before `time`), the step before it while the first is still ahead (a step that
    /// begins with a 22:00 dose has not begun at 10:00). Only a step up waits so; a step down
    /// (a reduction) is in force from the decision.
    public func stepInForce(on date: LocalDate, at time: LocalTime) -> TitrationStep? {
        guard let day = step(on: date) else { return nil }
        guard day.startDate == date, day.administrations.allSatisfy({ $0.time >= time }),
              let before = step(on: date.adding(days: -1)), before.number < day.number,
              before.dailyTotal < day.dailyTotal else { return day }
        return before
    }
}

import Foundation

/// When something happened, as a person says it: now, a wall-clock time on a named day, a
/// day alone, or an exact instant. An interface reads the words ("yesterday 22:10"); the
/// library resolves the expression once, against the patient's zone history.
public struct TimeExpression: Equatable, Sendable {
    /// The day a wall-clock time is on.
    public enum Day: Equatable, Sendable {
        case today, yesterday
        case date(LocalDate)
    }

    public enum Moment: Equatable, Sendable {
        case now
        case wallClock(Day, LocalTime)
        /// A date alone: for a pain score, that day (now if it is today, else midday).
        case day(LocalDate)
        case instant(Date)
    }

    public var moment: Moment
    /// The words as given, repeated by a message about them.
    public var given: String

    public init(_ moment: Moment, given: String) {
        self.moment = moment
        self.given = given
    }

    /// The instant: a wall-clock time in the zone in force on the day it names, so "yesterday
    /// 22:10" given the day after a move means 22:10 where the patient was then.
    public func instant(now: Date, zones: ZoneHistory) -> Date {
        switch moment {
        case .now: return now
        case let .instant(date): return date
        case let .wallClock(day, time):
            let date = localDate(day, now: now, zones: zones)
            return WallClock.instant(date, time, in: zones.zone(on: date))
        case let .day(date):
            return date == zones.localDate(now) ? now
                : WallClock.instant(date, LocalTime(hour: 12, minute: 0)!, in: zones.zone(on: date))
        }
    }

    func localDate(_ day: Day, now: Date, zones: ZoneHistory) -> LocalDate {
        switch day {
        case .today: zones.localDate(now)
        case .yesterday: zones.localDate(now).adding(days: -1)
        case let .date(date): date
        }
    }
}

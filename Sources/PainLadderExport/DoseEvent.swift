import Foundation
import PainLadder

extension ICalendarExport {
    /// One dose VEVENT: a daily series (less its spring-forward occurrences), or one of those
    /// occurrences on its own at an explicit UTC instant.
    struct DoseEvent: Sendable, Equatable {
        var uid: String
        var series: Series
        /// For the series: the days whose dose time falls in a spring-forward gap (EXDATE).
        var gapDays: [LocalDate] = []
        /// For a gap occurrence: its day and instant (the instant `remind` uses).
        var gapOccurrence: (day: LocalDate, instant: Date)?

        static func == (a: DoseEvent, b: DoseEvent) -> Bool {
            a.uid == b.uid && a.series == b.series && a.gapDays == b.gapDays
                && a.gapOccurrence?.day == b.gapOccurrence?.day && a.gapOccurrence?.instant == b.gapOccurrence?.instant
        }

        /// The events of the plan now in force, and those an earlier version wrote that it
        /// no longer has (each as that version last wrote it), in the order first written.
        struct FollowingDecisions {
            var current: [DoseEvent]
            var dropped: [DoseEvent]
        }

        /// Replays the versions one by one (as a calendar saw each export) and keeps every
        /// event each wrote: what the last one lacks was dropped by a decision.
        static func followingDecisions(course: Course, versions: [PlanVersion], zones: ZoneHistory,
                                       horizon: LocalDate) -> FollowingDecisions {
            let ordered = versions.sorted { $0.version < $1.version }
            var lastWritten: [String: DoseEvent] = [:]
            var order: [String] = []
            var current: [DoseEvent] = []
            for k in ordered.indices {
                current = events(ICalendarExport.series(course: course, versions: Array(ordered[...k]), zones: zones),
                                 horizon: horizon)
                for e in current {
                    if lastWritten.updateValue(e, forKey: e.uid) == nil { order.append(e.uid) }
                }
            }
            let now = Set(current.map(\.uid))
            return FollowingDecisions(current: current, dropped: order.filter { !now.contains($0) }.compactMap { lastWritten[$0] })
        }

        /// Each series as one event, plus one event per spring-forward day up to `horizon`
        /// (for a series that goes on).
        static func events(_ all: [Series], horizon: LocalDate) -> [DoseEvent] {
            var result: [DoseEvent] = []
            for s in all {
                let gaps = gapDays(s, through: s.lastDay ?? horizon)
                result.append(DoseEvent(uid: s.uid, series: s, gapDays: gaps.map(\.day)))
                for g in gaps {
                    let uid = s.uid.replacingOccurrences(of: "@painladder", with: "-\(ICalendarText.dateValue(g.day))@painladder")
                    result.append(DoseEvent(uid: uid, series: s, gapOccurrence: g))
                }
            }
            return result
        }

        /// The days from the series' first to `last` on which its dose time does not exist
        /// (the clocks go forward over it), with the instant `remind` gives that dose.
        static func gapDays(_ s: Series, through last: LocalDate) -> [(day: LocalDate, instant: Date)] {
            guard let tz = TimeZone(identifier: s.zone), s.firstDay <= last else { return [] }
            let minute = s.administration.time.minutesSinceMidnight
            return VTimeZone.changes(tz, fromYear: s.firstDay.year, toYear: last.year).compactMap { c in
                let from = c.local.time.minutesSinceMidnight
                guard c.to > c.from, c.local.date >= s.firstDay, c.local.date <= last,
                      minute >= from, minute < from + (c.to - c.from) / 60 else { return nil }
                return (c.local.date, WallClock.instant(c.local.date, s.administration.time, in: tz))
            }
        }
    }
}

import Foundation
import PainLadder

/// A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, built from the system's
/// time-zone data, so a calendar app that does not know the TZID still places each dose
/// at the right wall-clock time.
///
/// When the zone's changes follow one yearly rule over the years given (a month, a
/// weekday and its position, a time: Europe/London "last Sunday of March at 01:00"), each
/// kind of change is one observance with a yearly RRULE, valid for every later year too.
/// Otherwise each change in the years given is listed as its own observance. A zone
/// without changes is one STANDARD observance. TZNAME is the zone data's abbreviation
/// (``ZoneAbbreviations``: BST, EDT).
enum VTimeZone {
    struct Change: Equatable {
        var local: (date: LocalDate, time: LocalTime)
        var from: Int
        var to: Int
        var daylight: Bool
        var name: String

        static func == (a: Change, b: Change) -> Bool {
            a.local.date == b.local.date && a.local.time == b.local.time && a.from == b.from && a.to == b.to
                && a.daylight == b.daylight && a.name == b.name
        }
    }

    static func lines(_ zone: TimeZone, fromYear: Int, toYear: Int) -> [String] {
        let changes = self.changes(zone, fromYear: fromYear - 1, toYear: toYear + 1)
        var out = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        if changes.isEmpty {
            let seconds = zone.secondsFromGMT(for: date(fromYear, 1, 1))
            let offset = ICalendarText.offset(seconds)
            let name = ZoneAbbreviations.name(zone.identifier, offset: seconds, daylight: false)
                ?? zone.abbreviation(for: date(fromYear, 1, 1)) ?? zone.identifier
            out += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)",
                    "TZNAME:\(ICalendarText.escape(name))",
                    "END:STANDARD"]
        } else if let rules = yearlyRules(changes) {
            for (change, rule) in rules { out += observance(change, rule: rule) }
        } else {
            for change in changes { out += observance(change, rule: nil) }
        }
        return out + ["END:VTIMEZONE"]
    }

    static func observance(_ c: Change, rule: String?) -> [String] {
        let kind = c.daylight ? "DAYLIGHT" : "STANDARD"
        return ["BEGIN:\(kind)", "DTSTART:\(ICalendarText.local(c.local.date, c.local.time))"]
            + (rule.map { ["RRULE:\($0)"] } ?? [])
            + ["TZOFFSETFROM:\(ICalendarText.offset(c.from))", "TZOFFSETTO:\(ICalendarText.offset(c.to))",
               "TZNAME:\(ICalendarText.escape(c.name))", "END:\(kind)"]
    }

    /// Every change of offset from the start of `fromYear` to the end of `toYear`, with
    /// the wall-clock time it happens at (in the offset before it).
    static func changes(_ zone: TimeZone, fromYear: Int, toYear: Int) -> [Change] {
        var result: [Change] = []
        var cursor = date(fromYear, 1, 1)
        let end = date(toYear + 1, 1, 1)
        while let t = zone.nextDaylightSavingTimeTransition(after: cursor), t < end, result.count < 1000 {
            let before = zone.secondsFromGMT(for: t.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: t)
            if before != after {
                let local = WallClock.local(t.addingTimeInterval(Double(before)), in: TimeZone(identifier: "UTC")!)
                let daylight = zone.isDaylightSavingTime(for: t)
                // The zone data's abbreviation (BST), not Foundation's on Linux (GMT+1).
                let name = ZoneAbbreviations.name(zone.identifier, offset: after, daylight: daylight)
                    ?? zone.abbreviation(for: t) ?? ICalendarText.offset(after)
                result.append(Change(local: local, from: before, to: after, daylight: daylight, name: name))
            }
            cursor = t
        }
        return result
    }

    /// One yearly rule per kind of change, when every change of that kind fits it.
    static func yearlyRules(_ changes: [Change]) -> [(Change, String)]? {
        let kinds = Dictionary(grouping: changes, by: { $0.daylight })
        guard kinds.count == 2 else { return nil }
        var result: [(Change, String)] = []
        for (_, list) in kinds {
            let first = list[0]
            let rule = { (c: Change) -> String in
                let d = c.local.date
                let last = d.day + 7 > LocalDate.daysIn(month: d.month, year: d.year)
                let position = last ? "-1" : "\((d.day - 1) / 7 + 1)"
                let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.isoWeekday - 1]
                return "FREQ=YEARLY;BYMONTH=\(d.month);BYDAY=\(position)\(weekday)"
            }
            let consistent = list.allSatisfy {
                rule($0) == rule(first) && $0.local.time == first.local.time && $0.from == first.from
                    && $0.to == first.to && $0.name == first.name
            }
            // One change a year, in consecutive years.
            let years = list.map(\.local.date.year)
            guard consistent, Set(years).count == years.count,
                  zip(years, years.dropFirst()).allSatisfy({ $1 == $0 + 1 }) else { return nil }
            result.append((first, rule(first)))
        }
        return result.sorted { $0.0.local.date < $1.0.local.date }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
        Date(timeIntervalSince1970: Double(LocalDate(year: year, month: month, day: day)!.dayNumber) * 86_400)
    }
}

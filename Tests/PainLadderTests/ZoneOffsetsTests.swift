import Foundation
import Testing
@testable import PainLadder

/// ``ZoneOffsets`` and ``ZoneClock`` (cached offsets) answer exactly what ICU answers.
@Suite("Zone offsets: cached between transitions, exact")
struct ZoneOffsetsTests {
    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }
    func t(_ text: String) -> LocalTime { LocalTime(parsing: text)! }

    /// DST zones both sides of the equator, half- and quarter-hour offsets, a 30-minute DST
    /// (Lord Howe), a 2-hour DST (Troll), changes of standard time (Pyongyang, Moscow), a
    /// skipped day (Apia), DST abolished (São Paulo), Ramadan suspensions (Casablanca).
    static let zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu",
                        "Asia/Pyongyang", "Europe/Moscow", "Pacific/Apia", "America/Sao_Paulo", "Pacific/Chatham",
                        "UTC", "Africa/Casablanca", "America/St_Johns", "Antarctica/Troll", "Europe/Dublin", "Asia/Tehran"]

    static let times = (0..<48).map { LocalTime(hour: $0 / 2, minute: $0 % 2 * 30)! }
        + [LocalTime(hour: 0, minute: 15)!, LocalTime(hour: 2, minute: 45)!, LocalTime(hour: 3, minute: 45)!, LocalTime(hour: 23, minute: 59)!]

    /// Days whose offset at local-ish midnight differs from the next day's, found with ICU
    /// alone (not the transition API the cache relies on).
    static func changeDays(_ zone: TimeZone, year: Int) -> [LocalDate] {
        var days: [LocalDate] = []
        var day = LocalDate(year: year, month: 1, day: 1)!
        while day.year == year {
            let a = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day.dayNumber * 86_400)))
            let b = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + 86_400)))
            if a != b { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    @Test(arguments: zones)
    func wallClockInstantsMatchICU(zoneID: String) {
        let zone = TimeZone(identifier: zoneID)!
        let forward = ZoneOffsets(zone), backward = ZoneOffsets(zone)
        for year in [2011, 2015, 2018, 2026] {
            var days = Set(Self.changeDays(zone, year: year).flatMap { c in (-2...2).map { c.adding(days: $0) } })
            var day = LocalDate(year: year, month: 1, day: 1)!
            while day.year == year {
                days.insert(day)
                day = day.adding(days: 11)
            }
            let ordered = days.sorted()
            for day in ordered {
                for time in Self.times {
                    let expected = Reference.instant(day, time, in: zone)
                    #expect(forward.instant(day, time) == expected, "\(zoneID) \(day) \(time)")
                    #expect(WallClock.instant(day, time, in: zone) == expected, "\(zoneID) \(day) \(time)")
                }
            }
            // Asked in the other order, the spans are found and widened differently.
            for day in ordered.reversed() {
                for time in Self.times.reversed() {
                    #expect(backward.instant(day, time) == Reference.instant(day, time, in: zone), "\(zoneID) \(day) \(time)")
                }
            }
        }
    }

    @Test(arguments: zones)
    func offsetsAndLocalDatesMatchICUAtEveryTransition(zoneID: String) {
        let zone = TimeZone(identifier: zoneID)!
        let offsets = ZoneOffsets(zone)
        for year in [2011, 2015, 2018, 2026] {
            // Warm the cache from the start of the year so spans reach the transitions.
            _ = offsets.offset(at: Date(timeIntervalSince1970: Double(LocalDate(year: year, month: 1, day: 1)!.dayNumber * 86_400)))
            for day in Self.changeDays(zone, year: year) {
                // The exact second of the change, by bisection with ICU.
                var lo = Double(day.dayNumber * 86_400), hi = lo + 86_400
                let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: lo))
                while hi - lo > 1 {
                    let mid = ((lo + hi) / 2).rounded(.down)
                    if zone.secondsFromGMT(for: Date(timeIntervalSince1970: mid)) == before { lo = mid } else { hi = mid }
                }
                for s in [lo - 3_600, lo - 1, lo - 0.5, lo, hi, hi + 0.25, hi + 1, hi + 3_600] {
                    let instant = Date(timeIntervalSince1970: s)
                    #expect(offsets.offset(at: instant) == zone.secondsFromGMT(for: instant), "\(zoneID) \(instant)")
                    #expect(offsets.localDate(instant) == LocalDate(instant, in: zone), "\(zoneID) \(instant)")
                }
            }
            var s = Double(LocalDate(year: year, month: 1, day: 1)!.dayNumber * 86_400)
            let end = s + 366 * 86_400
            while s < end {
                let instant = Date(timeIntervalSince1970: s)
                #expect(offsets.localDate(instant) == LocalDate(instant, in: zone), "\(zoneID) \(instant)")
                s += 7_919   // about 2.2 hours, so every hour of the day comes round
            }
        }
    }

    // Hand-worked: Europe/London 2026 springs forward at 01:00 GMT on 29 March and falls back
    // at 01:00 GMT (02:00 BST) on 25 October.
    @Test func londonByHand() {
        let london = ZoneOffsets(TimeZone(identifier: "Europe/London")!)
        #expect(london.offset(at: utc("2026-03-29T00:59:59Z")) == 0)
        #expect(london.offset(at: utc("2026-03-29T01:00:00Z")) == 3_600)
        #expect(london.offset(at: utc("2026-10-25T00:59:59Z")) == 3_600)
        #expect(london.offset(at: utc("2026-10-25T01:00:00Z")) == 0)
        #expect(london.instant(d("2026-03-29"), t("01:30")) == utc("2026-03-29T01:30:00Z"))   // in the gap: GMT
        #expect(london.instant(d("2026-03-29"), t("22:00")) == utc("2026-03-29T21:00:00Z"))
        #expect(london.instant(d("2026-10-25"), t("01:30")) == utc("2026-10-25T00:30:00Z"))   // twice: the first (BST)
        #expect(london.instant(d("2026-10-25"), t("22:00")) == utc("2026-10-25T22:00:00Z"))
        #expect(london.localDate(utc("2026-06-30T23:30:00Z")) == d("2026-07-01"))
        #expect(london.localDate(utc("2026-12-31T23:30:00Z")) == d("2026-12-31"))
    }

    // Hand-worked: Pyongyang moved from UTC+9 to UTC+8:30 at midnight on 15 August 2015
    // (14 August 15:00Z; clocks went back to 23:30, so 23:30–00:00 happened twice).
    @Test func pyongyangStandardTimeChangeByHand() {
        let pyongyang = ZoneOffsets(TimeZone(identifier: "Asia/Pyongyang")!)
        #expect(pyongyang.offset(at: utc("2015-08-01T00:00:00Z")) == 32_400)
        #expect(pyongyang.offset(at: utc("2015-08-14T14:59:59Z")) == 32_400)
        #expect(pyongyang.offset(at: utc("2015-08-14T15:00:00Z")) == 30_600)
        #expect(pyongyang.instant(d("2015-08-14"), t("23:45")) == utc("2015-08-14T14:45:00Z"))   // first occurrence, +9
        #expect(pyongyang.instant(d("2015-08-15"), t("08:00")) == utc("2015-08-14T23:30:00Z"))   // +8:30
    }

    @Test func zoneClockAgreesWithZoneHistory() {
        let histories = [
            ZoneHistory(single: "Europe/London"),
            ZoneHistory([]),
            ZoneHistory([(d("2026-03-20"), "America/New_York"), (d("2026-01-01"), "Europe/London"),
                         (d("2026-10-30"), "Asia/Kolkata")]),
            ZoneHistory([(d("2026-02-01"), "Mars/Olympus_Mons"), (d("2026-04-01"), "Australia/Lord_Howe")]),
            ZoneHistory([(d("2026-02-01"), "Europe/London"), (d("2026-04-01"), "Mars/Olympus_Mons")]),
        ]
        for history in histories {
            let clock = ZoneClock(history)
            var day = d("2025-12-01")
            while day <= d("2027-01-31") {
                #expect(clock.zone(on: day).zone == history.zone(on: day))
                for hour in [0, 5, 11, 17, 23] {
                    let instant = Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + hour * 3_600 + 1_234))
                    #expect(clock.zone(at: instant).zone == history.zone(at: instant))
                    #expect(clock.localDate(instant) == history.localDate(instant))
                }
                day = day.adding(days: 1)
            }
        }
    }
}

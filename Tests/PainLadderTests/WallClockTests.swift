import Foundation
import Testing
@testable import PainLadder

@Suite struct WallClockTests {
    let london = TimeZone(identifier: "Europe/London")!

    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func springGapUsesOffsetBeforeTheGap() {
        // 2026-03-29 Europe/London: 01:00 GMT → 02:00 BST, so 01:30 does not exist.
        // Read with GMT (+0): 01:30Z, which is 02:30 BST.
        let instant = WallClock.instant(Fixtures.d("2026-03-29"), Fixtures.t("01:30"), in: london)
        #expect(instant == utc("2026-03-29T01:30:00Z"))
        let back = WallClock.local(instant, in: london)
        #expect(back.date == Fixtures.d("2026-03-29"))
        #expect(back.time == Fixtures.t("02:30"))
    }

    @Test func autumnRepeatTakesFirstOccurrence() {
        // 2026-10-25 Europe/London: 02:00 BST → 01:00 GMT, so 01:30 happens twice;
        // the first is 01:30 BST = 00:30Z.
        let instant = WallClock.instant(Fixtures.d("2026-10-25"), Fixtures.t("01:30"), in: london)
        #expect(instant == utc("2026-10-25T00:30:00Z"))
    }

    @Test func ordinaryTimesEitherSideOfTheChanges() {
        // 22:00 stays 22:00 wall clock: GMT in winter, BST in summer.
        #expect(WallClock.instant(Fixtures.d("2026-03-28"), Fixtures.t("22:00"), in: london) == utc("2026-03-28T22:00:00Z"))
        #expect(WallClock.instant(Fixtures.d("2026-03-29"), Fixtures.t("22:00"), in: london) == utc("2026-03-29T21:00:00Z"))
        #expect(WallClock.instant(Fixtures.d("2026-10-25"), Fixtures.t("22:00"), in: london) == utc("2026-10-25T22:00:00Z"))
        #expect(WallClock.instant(Fixtures.d("2026-10-25"), Fixtures.t("00:30"), in: london) == utc("2026-10-24T23:30:00Z"))
    }

    @Test func zoneWithoutDaylightSavingIsExact() {
        // Asia/Kolkata is UTC+05:30 all year.
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!
        #expect(WallClock.instant(Fixtures.d("2026-03-29"), Fixtures.t("01:30"), in: kolkata) == utc("2026-03-28T20:00:00Z"))
        #expect(WallClock.instant(Fixtures.d("2026-10-25"), Fixtures.t("22:00"), in: kolkata) == utc("2026-10-25T16:30:00Z"))
    }
}

@Suite struct LocalDateTests {
    @Test func strictParsing() {
        #expect(LocalDate(parsing: "2026-02-30") == nil)
        #expect(LocalDate(parsing: "2026-02-29") == nil)
        #expect(LocalDate(parsing: "2100-02-29") == nil)
        #expect(LocalDate(parsing: "2026-13-01") == nil)
        #expect(LocalDate(parsing: "2026-1-01") == nil)
        #expect(LocalDate(parsing: "26-01-01") == nil)
        #expect(LocalDate(parsing: "2026-01-01T00:00") == nil)
        #expect(LocalDate(parsing: "") == nil)
        let leap = LocalDate(parsing: "2028-02-29")
        #expect(leap?.year == 2028 && leap?.month == 2 && leap?.day == 29)
        #expect(LocalDate(parsing: "2000-02-29") != nil)
    }

    @Test func arithmeticAcrossMonthAndLeapDay() {
        #expect(Fixtures.d("2028-02-28").adding(days: 1) == Fixtures.d("2028-02-29"))
        #expect(Fixtures.d("2028-02-29").adding(days: 1) == Fixtures.d("2028-03-01"))
        #expect(Fixtures.d("2026-12-31").adding(days: 1) == Fixtures.d("2027-01-01"))
        #expect(Fixtures.d("2026-03-01").days(to: Fixtures.d("2026-03-29")) == 28)
        #expect(Fixtures.d("1970-01-01").dayNumber == 0)
        #expect(Fixtures.d("2026-03-02").isoWeekday == 1)   // a Monday
    }
}

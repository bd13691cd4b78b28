import Foundation
import Testing
@testable import PainLadder
@testable import PainLadderExport

/// A minimal RFC 5545 reader for the tests: unfolds lines and builds the component tree,
/// failing on anything malformed.
struct ICS {
    struct Component {
        var name: String
        var properties: [(name: String, params: String, value: String)] = []
        var children: [Component] = []

        func values(_ property: String) -> [String] { properties.filter { $0.name == property }.map(\.value) }
        func value(_ property: String) -> String? { values(property).first }
        func full(_ property: String) -> String? {
            properties.first { $0.name == property }.map { $0.name + $0.params + ":" + $0.value }
        }
        func all(_ name: String) -> [Component] { children.filter { $0.name == name } }
    }

    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String) throws -> Component {
        guard text.hasSuffix("\r\n") else { throw Malformed(description: "does not end with CRLF") }
        let physical = text.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            if line.contains("\n") || line.contains("\r") { throw Malformed(description: "bare LF or CR in \(line)") }
            if line.utf8.count > 75 { throw Malformed(description: "line longer than 75 octets: \(line)") }
        }
        var logical: [String] = []
        for line in physical {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !logical.isEmpty else { throw Malformed(description: "continuation first") }
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var stack: [Component] = []
        var root: Component?
        for line in logical {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "no colon: \(line)") }
            let head = line[..<colon], value = String(line[line.index(after: colon)...])
            let name = String(head.split(separator: ";", maxSplits: 1)[0])
            let params = String(head.dropFirst(name.count))
            switch name {
            case "BEGIN": stack.append(Component(name: value))
            case "END":
                guard var done = stack.popLast(), done.name == value else { throw Malformed(description: "END:\(value) unmatched") }
                if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
                done = Component(name: "")
            default:
                guard !stack.isEmpty else { throw Malformed(description: "property outside a component: \(line)") }
                stack[stack.count - 1].properties.append((name, params, value))
            }
        }
        guard stack.isEmpty, let root, root.name == "VCALENDAR" else { throw Malformed(description: "not one VCALENDAR") }
        return root
    }
}

@Suite("Reminders: iCalendar export")
struct ICalendarExportTests {
    func export(_ versions: [PlanVersion]) throws -> String {
        let start = Remind.d("2026-03-02")
        return ICalendarExport.calendar(patient: Remind.patient(), course: Remind.course(start: start), drug: try HandPlan.drug(),
                                        versions: versions, zones: ZoneHistory(single: "Europe/London"),
                                        howToRecord: "painladder take \(Remind.patient().id)")
    }

    @Test("one daily series per step, UNTIL in UTC at the end of the day before the next step, alarms, review, VTIMEZONE")
    func amitriptylineSeries() throws {
        let start = Remind.d("2026-03-02")
        let text = try export([Remind.version(1, HandPlan.amitriptyline(start: start), from: start, review: Remind.d("2026-03-16"))])
        let cal = try ICS.parse(text)
        #expect(cal.value("VERSION") == "2.0")
        #expect(cal.value("PRODID") == "-//PainLadder//painladder//EN")

        let events = cal.all("VEVENT")
        let doses = events.filter { $0.value("RRULE") != nil }
        // Worked by hand: steps start 03-02, 03-09, 03-16, 03-23, 03-30 at 22:00. Each ends at
        // 23:59:59 London time on the day before the next: GMT until 03-29, when London is on
        // BST, so the end of 03-29 is 22:59:59Z.
        #expect(doses.map { $0.value("UID")! } == (1...5).map { "c12-step\($0)-2200@painladder" })
        #expect(doses.map { $0.full("DTSTART")! } == ["20260302", "20260309", "20260316", "20260323", "20260330"]
            .map { "DTSTART;TZID=Europe/London:\($0)T220000" })
        #expect(doses.map { $0.value("RRULE")! } == [
            "FREQ=DAILY;UNTIL=20260308T235959Z", "FREQ=DAILY;UNTIL=20260315T235959Z", "FREQ=DAILY;UNTIL=20260322T235959Z",
            "FREQ=DAILY;UNTIL=20260329T225959Z", "FREQ=DAILY",
        ])
        #expect(doses.map { $0.value("SUMMARY")! } == [
            "Amitriptyline 10 mg (1 × 10 mg tablet)", "Amitriptyline 20 mg (2 × 10 mg tablets)",
            "Amitriptyline 30 mg (3 × 10 mg tablets)", "Amitriptyline 40 mg (4 × 10 mg tablets)",
            "Amitriptyline 50 mg (5 × 10 mg tablets)",
        ])
        for e in doses {
            #expect(e.value("DTSTAMP") == "20260301T120000Z")
            #expect(e.value("SEQUENCE") == "0")
            let alarms = e.all("VALARM")
            #expect(alarms.count == 1)
            #expect(alarms.first?.value("ACTION") == "DISPLAY")
            #expect(alarms.first?.value("TRIGGER") == "PT0M")
            #expect(alarms.first?.value("DESCRIPTION") != nil)
            // With a TZID start, UNTIL must be UTC (RFC 5545 §3.3.10).
            if let until = e.value("RRULE")!.split(separator: ";").first(where: { $0.hasPrefix("UNTIL=") }) {
                #expect(until.hasSuffix("Z"))
            }
        }
        let review = try #require(events.first { $0.value("UID") == "c12-review@painladder" })
        #expect(review.full("DTSTART") == "DTSTART;VALUE=DATE:20260316")
        #expect(review.full("DTEND") == "DTEND;VALUE=DATE:20260317")
        #expect(review.all("VALARM").first?.value("TRIGGER") == "-P1D")

        // Europe/London: last Sunday of March 01:00 GMT → BST; last Sunday of October 02:00 BST → GMT.
        let tz = try #require(cal.all("VTIMEZONE").first)
        #expect(tz.value("TZID") == "Europe/London")
        let daylight = try #require(tz.all("DAYLIGHT").first), standard = try #require(tz.all("STANDARD").first)
        #expect(daylight.value("RRULE") == "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        #expect(daylight.value("TZOFFSETFROM") == "+0000")
        #expect(daylight.value("TZOFFSETTO") == "+0100")
        #expect(daylight.value("DTSTART")?.hasSuffix("T010000") == true)
        #expect(standard.value("RRULE") == "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        #expect(standard.value("TZOFFSETFROM") == "+0100")
        #expect(standard.value("DTSTART")?.hasSuffix("T020000") == true)
    }

    @Test("a held plan keeps the step in force, open-ended; the next export updates the same UIDs")
    func heldPlan() throws {
        let start = Remind.d("2026-03-02")
        let schedule = HandPlan.amitriptyline(start: start)
        let text = try export([Remind.version(1, schedule, from: start),
                               Remind.version(2, schedule, from: Remind.d("2026-03-12"), created: "2026-03-12T09:30Z", hold: "dizzy")])
        let events = try ICS.parse(text).all("VEVENT")
        let doses = events.filter { $0.value("STATUS") == "CONFIRMED" }
        // 10 mg to 03-08, 20 mg from 03-09 held there.
        #expect(doses.map { $0.value("UID")! } == ["c12-step1-2200@painladder", "c12-step2-2200@painladder"])
        #expect(doses.map { $0.value("RRULE")! } == ["FREQ=DAILY;UNTIL=20260308T235959Z", "FREQ=DAILY"])
        #expect(events.allSatisfy { $0.value("SEQUENCE") == "1" && $0.value("DTSTAMP") == "20260312T093000Z" })
        // Issue 15: the 30, 40 and 50 mg steps version 1 wrote (SEQUENCE 0) are written again
        // cancelled with SEQUENCE 1, so a calendar that imported version 1 removes them.
        let dropped = events.filter { $0.value("STATUS") == "CANCELLED" }
        #expect(dropped.map { $0.value("UID")! } == (3...5).map { "c12-step\($0)-2200@painladder" })
        #expect(dropped.map { $0.value("SUMMARY")! } == ["Cancelled: Amitriptyline 30 mg (3 × 10 mg tablets)",
                                                         "Cancelled: Amitriptyline 40 mg (4 × 10 mg tablets)",
                                                         "Cancelled: Amitriptyline 50 mg (5 × 10 mg tablets)"])
        #expect(dropped.allSatisfy { $0.all("VALARM").isEmpty })
        #expect(events.count == 5)
    }

    @Test("TZNAME is the zone data's abbreviation: GMT and BST, EST and EDT")
    func zoneAbbreviations() throws {
        for (zone, names) in [("Europe/London", ["BST", "GMT"]), ("America/New_York", ["EDT", "EST"])] {
            let tz = try #require(TimeZone(identifier: zone))
            let cal = try ICS.parse(ICalendarText.document(["BEGIN:VCALENDAR"] + VTimeZone.lines(tz, fromYear: 2026, toYear: 2026)
                                                           + ["END:VCALENDAR"]))
            let vtz = try #require(cal.all("VTIMEZONE").first)
            #expect((vtz.all("DAYLIGHT") + vtz.all("STANDARD")).compactMap { $0.value("TZNAME") } == names)
        }
    }

    @Test("a dose time in the spring-forward gap: out of its series, and its own event at remind's instant in UTC")
    func springForwardGap() throws {
        // 29 March 2026, London: 01:00 GMT → 02:00 BST; 01:30 does not exist. remind's rule:
        // the wall-clock time in the offset before the change, 01:30 UTC (02:30 BST).
        let start = Remind.d("2026-03-23")
        let at = LocalTime(hour: 1, minute: 30)!
        var schedule = HandPlan.amitriptyline(start: start)
        for i in schedule.steps.indices {
            schedule.steps[i].administrations = schedule.steps[i].administrations.map { a in
                Administration(time: at, doseMg: a.doseMg, units: a.units)
            }
        }
        let text = ICalendarExport.calendar(patient: Remind.patient(), course: Remind.course(start: start), drug: try HandPlan.drug(),
                                            versions: [Remind.version(1, schedule, from: start)],
                                            zones: ZoneHistory(single: "Europe/London"), howToRecord: "x")
        let events = try ICS.parse(text).all("VEVENT")
        // Step 1 runs from 03-23 to 03-29 (its UNTIL is the end of 03-29 in BST, 22:59:59Z).
        let step1 = try #require(events.first { $0.value("UID") == "c12-step1-0130@painladder" })
        #expect(step1.value("RRULE") == "FREQ=DAILY;UNTIL=20260329T225959Z")
        #expect(step1.full("EXDATE") == "EXDATE;TZID=Europe/London:20260329T013000")
        // The open-ended last step (from 04-20): each later spring-forward day up to the end of
        // the second year after the last dated change (2028): 2027-03-28 and 2028-03-26.
        let last = try #require(events.first { $0.value("UID") == "c12-step5-0130@painladder" })
        #expect(last.values("EXDATE") == ["20270328T013000", "20280326T013000"])
        #expect(events.filter { $0.value("EXDATE") != nil }.count == 2)
        #expect(events.first { $0.value("UID") == "c12-step5-0130-20280326@painladder" }?.full("DTSTART") == "DTSTART:20280326T013000Z")
        let gap = try #require(events.first { $0.value("UID") == "c12-step1-0130-20260329@painladder" })
        #expect(gap.full("DTSTART") == "DTSTART:20260329T013000Z")
        #expect(gap.value("RRULE") == nil)
        #expect(gap.value("SUMMARY") == "Amitriptyline 10 mg (1 × 10 mg tablet)")
        let instant = WallClock.instant(Remind.d("2026-03-29"), at, in: TimeZone(identifier: "Europe/London")!)
        #expect(ICalendarText.utc(instant) == "20260329T013000Z")
    }

    @Test("long lines fold at 75 octets without splitting a character, and unfold to the original")
    func folding() {
        let line = "DESCRIPTION:" + String(repeating: "Take 2 × 10 mg tablets\\, ", count: 8)
        let folded = ICalendarText.fold(line)
        #expect(folded.count > 1)
        #expect(folded.allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendarText.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    }
}

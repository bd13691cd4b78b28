import Foundation
import Testing

/// Issue 13, Why 4 and 5: a cross-taper switch (duloxetine 60 mg → pregabalin on
/// 2026-03-24). Duloxetine's taper, from the formulary (14 days, halve then the lowest
/// capsule): 30 mg from 2026-03-24, 20 mg from 2026-03-31, none from 2026-04-07.
@Suite("End to end: a taper ends by its date and is shown while it lasts")
struct TaperEndToEndTests {
    /// The story's patient P2 on duloxetine from 2026-02-02, switched on 2026-03-24.
    static let story: [(args: [String], now: String)] = [
        (["patient", "add", "P2", "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
          "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80"], "2026-02-02T09:00:00Z"),
        (["start", "P2", "duloxetine", "--on", "2026-02-02", "--by", "Dr A"], "2026-02-02T09:00:00Z"),
        (["decide", "P2", "switch", "pregabalin", "--cross-taper", "--outcome", "not-effective",
          "--by", "Dr A", "--reason", "no benefit"], "2026-03-24T09:00:00Z"),
    ]

    func switched() throws -> (CLI, ([String], String) throws -> CLI.Result) {
        let cli = try CLI()
        let run = { (args: [String], now: String) in try cli.run(args + ["--now", now]) }
        for step in Self.story {
            let r = try run(step.args, step.now)
            #expect(r.status == 0, "\(step.args.prefix(2)): \(r.stderr)")
        }
        return (cli, run)
    }

    /// Why 4: after 2026-04-07 no decision is needed for duloxetine to be over.
    @Test func theTaperEndsOnItsStopDate() throws {
        let (cli, run) = try switched()
        defer { cli.cleanUp() }
        let first = try run(["today", "P2"], "2026-03-24T12:00:00Z").stdout
        #expect(first.contains("Pregabalin starts today."), "\(first)")
        let last = try run(["today", "P2"], "2026-04-06T12:00:00Z").stdout
        #expect(last.contains("20 mg: 1 × 20 mg gastro-resistant capsule at 08:00"), "\(last)")
        #expect(last.contains("Last dose of duloxetine today: no more duloxetine from tomorrow (2026-04-07)."), "\(last)")
        #expect(!last.contains("The dose changes tomorrow: ."))
        for day in ["2026-04-07", "2026-04-21"] {
            let today = try run(["today", "P2"], "\(day)T12:00:00Z")
            #expect(today.status == 0)
            #expect(!today.stdout.contains("Duloxetine"), "\(day):\n\(today.stdout)")
            #expect(!today.stdout.contains("0 mg a day from today"))
            #expect(today.stdout.contains("150 mg: 1 × 150 mg capsule at 08:00"))
        }
        // On 21 April only pregabalin has doses: no --drug needed. 13:00 BST is the 08:00 dose, late.
        let take = try run(["take", "P2"], "2026-04-21T12:00:00Z")
        #expect(take.status == 0, "\(take.stderr)")
        #expect(take.stdout.contains("taken 150 mg at 2026-04-21 13:00 for the 2026-04-21 08:00 dose"), "\(take.stdout)")
        // While both still had doses (6 April) the drug had to be named.
        let both = try run(["take", "P2"], "2026-04-06T07:05:00Z")
        #expect(both.status == 65)
        let review = try run(["review", "P2"], "2026-04-21T12:00:00Z").stdout
        #expect(review.contains("tried: Duloxetine from 2026-02-02: stopped, not-effective"), "\(review)")
        #expect(!review.contains("tapering"))
    }

    /// Why 5: schedule and the calendar show duloxetine's taper beside pregabalin.
    @Test func theTaperIsShown() throws {
        let (cli, run) = try switched()
        defer { cli.cleanUp() }
        let schedule = try run(["schedule", "P2"], "2026-04-01T12:00:00Z").stdout
        #expect(schedule.contains("Duloxetine (tapering to stop on 2026-04-07), plan version 2"), "\(schedule)")
        #expect(schedule.contains("2026-03-24  30 mg  30 mg: 1 × 30 mg gastro-resistant capsule at 08:00"))
        #expect(schedule.contains("2026-03-31  20 mg  20 mg: 1 × 20 mg gastro-resistant capsule at 08:00"))
        #expect(schedule.contains("2026-04-07  stop   no more duloxetine from this day"))
        let json = try run(["schedule", "P2", "--json"], "2026-04-01T12:00:00Z").stdout
        let view = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tapering = try #require(view["tapering"] as? [[String: Any]])
        #expect(tapering.count == 1)
        #expect((tapering.first?["course"] as? [String: Any])?["drug"] as? String == "duloxetine")
        let after = try run(["schedule", "P2"], "2026-04-07T12:00:00Z").stdout
        #expect(!after.contains("tapering"), "\(after)")
        let afterJSON = try run(["schedule", "P2", "--json"], "2026-04-07T12:00:00Z").stdout
        #expect(!afterJSON.contains("\"tapering\""))

        let ics = try run(["export", "P2", "--format", "ics"], "2026-04-01T12:00:00Z").stdout
            .replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        let events = ics.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        func event(_ uid: String) -> String? { events.first { $0.contains("UID:\(uid)@painladder\n") } }
        // Pregabalin's own series are unchanged; duloxetine's taper doses have the old course's UIDs.
        #expect(event("c2-step2-0800")?.contains("SUMMARY:Pregabalin 150 mg (1 × 150 mg capsule)\n") == true)
        let thirty = try #require(event("c1-step3-0800"))
        #expect(thirty.contains("DTSTART;TZID=Europe/London:20260324T080000"))
        // 30 March, the end of the day in BST (UTC+1) is 22:59:59 UTC.
        #expect(thirty.contains("RRULE:FREQ=DAILY;UNTIL=20260330T225959Z"))
        #expect(thirty.contains("SUMMARY:Duloxetine 30 mg (1 × 30 mg gastro-resistant capsule) (tapering to stop on 2026-04-07)"))
        let twenty = try #require(event("c1-step4-0800"))
        #expect(twenty.contains("DTSTART;TZID=Europe/London:20260331T080000"))
        #expect(twenty.contains("RRULE:FREQ=DAILY;UNTIL=20260406T225959Z"))
        #expect(twenty.contains("SUMMARY:Duloxetine 20 mg (1 × 20 mg gastro-resistant capsule) (tapering to stop on 2026-04-07)"))
        // Duloxetine at 60 mg ended the day before the taper, not marked as tapering.
        #expect(event("c1-step2-0800")?.contains("UNTIL=20260323T235959Z") == true)
        #expect(Set(events.compactMap { $0.components(separatedBy: "UID:").dropFirst().first?.prefix { $0 != "\n" } }).count == events.count)
        // After the stop date the taper is no longer exported.
        let later = try run(["export", "P2", "--format", "ics"], "2026-04-21T12:00:00Z").stdout
        #expect(!later.contains("Duloxetine"))
    }
}

import Foundation
import Testing

/// The review screen and day list through the built binary, on a patient recorded with the
/// journal commands at fixed instants (`--now`).
@Suite("End to end: review and reviews")
struct ReviewEndToEndTests {
    let reviewAt = "2026-03-19T12:00:00Z"

    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func addPatient(_ cli: CLI, _ id: String) throws {
        try ok(cli, ["patient", "add", id, "--name", "Ann Example", "--born", "1960-05-01", "--sex", "female",
                     "--tz", "Europe/London", "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70",
                     "--creatinine", "80", "--creatinine-unit", "umol/L", "--now", "2026-03-01T09:00:00Z"])
    }

    /// P001 on amitriptyline from 2026-03-02 (10 mg at 22:00, +10 mg weekly; early review 14
    /// days after the start, 03-16). The same journal as the core test, recorded by command:
    /// baseline 8 the day before; doses 03-02 … 03-18 taken at 22:05 except 03-05 (skipped) and
    /// 03-14, 03-17 (never recorded); pain 6,5,5,4,5,4,4 on 03-13 … 03-19; impression 3; mild
    /// dry mouth on 03-04.
    func recordP001(_ cli: CLI) throws {
        try addPatient(cli, "P001")
        try ok(cli, ["pain", "P001", "8", "--sleep", "7", "--baseline", "--now", "2026-03-01T10:00:00Z"])
        try ok(cli, ["start", "P001", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        for day in 2...18 where ![5, 14, 17].contains(day) {
            let d = String(format: "2026-03-%02d", day)
            try ok(cli, ["take", "P001", "--at", "\(d) 22:05", "--now", "\(d)T23:00:00Z"])
        }
        try ok(cli, ["skip", "P001", "--at", "2026-03-05 22:00", "--reason", "felt sick", "--now", "2026-03-05T23:00:00Z"])
        for (i, score) in [6, 5, 5, 4, 5, 4, 4].enumerated() {
            try ok(cli, ["pain", "P001", "\(score)", "--now", "2026-03-\(13 + i)T09:00:00Z"])
        }
        try ok(cli, ["impression", "P001", "3", "--now", "2026-03-18T09:00:00Z"])
        try ok(cli, ["side-effect", "P001", "dry mouth", "--severity", "mild", "--now", "2026-03-04T09:00:00Z"])
    }

    @Test func reviewJSONHasTheHandWorkedFigures() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try recordP001(cli)
        let r = try ok(cli, ["review", "P001", "--json", "--now", reviewAt])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let pain = try #require(json["pain"] as? [String: Any])
        // 33/7 = 4.714…; −23/7 = −3.29 points; −41.07 % → moderate.
        #expect(abs((pain["last7DaysMean"] as? Double ?? 0) - 33.0 / 7) < 1e-9)
        #expect(abs((pain["changePoints"] as? Double ?? 0) + 23.0 / 7) < 1e-9)
        #expect(abs((pain["changePercent"] as? Double ?? 0) + 2300.0 / 56) < 1e-9)
        #expect(pain["band"] as? String == "moderate")
        #expect((pain["baseline"] as? [String: Any])?["score"] as? Int == 8)
        #expect((pain["impression"] as? [String: Any])?["meaning"] as? String == "minimally improved")
        let adherence = try #require(json["adherence"] as? [String: Any])
        let last7 = try #require(adherence["last7Days"] as? [String: Any])
        let last28 = try #require(adherence["last28Days"] as? [String: Any])
        #expect(last7["taken"] as? Int == 4 && last7["scheduled"] as? Int == 6)
        #expect(last28["taken"] as? Int == 14 && last28["scheduled"] as? Int == 17 && last28["skipped"] as? Int == 1)
        let trial = try #require(json["trial"] as? [String: Any])
        #expect(trial["week"] as? Int == 3)
        #expect(trial["daysAtHighestTolerated"] as? Int == 4)
        #expect(trial["adequate"] as? Bool == false)
        let course = try #require(json["course"] as? [String: Any])
        #expect(course["dayOfCourse"] as? Int == 18)
        #expect((course["currentStep"] as? [String: Any])?["dailyDoseMg"] as? Int == 30)
        let reviews = try #require(json["reviews"] as? [String: Any])
        #expect(reviews["nextDue"] as? String == "2026-03-16")
        #expect(reviews["overdueDays"] as? Int == 3)
        #expect((json["suggestion"] as? [String: Any])?["kind"] as? String == "responding")
        let groups = (json["sideEffects"] as? [String: Any])?["groups"] as? [[String: Any]]
        #expect(groups?.first?["stepNumber"] as? Int == 1)
    }

    @Test func reviewTextIsPlainWhenPiped() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try recordP001(cli)
        let before = try cli.dump()
        let r = try ok(cli, ["review", "P001", "--now", reviewAt])
        #expect(r.stdout.contains("Next review: 2026-03-16 (OVERDUE by 3 days)"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour codes when stdout is not a terminal")
        #expect(r.stdout.contains("change: −3.29 points, −41.1%: moderate"))
        #expect(r.stdout.contains("last 7 days 4/6 taken (67%)"))
        #expect(r.stdout.contains("week 3 of 6–8; 2 weeks at the highest tolerated dose needed"))
        #expect(r.stdout.contains("Suggestion (a prompt for the clinician, not an instruction):\n  ≥30% reduction"))
        #expect(try cli.dump() == before, "a review reads only")
    }

    @Test func redFlagComesFirstAndHoldIsShown() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli, "P002")
        try ok(cli, ["start", "P002", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        // Moderate dizziness on standing on 03-10 during titration: the step-up is held.
        try ok(cli, ["side-effect", "P002", "dizzy when standing", "--severity", "moderate", "--now", "2026-03-10T09:00:00Z"])
        try ok(cli, ["side-effect", "P002", "fainted", "--severity", "severe", "--now", "2026-03-18T09:00:00Z"])
        let text = try ok(cli, ["review", "P002", "--now", reviewAt]).stdout
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count > 3)
        #expect(lines[2].hasPrefix("!! OPEN RED FLAG: Fainting or passing out on 2026-03-18"), "\(lines.prefix(4))")
        #expect(text.contains("ON HOLD since 2026-03-10"))
        #expect(text.contains("Last decision: automatic-hold"))
        #expect(text.contains("red flag reported (Fainting or passing out on 2026-03-18, amitriptyline): assess now"))
        let json = try ok(cli, ["review", "P002", "--json", "--now", reviewAt]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let open = (object["sideEffects"] as? [String: Any])?["openRedFlags"] as? [[String: Any]]
        #expect(open?.count == 1)
        #expect((object["course"] as? [String: Any])?["holdReason"] as? String != nil)
    }

    @Test func dayList() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli, "P001")
        try addPatient(cli, "P002")
        // P001 from 03-02: review 03-16. P002 from 03-10: review 03-24. Today 03-19.
        try ok(cli, ["start", "P001", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        try ok(cli, ["start", "P002", "pregabalin", "--on", "2026-03-10", "--by", "Dr Rao", "--now", "2026-03-09T11:00:00Z"])

        let overdue = try ok(cli, ["reviews", "--overdue", "--now", reviewAt]).stdout
        #expect(overdue.contains("P001") && overdue.contains("OVERDUE 3 days"))
        #expect(!overdue.contains("P002"))
        #expect(!overdue.contains("\u{1B}["))

        let week = try ok(cli, ["reviews", "--due-within", "1w", "--json", "--now", reviewAt]).stdout
        let items = try #require((try JSONSerialization.jsonObject(with: Data(week.utf8)) as? [String: Any])?["reviews"] as? [[String: Any]])
        #expect(items.map { $0["patientID"] as? String } == ["P001", "P002"])
        #expect(items.map { $0["daysUntilDue"] as? Int } == [-3, 5])
        #expect(try ok(cli, ["reviews", "--due-within", "4", "--now", reviewAt]).stdout.contains("P002") == false)
        #expect(try ok(cli, ["reviews", "--due-within", "5d", "--now", reviewAt]).stdout.contains("P002"))
        #expect(try ok(cli, ["reviews", "--now", "2026-03-01T12:00:00Z"]).stdout.contains("No reviews due today or overdue."))
    }

    @Test(arguments: [
        (["reviews", "--due-within", "soon"], "--due-within", Int32(65)),
        (["reviews", "--due-within=-3"], "--due-within", Int32(65)),
        (["reviews", "--due-within", "2x"], "--due-within", Int32(65)),
        (["review", "NOBODY"], "NOBODY", Int32(66)),
        (["review"], "patient", Int32(64)),
    ])
    func badInput(args: [String], mentions: String, code: Int32) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli, "P001")
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", reviewAt])
        #expect(r.status == code, "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(r.stderr.contains(mentions))
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before)
    }
}

import Foundation
import Testing

/// The smaller items seen when a clinic tried eight weeks of real use: each one worked by hand.
@Suite("End to end: smaller items of the course as lived")
struct CourseSmallItemsEndToEndTests {
    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func patient(_ cli: CLI, _ id: String = "A1", crcl: String? = nil) throws {
        try ok(cli, ["patient", "add", id, "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--now", "2026-03-01T09:00:00Z"]
               + (crcl.map { ["--crcl", $0] } ?? []))
    }

    @Test("pain A1 -1: the bad score is named (65), not a missing argument (64)")
    func negativeScore() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli)
        let r = try cli.run(["pain", "A1", "-1", "--now", "2026-03-01T10:00:00Z"])
        #expect(r.status == 65)
        #expect(r.stderr == "painladder: score: '-1' is not valid; allowed: a whole number from 0 to 10\n", "\(r.stderr)")
        let i = try cli.run(["impression", "A1", "-3", "--now", "2026-03-01T10:00:00Z"])
        #expect(i.status == 65 && i.stderr.hasPrefix("painladder: impression: '-3' is not valid"), "\(i.stderr)")
    }

    @Test("history with --to before --from is refused, not 'nothing recorded'")
    func reversedRange() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli)
        let r = try cli.run(["history", "A1", "--from", "2026-03-10", "--to", "2026-03-01"])
        #expect(r.status == 65)
        #expect(r.stderr == "painladder: --to: '2026-03-01' is not valid; allowed: a date on or after --from 2026-03-10\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("side-effect --open lists the reports still open, newest first; a resolved one drops out")
    func openSideEffects() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli)
        try ok(cli, ["start", "A1", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        let none = try ok(cli, ["side-effect", "A1", "--open", "--now", "2026-03-03T09:00:00Z"]).stdout
        #expect(none == "No side effects are open for A1.\n")
        try ok(cli, ["side-effect", "A1", "dry mouth", "--severity", "mild", "--now", "2026-03-03T09:00:00Z"])
        try ok(cli, ["side-effect", "A1", "constipation", "--severity", "mild", "--now", "2026-03-04T09:00:00Z"])
        let open = try ok(cli, ["side-effect", "A1", "--open", "--json", "--now", "2026-03-04T10:00:00Z"]).stdout
        let list = try #require((try JSONSerialization.jsonObject(with: Data(open.utf8)) as? [String: Any])?["entries"] as? [[String: Any]])
        let symptoms = list.compactMap { ($0["sideEffect"] as? [String: Any])?["symptom"] as? String }
        #expect(symptoms.count == 2 && symptoms.first?.contains("constipation") == true, "\(open)")
        let firstID = try #require(list.last?["entryID"] as? Int)
        try ok(cli, ["side-effect", "A1", "--resolved", "\(firstID)", "--now", "2026-03-05T09:00:00Z"])
        let text = try ok(cli, ["side-effect", "A1", "--open", "--now", "2026-03-05T10:00:00Z"]).stdout
        #expect(text.split(separator: "\n").count == 1 && text.contains("constipation") && text.contains("[amitriptyline]"), "\(text)")
        let bad = try cli.run(["side-effect", "A1", "--open", "--resolved", "3"])
        #expect(bad.status == 64)
    }

    @Test("days are counted words: '4 days at this dose so far', 'in 1 day', never 'day(s)'")
    func countedDays() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli)
        // Amitriptyline 10 mg from 03-02; step 2 (20 mg) from 03-09: on 03-12 that is its 4th day.
        try ok(cli, ["start", "A1", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        let schedule = try ok(cli, ["schedule", "A1", "--now", "2026-03-12T10:00:00Z"]).stdout
        #expect(schedule.contains("20 mg/day (4 days at this dose so far)"), "\(schedule)")
        let review = try ok(cli, ["review", "A1", "--now", "2026-03-15T10:00:00Z"]).stdout
        #expect(review.contains("7 days at this dose so far"), "\(review)")
        #expect(!schedule.contains("(s)") && !review.contains("(s)"))
    }

    @Test("formulary show duloxetine: once a day at 08:00, and the two times only for a split dose")
    func dosesPerDay() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let text = try ok(cli, ["formulary", "show", "duloxetine"]).stdout
        #expect(text.contains("once a day, at 08:00; a daily dose split over more doses is taken at 08:00, 20:00"), "\(text)")
        #expect(!text.contains("dose(s)"))
    }

    @Test("the review names the renal band's titration when its steps are the ones in use")
    func renalVariantLabel() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli, crcl: "45")
        try ok(cli, ["start", "A1", "pregabalin", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:00:00Z"])
        let review = try ok(cli, ["review", "A1", "--now", "2026-03-05T10:00:00Z"]).stdout
        #expect(review.contains("Course: Pregabalin, Renal impairment, CrCl 30–59;"), "\(review)")
    }
}

import Foundation
import PainLadderTestSupport
import Testing

/// `painladder report` (the page and the letter) and `painladder progress` through the built
/// binary, on the hand-built patient of ``ReportHarness``.
@Suite("End to end: report and progress")
struct ReportEndToEndTests {
    let at = ["--now", ReportHarness.reviewAt]

    @Test func thePageIsOneStrictHTMLFileWithItsChartsAndNothingFetched() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let before = try cli.dump()
        let file = cli.directory.appendingPathComponent("review.html")
        let r = try ReportHarness.ok(cli, ["report", "R1", "-o", file.path] + at)
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before, "report reads only")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let html = try String(contentsOf: file, encoding: .utf8)
        let parsed = try ReportHarness.parseStrictly(html)
        #expect(parsed.scripts == 0 && parsed.iframes == 0 && parsed.handlers == 0 && parsed.links.isEmpty)
        #expect(parsed.svgs >= 2)
        // Each chart has its title and description, in the SVG and beside it.
        for id in ["timeline-title", "timeline-desc", "adherence-title", "adherence-desc"] { #expect(html.contains("id=\"\(id)\"")) }
        #expect(html.contains("<figcaption><strong>Dose, pain and events from 2026-03-01 to 2026-03-19.</strong>"))
        let text = parsed.text
        #expect(text.contains("Suggestion (a prompt for the clinician, not an instruction):"))
        // The findings with sources, the ladder with highest dose and weeks, the decision.
        #expect(text.contains("Usual target 50 mg/day [S13; local]"))
        #expect(text.contains("IMMPACT bands 10/30/50% [S52; confirmed]"))
        #expect(text.contains("Amitriptylinefrom 2026-03-0220 mg/day2.6in progress"))
        #expect(text.contains("12026-03-12holdamitriptylineDr Raoreview dizziness"))
        #expect(text.contains("Last 7 days: 6/6 taken (100%). Last 28 days: 16/17 taken (94%)."))
        #expect(text.contains("S52: "), "each cited tag is listed with its source")
        #expect(text.contains("Formulary: ") && text.contains("the bundled release, unchanged"))
        #expect(html.contains("@media print") && html.contains("@page"))
    }

    @Test func theLetterHasTheFactsARecipientNeeds() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let r = try ReportHarness.ok(cli, ["report", "R1", "--letter"] + at)
        let text = r.stdout
        #expect(text.hasPrefix("Summary for Ann Example (R1), 2026-03-19\n"))
        for heading in ["Diagnosis", "Drugs tried", "Pain and function", "Adherence", "Current plan", "Open red flags", "Question"] {
            #expect(text.contains("\n\(heading)\n"), "\(heading)")
        }
        // Baseline 8; the last 7 days 33/7 = 4.71; −41% (moderate).
        #expect(text.contains("Amitriptyline from 2026-03-02: highest dose 20 mg/day; 2 weeks; in progress."))
        #expect(text.contains("Pain (0–10) at baseline 8 (2026-03-01); over the last 7 days 4.7, a change of −41% (moderate, IMMPACT bands 10/30/50% [S52; confirmed])."))
        #expect(text.contains("Last 7 days 6/6 taken (100%); last 28 days 16/17 taken (94%)."))
        #expect(text.contains("held; step-ups on hold (held at 20 mg/day by Dr Rao on 2026-03-12: review dizziness)."))
        #expect(text.contains("\nOpen red flags\n  None.\n"))

        let asked = try ReportHarness.ok(cli, ["report", "R1", "--letter", "--question", "Would you see her & advise?"] + at)
        #expect(asked.stdout.contains("\nQuestion\n  Would you see her & advise?\n"))
        let file = cli.directory.appendingPathComponent("letter.html")
        try ReportHarness.ok(cli, ["report", "R1", "--letter", "-o", file.path] + at)
        let parsed = try ReportHarness.parseStrictly(try String(contentsOf: file, encoding: .utf8))
        #expect(parsed.scripts == 0 && parsed.text.contains("Drugs tried"))
    }

    @Test func badQuestionsAreRefusedWithOneLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let control = try cli.run(["report", "R1", "--letter", "--question", "a\u{1B}[2Kb"] + at)
        #expect(control.status == 65 && control.stdout.isEmpty)
        #expect(control.stderr.split(separator: "\n").count == 1 && control.stderr.contains("--question"))
        let alone = try cli.run(["report", "R1", "--question", "why?"] + at)
        #expect(alone.status == 64 && alone.stderr.contains("--letter"))
        let nobody = try cli.run(["report", "NOBODY"] + at)
        #expect(nobody.status == 66)
    }

    @Test func progressDrawsEightWeeksInBlocksOrInASCII() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try ReportHarness.recordR1(cli)
        let utf8 = try cli.run(["progress", "R1"] + at, environment: ["LC_ALL": "", "LC_CTYPE": "", "LANG": "en_GB.UTF-8"])
        #expect(utf8.status == 0)
        let lines = utf8.stdout.split(separator: "\n").map(String.init)
        // 19 days shown (03-01 … 03-19), one of 8 levels each (round(share × 7)): pain 8 → 6 (▇)
        // on day 1, none until 03-13, then 6 → 4 (▅), 5 → 3.5 → 4, 4 → 2.8 → 3 (▄).
        #expect(lines.contains("  pain 0–10      ▇···········▅▅▅▄▅▄▄"), "\(lines)")
        // 10 of 20 mg → ▅ from 03-02 for 7 days, 20 mg → █ for 11; today's dose is not taken yet.
        #expect(lines.contains("  amitriptyline  ·▅▅▅▅▅▅▅███████████  planned, up to 20 mg a day"))
        #expect(lines.contains("                 ·▅▅▅·▅▅▅██████████·  taken"))
        #expect(utf8.stdout.contains("Doses taken: 6 of 6 in the last 7 days (100%), 16 of 17 in the last 28 days (94%)"))
        #expect(utf8.stdout.contains("What changes next: your dose stays as it is until your clinician reviews it."))

        for environment in [["LC_ALL": "C"], ["LC_ALL": "", "LC_CTYPE": "", "LANG": "en_GB.ISO-8859-1"]] {
            let plain = try cli.run(["progress", "R1"] + at, environment: environment)
            #expect(plain.status == 0 && plain.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(environment): \(plain.stdout)")
            // The same levels in ASCII: 6 → '*', 4 → '=', 3 → ':'; no score → ' '.
            #expect(plain.stdout.contains("  pain 0-10      *           ===:=::"), "\(plain.stdout)")
        }
        let forced = try cli.run(["progress", "R1", "--ascii"] + at, environment: ["LANG": "en_GB.UTF-8"])
        #expect(forced.stdout.utf8.allSatisfy { $0 < 0x80 })
    }
}

import Foundation
import Testing

/// Drugs tried before PainLadder (issue 13, Why 10), through the built binary: recorded with
/// `patient tried`, shown as "before PainLadder", and counted by the ladder, the switch refusal
/// and the referral prompt.
@Suite("End to end: drugs tried before PainLadder")
struct PriorTreatmentEndToEndTests {
    /// The review suite's helpers: a command that must succeed, and a patient in London.
    let review = ReviewEndToEndTests()
    let now = "2026-03-16T10:00:00Z"

    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result { try review.ok(cli, args + ["--now", now]) }

    func tried(_ drug: String, _ outcome: String, _ until: String, extra: [String] = []) -> [String] {
        ["patient", "tried", "P1", drug, "--outcome", outcome, "--until", until, "--by", "Dr Rao",
         "--reason", "GP letter"] + extra
    }

    @Test func amitriptylineFailedIn2019IsNotRemaining() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try review.addPatient(cli, "P1")
        let recorded = try ok(cli, tried("amitriptyline", "not-tolerated", "2019-06", extra: ["--max-dose", "30"])).stdout
        #expect(recorded.contains("Amitriptyline before PainLadder, until 2019-06, up to 30 mg a day: not-tolerated"), "\(recorded)")
        let show = try ok(cli, ["patient", "show", "P1"]).stdout
        #expect(show.contains("  tried       Amitriptyline before PainLadder, until 2019-06, up to 30 mg a day: not-tolerated"), "\(show)")
        try ok(cli, ["start", "P1", "duloxetine", "--by", "Dr Rao"])
        let json = try ok(cli, ["review", "P1", "--json"]).stdout
        let ladder = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["ladder"] as? [String: Any])
        let remaining = (ladder["remaining"] as? [[String: Any]] ?? []).compactMap { $0["drug"] as? String }
        // Duloxetine is in progress and amitriptyline failed before: gabapentin and pregabalin remain.
        #expect(remaining == ["gabapentin", "pregabalin"], "\(remaining)")
        #expect(ladder["failed"] as? [String] == ["amitriptyline"])
        let text = try ok(cli, ["review", "P1"]).stdout
        #expect(text.contains("  tried: amitriptyline before PainLadder, until 2019-06, up to 30 mg a day: not-tolerated"), "\(text)")
        // A switch back to it needs the tried-before override, as for a course tried here.
        let refused = try cli.run(["decide", "P1", "switch", "amitriptyline", "--outcome", "not-effective", "--by", "Dr Rao",
                                   "--reason", "no effect", "--now", "2026-05-16T10:00:00Z"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already tried before PainLadder (until 2019-06)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("tried-before"), "\(refused.stderr)")
    }

    @Test func allFourTriedCountingPriorOnesPromptsReferral() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try review.addPatient(cli, "P1")
        try ok(cli, tried("amitriptyline", "not-tolerated", "2019-06"))
        try ok(cli, tried("duloxetine", "not-effective", "2021-02", extra: ["--max-dose", "60"]))
        try ok(cli, tried("pregabalin", "not-tolerated", "2023-11"))
        try ok(cli, ["start", "P1", "gabapentin", "--by", "Dr Rao"])
        let text = try ok(cli, ["review", "P1"]).stdout
        #expect(text.contains("  remaining: none"), "\(text)")
        #expect(text.contains("consider referral: no other suitable drug remains if gabapentin does not work (tried without success: amitriptyline, duloxetine, pregabalin)"), "\(text)")
    }

    @Test func aDatabaseFromBeforeUpgradesOnTheFirstRecord() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Format1JournalTests.replay(into: cli)   // written by a release with migrations up to v4
        let show = try cli.run(["patient", "show", "P001", "--now", Format1JournalTests.now])
        #expect(show.status == 0 && !show.stdout.contains("tried"), "\(show.stderr)")
        let r = try cli.run(["patient", "tried", "P001", "gabapentin", "--outcome", "not-effective", "--until", "2024-01",
                             "--by", "Dr Rao", "--now", Format1JournalTests.now])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Reliability.sqlite(cli.database, "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") == "v7-slots", "upgraded to the newest schema")
        #expect(try Reliability.sqlite(cli.database, "SELECT json_extract(prior_treatments, '$[0].drug') FROM patient WHERE id = 'P001'") == "gabapentin")
        #expect(try Reliability.sqlite(cli.database, "SELECT prior_treatments FROM patient WHERE id = 'P002'") == "[]")
        let audit = try Reliability.sqlite(cli.database, "SELECT count(*) FROM audit WHERE action = 'patient.update' AND detail LIKE '%priorTreatments%gabapentin%'")
        #expect(audit == "1", "audited as a patient update")
    }

    @Test(arguments: [
        (["nortriptyline", "--outcome", "not-tolerated", "--until", "2019-06"], "nortriptyline"),
        (["amitriptyline", "--outcome", "awful", "--until", "2019-06"], "--outcome"),
        (["amitriptyline", "--outcome", "not-tolerated", "--until", "2027-01"], "--until"),
        (["amitriptyline", "--outcome", "not-tolerated", "--until", "2019-13"], "--until"),
        (["amitriptyline", "--outcome", "not-tolerated", "--until", "2019-06", "--max-dose", "500"], "--max-dose"),
    ])
    func badInputChangesNothing(args: [String], mentions: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try review.addPatient(cli, "P1")
        let before = try cli.dump()
        let r = try cli.run(["patient", "tried", "P1"] + args + ["--by", "Dr Rao", "--now", now])
        #expect(r.status == 65, "\(args): \(r.status) \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(mentions), "\(r.stderr)")
        #expect(try cli.dump() == before)
    }
}

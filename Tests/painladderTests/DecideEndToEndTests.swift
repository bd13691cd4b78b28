import Foundation
import Testing

/// `painladder decide` through the built binary: issue 4's scenarios as a clinician runs
/// them, and bad input as one line on stderr with the database unchanged. Expected dates and
/// doses are worked by hand from Data/formulary (see the core tests for the working).
@Suite("End to end: decide")
struct DecideEndToEndTests {
    func addPatient(_ cli: CLI, _ id: String = "P001", crcl: String = "90", extra: [String] = []) throws {
        let r = try cli.run(["patient", "add", id, "--born", "1970-05-01", "--sex", "female", "--tz", "Europe/London",
                             "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", crcl,
                             "--now", "2026-01-01T12:00:00Z"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
    }

    func start(_ cli: CLI, _ drug: String, on date: String, _ id: String = "P001") throws {
        let r = try cli.run(["start", id, drug, "--on", date, "--by", "Dr Rao", "--now", "\(date)T12:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    func decide(_ cli: CLI, _ args: [String], on date: String, _ id: String = "P001") throws -> CLI.Result {
        try cli.run(["decide", id] + args + ["--by", "Dr Rao", "--now", "\(date)T12:00:00Z"])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func amitriptylineNotToleratedInWeekTwoSwitchesToPregabalin() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try addPatient(cli, "P045", crcl: "45")
        for id in ["P001", "P045"] { try start(cli, "amitriptyline", on: "2026-03-02", id) }

        let r = try decide(cli, ["switch", "pregabalin", "--outcome", "not-tolerated", "--reason", "drowsy at 20 mg"],
                           on: "2026-03-11")
        #expect(r.status == 0, "\(r.stderr)")
        // 9 days' use, under 8 weeks: the short-use rule, 14 days: 10 mg from 03-11, stop 03-25.
        #expect(r.stdout.contains("under 8 weeks: the short-use rule"))
        #expect(r.stdout.contains("2026-03-11  10 mg"))
        #expect(r.stdout.contains("2026-03-25  stop"))
        // Pregabalin from 03-25 at the standard 75 mg twice daily.
        #expect(r.stdout.contains("starts 2026-03-25"))
        #expect(r.stdout.contains("2026-03-25  150 mg  75 mg: 1 × 75 mg capsule at 08:00; 75 mg: 1 × 75 mg capsule at 20:00"))

        // CrCl 45: the 30 to <60 band starts at 75 mg once, in the evening, maximum 300 mg/day.
        let renal = try decide(cli, ["switch", "pregabalin", "--outcome", "not-tolerated", "--reason", "drowsy", "--json"],
                               on: "2026-03-11", "P045")
        #expect(renal.status == 0, "\(renal.stderr)")
        let plan = try #require(try json(renal.stdout)["newPlan"] as? [String: Any])
        let schedule = try #require(plan["schedule"] as? [String: Any])
        #expect(schedule["renalBand"] as? String == "CrCl 30 to <60 mL/min")
        let first = try #require((schedule["steps"] as? [[String: Any]])?.first)
        #expect(first["startDate"] as? String == "2026-03-25")
        let administrations = try #require(first["administrations"] as? [[String: Any]])
        #expect(administrations.map { $0["doseMg"] as? Int } == [75])
        #expect(administrations.map { $0["time"] as? String } == ["20:00"])
    }

    @Test func gabapentinNotEffectiveSwitchesToPregabalinShowingTheConversion() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "gabapentin", on: "2026-01-05")
        let cross = try decide(cli, ["switch", "pregabalin", "--cross-taper", "--outcome", "not-effective", "--reason", "no benefit"],
                               on: "2026-03-02")
        #expect(cross.status == 65)
        #expect(cross.stderr.split(separator: "\n").count == 1 && cross.stderr.contains("gabapentinoid"))

        let r = try decide(cli, ["switch", "pregabalin", "--outcome", "not-effective", "--reason", "no benefit at 1800 mg"],
                           on: "2026-03-02")
        #expect(r.status == 0, "\(r.stderr)")
        // Toth table backwards: gabapentin 1,800 mg/day (1,501–2,100) ≈ pregabalin 300 mg/day, unconfirmed.
        #expect(r.stdout.contains("gabapentin 1800 mg/day ≈ pregabalin 300 mg/day"))
        #expect(r.stdout.contains("[S44, S45, S46; unconfirmed]"))
        #expect(r.stdout.contains("Status: UNCONFIRMED"))
        #expect(r.stdout.contains("1501–2100"))
        // The gabapentin taper: −300 mg every 4 days, stop 03-22; pregabalin from then at 150 mg/day.
        #expect(r.stdout.contains("2026-03-18  300 mg"))
        #expect(r.stdout.contains("2026-03-22  stop"))
        #expect(r.stdout.contains("2026-03-22  150 mg"))
    }

    @Test func amitriptylineTenWeeksCrossTapersToDuloxetineWithTheSerotoninWarning() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "amitriptyline", on: "2026-01-05")
        let r = try decide(cli, ["switch", "duloxetine", "--cross-taper", "--outcome", "not-effective",
                                 "--reason", "no benefit after 10 weeks"], on: "2026-03-16")
        #expect(r.status == 0, "\(r.stderr)")
        // 70 days (8 weeks or more): at least 28 days; 40, 30, 20, 10 a week each; stop 04-13.
        #expect(r.stdout.contains("8 weeks or more"))
        #expect(r.stdout.contains("lasts 28 days"))
        for row in ["2026-03-16  40 mg", "2026-03-23  30 mg", "2026-03-30  20 mg", "2026-04-06  10 mg", "2026-04-13  stop"] {
            #expect(r.stdout.contains(row), "missing \(row)")
        }
        // Duloxetine starts low, 30 mg on day 1 of the taper.
        #expect(r.stdout.contains("2026-03-16  30 mg  30 mg: 1 × 30 mg gastro-resistant capsule at 08:00"))
        #expect(r.stdout.contains("serotonin syndrome") && r.stdout.contains("CYP2D6"))
        // The interaction rule is the same in every mode; the cross-taper advice is the pair's [S47].
        #expect(r.stdout.contains("Watch for serotonin syndrome while both can act. [S27, S30; confirmed]"), "\(r.stdout)")
        #expect(r.stdout.contains("Switching amitriptyline → duloxetine: Cross-taper cautiously over 2–4 weeks"), "\(r.stdout)")

        // Recorded with the decision: the duloxetine course's plan keeps the warning.
        let schedule = try cli.run(["schedule", "P001", "--json", "--now", "2026-03-16T13:00:00Z"])
        let plan = try #require(try json(schedule.stdout)["plan"] as? [String: Any])
        let warnings = try #require((plan["decision"] as? [String: Any])?["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["rule"] as? String == "duloxetine-amitriptyline" })
        #expect(try cli.dump().contains("duloxetine-amitriptyline"))
    }

    @Test func aModerateSideEffectHoldsAndContinueLiftsItWithBothInTheAudit() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "amitriptyline", on: "2026-03-02")
        let side = try cli.run(["side-effect", "P001", "drowsiness", "--severity", "moderate", "--now", "2026-03-10T12:00:00Z"])
        #expect(side.status == 0 && side.stdout.contains("on hold"), "\(side.stderr)")
        let r = try decide(cli, ["continue", "--reason", "drowsiness settled"], on: "2026-03-20")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("plan version 3 replaces version 2"))
        #expect(r.stdout.contains("In force today: 30 mg/day"))
        #expect(r.stdout.contains("next: 40 mg/day from 2026-03-27"))
        // A continue that lifts a hold and raises the dose: the early review, 14 days (issue 13, Why 9).
        #expect(r.stdout.contains("Next review: 2026-04-03 (early review"))

        let history = try cli.run(["history", "P001", "--now", "2026-03-20T13:00:00Z"])
        #expect(history.stdout.contains("plan version 2 by painladder (hold rule)"))
        #expect(history.stdout.contains("plan version 3 by Dr Rao: hold lifted: drowsiness settled"))
        let dump = try cli.dump()
        #expect(dump.contains("'plan.version'") && dump.contains("'decision.continue'"))
    }

    @Test func increaseTooSoonIsRefusedThenOverriddenAndTheOverrideIsKept() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "amitriptyline", on: "2026-03-02")
        let before = try cli.dump()
        // 20 mg began 03-09 and a step lasts at least 3 days: not before 03-12.
        let refused = try decide(cli, ["increase", "--reason", "pain 8/10"], on: "2026-03-10")
        #expect(refused.status == 65)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("2026-03-12") && refused.stderr.contains("--override minimum-interval"))
        #expect(refused.stdout.isEmpty)
        #expect(try cli.dump() == before)

        let ok = try decide(cli, ["increase", "--reason", "pain 8/10", "--override", "minimum-interval",
                                  "--override-reason", "severe pain, tolerating 20 mg"], on: "2026-03-10")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("minimumInterval: severe pain, tolerating 20 mg (by Dr Rao)"))
        #expect(ok.stdout.contains("In force today: 30 mg/day"))

        let later = try decide(cli, ["hold", "--reason", "see how 30 mg goes", "--json"], on: "2026-03-12")
        #expect(later.status == 0, "\(later.stderr)")
        let plan = try #require(try json(later.stdout)["plan"] as? [String: Any])
        let overrides = try #require(plan["overrides"] as? [[String: Any]])
        #expect(overrides.map { $0["limit"] as? String } == ["minimumInterval"])
    }

    @Test func allFourTriedThenReferIsRecorded() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "amitriptyline", on: "2026-01-05")
        let steps: [([String], String)] = [
            (["switch", "duloxetine", "--outcome", "not-effective"], "2026-03-09"),
            (["switch", "gabapentin", "--outcome", "not-tolerated"], "2026-05-04"),
            (["switch", "pregabalin", "--outcome", "not-effective"], "2026-07-06"),
            (["stop", "--outcome", "not-effective"], "2026-09-07"),
        ]
        for (args, date) in steps {
            let r = try decide(cli, args + ["--reason", "reviewed"], on: date)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        // Switching back to a drug that failed is refused without an override.
        let again = try decide(cli, ["switch", "amitriptyline", "--outcome", "not-effective", "--reason", "retry"], on: "2026-09-08")
        #expect(again.status == 65 && again.stderr.contains("already tried"))

        let refer = try decide(cli, ["refer", "--reason", "all four first-line drugs tried and failed", "--next-review", "2026-11-02"],
                               on: "2026-10-05")
        #expect(refer.status == 0, "\(refer.stderr)")
        #expect(refer.stdout.contains("Recorded: refer"))
        #expect(refer.stdout.contains("Next review: 2026-11-02"))
        let dump = try cli.dump()
        #expect(dump.contains("'decision.refer'") && dump.contains("all four first-line drugs tried and failed"))
    }

    @Test func stopTapersAndAbruptNeedsAReason() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "amitriptyline", on: "2026-01-05")
        let before = try cli.dump()
        let noReason = try decide(cli, ["stop", "--outcome", "not-tolerated", "--abrupt", "--reason", "palpitations"], on: "2026-03-16")
        #expect(noReason.status == 65 && noReason.stderr.contains("--override-reason"))
        #expect(try cli.dump() == before)
        let abrupt = try decide(cli, ["stop", "--outcome", "not-tolerated", "--abrupt", "--reason", "palpitations",
                                      "--override-reason", "palpitations and a faint"], on: "2026-03-16")
        #expect(abrupt.status == 0, "\(abrupt.stderr)")
        #expect(abrupt.stdout.contains("stopped at once, without a taper"))
        #expect(abrupt.stdout.contains("taper: palpitations and a faint"))
        #expect(abrupt.stdout.contains("status stopped, outcome not-tolerated"))
    }

    @Test(arguments: [
        (["decide", "P001", "hold", "--reason", "x"], "--by", Int32(64)),
        (["decide", "P001", "hold", "--by", "Dr Rao"], "--reason", Int32(64)),
        (["decide", "P001", "frobnicate", "--by", "Dr Rao", "--reason", "x"], "frobnicate", Int32(64)),
        (["decide", "P001", "switch", "--by", "Dr Rao", "--reason", "x", "--outcome", "not-effective"], "switch", Int32(64)),
        (["decide", "P001", "hold", "pregabalin", "--by", "Dr Rao", "--reason", "x"], "pregabalin", Int32(64)),
        (["decide", "P001", "hold", "--cross-taper", "--by", "Dr Rao", "--reason", "x"], "--cross-taper", Int32(64)),
        (["decide", "P001", "switch", "pregabalin", "--cross-taper", "--direct", "--by", "Dr Rao", "--reason", "x"], "--direct", Int32(64)),
        (["decide", "P001", "hold", "--by", "Dr Rao", "--reason", "x", "--next-review", "2026-02-30"], "2026-02-30", Int32(65)),
        (["decide", "P001", "hold", "--by", "Dr Rao", "--reason", "x", "--next-review", "2026-03-01"], "--next-review", Int32(65)),
        (["decide", "P001", "switch", "amitriptyline", "--outcome", "not-effective", "--by", "Dr Rao", "--reason", "x"],
         "amitriptyline", Int32(65)),
        (["decide", "P001", "switch", "ibuprofen", "--outcome", "not-effective", "--by", "Dr Rao", "--reason", "x"], "ibuprofen", Int32(65)),
        (["decide", "P001", "stop", "--by", "Dr Rao", "--reason", "x"], "--outcome", Int32(65)),
        (["decide", "P001", "stop", "--outcome", "meh", "--by", "Dr Rao", "--reason", "x"], "meh", Int32(65)),
        (["decide", "P001", "increase", "--override", "everything", "--override-reason", "x", "--by", "Dr Rao", "--reason", "x"],
         "everything", Int32(65)),
        (["decide", "P001", "reduce", "--dose", "15", "--by", "Dr Rao", "--reason", "x"], "--dose", Int32(65)),
        (["decide", "NOBODY", "hold", "--by", "Dr Rao", "--reason", "x"], "NOBODY", Int32(66)),
    ])
    func badInputIsOneClearLineAndChangesNothing(args: [String], mentions: String, code: Int32) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try addPatient(cli)
        try start(cli, "amitriptyline", on: "2026-03-02")
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", "2026-03-18T12:00:00Z"])
        #expect(r.status == code, "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "expected one line, got: \(r.stderr)")
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before, "the database must be unchanged")
    }
}

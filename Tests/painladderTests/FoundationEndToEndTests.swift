import Foundation
import Testing

/// The built binary, run as a user would: demo, patient, start, schedule, and bad input.
@Suite("End to end: foundation commands")
struct FoundationEndToEndTests {
    let now = "2026-03-20T12:00:00Z"

    func addPatient(_ cli: CLI, id: String = "P001", extra: [String] = []) throws -> CLI.Result {
        try cli.run(["patient", "add", id, "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70",
                     "--creatinine", "80", "--creatinine-unit", "umol/L", "--now", now] + extra)
    }

    /// The version names the time zone data (IANA releases are named like 2025b).
    @Test func versionNamesTheTimeZoneData() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["--version"], db: false)
        #expect(r.status == 0)
        let line = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("0.1.0 (time zone data 20"), "\(line)")
        #expect(line.range(of: #"^0\.1\.0 \(time zone data 20[0-9]{2}[a-z]\)$"#, options: .regularExpression) != nil, "\(line)")
    }

    @Test func demoRunsOnAFreshTemporaryDatabase() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["demo", "--now", now], db: false)
        #expect(r.status == 0, "\(r.stderr)")
        // Started 12 days before 2026-03-20 = 2026-03-08; day 13; weekly +10 mg from 10 mg at night:
        // 03-08 10 mg, 03-15 20 mg (in force today), 03-22 30 mg; early review 14 days after the start.
        #expect(r.stdout.contains("2026-03-08"))
        #expect(r.stdout.contains("day 13 of the course"))
        #expect(r.stdout.contains("20 mg: 2 × 10 mg tablets at 22:00"))
        #expect(r.stdout.contains("next: 30 mg/day from 2026-03-22"))
        #expect(r.stdout.contains("review due 2026-03-22 (in 2 days)"))
        // The journal: 12 nights, one skipped, one taken after midnight (late, for the night before).
        #expect(r.stdout.contains("skipped the 2026-03-12 22:00 dose"))
        #expect(r.stdout.contains("for the 2026-03-14 22:00 dose (late)"))
        #expect(r.stdout.contains("unconfirmed") || r.stdout.contains("confirmed"))
        #expect(!r.stdout.contains(cli.directory.path), "demo must not write into the test's default DB")
    }

    @Test func startAndScheduleThroughTheBinary() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try addPatient(cli).status == 0)
        let start = try cli.run(["start", "P001", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", now])
        #expect(start.status == 0, "\(start.stderr)")
        // Hand-worked from the reference: 10 mg at night, +10 mg every 7 days, target 50 mg [S13].
        for (date, dose) in [("2026-03-02", "10 mg"), ("2026-03-09", "20 mg"), ("2026-03-16", "30 mg"),
                             ("2026-03-23", "40 mg"), ("2026-03-30", "50 mg")] {
            #expect(start.stdout.contains("\(date)  \(dose)"), "missing \(date) \(dose)")
        }
        #expect(!start.stdout.contains("80 mg"), "never above the 75 mg maximum")
        let schedule = try cli.run(["schedule", "P001", "--now", now, "--json"])
        #expect(schedule.status == 0, "\(schedule.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any]
        let plan = json?["plan"] as? [String: Any]
        #expect(plan?["version"] as? Int == 1)
        let steps = (plan?["schedule"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
        #expect(steps.first?["startDate"] as? String == "2026-03-02")
    }

    @Test(arguments: [
        (["start", "P001", "ibuprofen"], "ibuprofen", Int32(65)),
        (["start", "P001", "amitriptyline", "--on", "2026-02-30"], "2026-02-30", Int32(65)),
        (["start", "NOBODY", "amitriptyline"], "NOBODY", Int32(66)),
        (["start", "P001", "amitriptyline", "--times", "25:00"], "25:00", Int32(65)),
        (["patient", "add", "P002", "--born", "2030-01-01", "--sex", "male", "--tz", "Europe/London",
          "--diagnosis", "post-herpetic-neuralgia"], "--born", Int32(65)),
        (["patient", "add", "P002", "--born", "1970-01-01", "--sex", "male", "--tz", "Mars/Olympus",
          "--diagnosis", "post-herpetic-neuralgia"], "Mars/Olympus", Int32(65)),
        (["patient", "add", "P002", "--born", "1970-01-01", "--sex", "male", "--tz", "Europe/London",
          "--diagnosis", "post-herpetic-neuralgia", "--weight=-70"], "--weight", Int32(65)),
        (["start", "P001"], "drug", Int32(64)),
        (["start", "P001", "amitriptyline", "--frobnicate"], "--frobnicate", Int32(64)),
    ])
    func badInputIsOneClearLineAndChangesNothing(args: [String], mentions: String, code: Int32) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try addPatient(cli).status == 0)
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", now])
        #expect(r.status == code, "stderr: \(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(r.stderr)")
        #expect(r.stderr.contains(mentions))
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before, "the database must be unchanged")
    }

    @Test func hardStopRefusesAndNamesTheRule() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try addPatient(cli, extra: ["--crcl", "25"]).status == 0)
        let before = try cli.dump()
        let r = try cli.run(["start", "P001", "duloxetine", "--now", now])
        #expect(r.status == 65)
        #expect(r.stderr.contains("duloxetine must not be started"))
        #expect(r.stderr.contains("S24") || r.stderr.contains("S25"), "cites its source: \(r.stderr)")
        #expect(try cli.dump() == before)
    }

    @Test func readingCommandsDoNotCreateADatabase() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["patient", "list"])
        #expect(r.status == 66)
        #expect(!FileManager.default.fileExists(atPath: cli.database.path))
    }

    @Test func formularyShowCitesEveryNumber() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let r = try cli.run(["formulary", "show", "gabapentin"], db: false)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3600 mg/day"))
        #expect(r.stdout.contains("unconfirmed"), "the renal bands are unconfirmed and must say so")
        let overlay = cli.directory.appendingPathComponent("local.json")
        try Data("""
        {"name": "Test pathway", "caps": {"gabapentin": {"value": 1800, "sources": ["S12"], "status": "local"}}}
        """.utf8).write(to: overlay)
        let local = try cli.run(["formulary", "show", "gabapentin", "--formulary", overlay.path], db: false)
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.stdout.contains("local cap (Test pathway): 1800 mg/day [S12; local]"))
    }
}

import Foundation
import Testing

/// Medicines as concepts (issue 12, Why: "Medicines are matched by exact generic name"),
/// through the built binary: brand names, MAOIs including linezolid, a washout counted from
/// a stop date, and a medicine the formulary does not know.
@Suite("End to end: medicines by brand, stop date and washout")
struct MedicineNamesEndToEndTests {
    let review = ReviewEndToEndTests()
    let now = "2026-03-02T09:00:00Z"

    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result { try review.ok(cli, args + ["--now", now]) }

    func add(_ cli: CLI, _ id: String, medicines: [String] = []) throws {
        try ok(cli, ["patient", "add", id, "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70", "--creatinine", "80",
                     "--creatinine-unit", "umol/L"] + medicines.flatMap { ["--medicine", $0] })
    }

    func refused(_ cli: CLI, _ id: String, _ drug: String, rule: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try cli.run(["start", id, drug, "--on", "2026-03-02", "--by", "Dr Rao", "--now", now])
        #expect(r.status == 65, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("\(drug) must not be started"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("[rule \(rule);"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func lyricaStopsGabapentin() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P1", medicines: ["Lyrica"])
        try refused(cli, "P1", "gabapentin", rule: "gabapentin-with-pregabalin")
        // Kept as typed.
        #expect(try ok(cli, ["patient", "show", "P1"]).stdout.contains("  medicines   Lyrica"))
    }

    @Test func nardilAndLinezolidStopDuloxetine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P1", medicines: ["Nardil"])
        try add(cli, "P2", medicines: ["linezolid"])
        try refused(cli, "P1", "duloxetine", rule: "duloxetine-maoi")
        try refused(cli, "P2", "duloxetine", rule: "duloxetine-maoi")
    }

    /// Hand-worked: Nardil stopped 2026-02-20 is 10 days before the start on 03-02 (< 14:
    /// refused); stopped 2026-02-10 is 20 days before (allowed).
    @Test func anMAOIStopped10DaysBeforeRefusesDuloxetineAnd20DaysAllows() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P1", medicines: ["Nardil"])
        try add(cli, "P2", medicines: ["Nardil"])
        let recorded = try ok(cli, ["patient", "stopped", "P1", "Nardil", "--on", "2026-02-20", "--by", "Dr Rao",
                                    "--reason", "GP letter"]).stdout
        #expect(recorded.contains("Recorded for P1: Nardil (phenelzine), stopped 2026-02-20."), "\(recorded)")
        try ok(cli, ["patient", "stopped", "P2", "Nardil", "--on", "2026-02-10", "--by", "Dr Rao"])
        let show = try ok(cli, ["patient", "show", "P1"]).stdout
        #expect(show.contains("  stopped     Nardil (phenelzine), stopped 2026-02-20"), "\(show)")
        #expect(!show.contains("  medicines"), "\(show)")
        try refused(cli, "P1", "duloxetine", rule: "duloxetine-maoi-recently-stopped")
        try ok(cli, ["start", "P2", "duloxetine", "--on", "2026-03-02", "--by", "Dr Rao"])
    }

    @Test func aStopDateAfterTodayIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P1", medicines: ["Nardil"])
        let r = try cli.run(["patient", "stopped", "P1", "Nardil", "--on", "2026-03-05", "--by", "Dr Rao", "--now", now])
        #expect(r.status == 65)
        #expect(r.stderr.contains("--on: '2026-03-05' is not valid; allowed: a date not after today (2026-03-02)"), "\(r.stderr)")
        #expect(try ok(cli, ["patient", "show", "P1"]).stdout.contains("  medicines   Nardil"))
    }

    @Test func anUnknownMedicineIsListedAsNotChecked() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let added = try cli.run(["patient", "add", "P1", "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                                 "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70", "--creatinine", "80",
                                 "--creatinine-unit", "umol/L", "--medicine", "Zapain", "--medicine", "Cymbalta", "--now", now])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("'Zapain' is not checked against the rules"), "\(added.stderr)")
        #expect(!added.stderr.contains("Cymbalta"), "\(added.stderr)")
        let started = try ok(cli, ["start", "P1", "gabapentin", "--on", "2026-03-02", "--by", "Dr Rao"])
        #expect(started.stderr.contains("'Zapain' is not checked against the rules"), "\(started.stderr)")
        let text = try ok(cli, ["review", "P1"]).stdout
        #expect(text.contains("  Not checked against the rules: Zapain"), "\(text)")
        let json = try ok(cli, ["review", "P1", "--json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["uncheckedMedicines"] as? [String] == ["Zapain"])
    }
}

extension MedicineNamesEndToEndTests {
    /// A database from before "v7-medicines" (the format-1 fixture) upgrades on the first
    /// stop recorded; every other patient reads none.
    @Test func aDatabaseFromBeforeUpgradesOnTheFirstStop() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Format1JournalTests.replay(into: cli)
        let show = try cli.run(["patient", "show", "P001", "--now", Format1JournalTests.now])
        #expect(show.status == 0 && !show.stdout.contains("stopped"), "\(show.stderr)")
        let r = try cli.run(["patient", "stopped", "P001", "moclobemide", "--on", "2024-01-01", "--by", "Dr Rao",
                             "--now", Format1JournalTests.now])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Reliability.sqlite(cli.database, "SELECT json_extract(stopped_medicines, '$[0].name') FROM patient WHERE id = 'P001'") == "moclobemide")
        #expect(try Reliability.sqlite(cli.database, "SELECT stopped_medicines FROM patient WHERE id = 'P002'") == "[]")
    }
}

extension MedicineNamesEndToEndTests {
    /// An MAOI recorded by brand while duloxetine is in progress: recorded (nothing a user
    /// records is lost), with a warning that names the hard stop; the course is not changed.
    @Test func nardilAddedWhileOnDuloxetineWarns() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try add(cli, "P1")
        try ok(cli, ["start", "P1", "duloxetine", "--on", "2026-03-02", "--by", "Dr Rao"])
        let r = try ok(cli, ["patient", "update", "P1", "--add-medicine", "Nardil", "--add-medicine", "Zapain",
                             "--reason", "started by psychiatry"])
        #expect(r.stderr.contains("warning: duloxetine is in progress and now meets a hard stop"), "\(r.stderr)")
        #expect(r.stderr.contains("[rule duloxetine-maoi; source S24, S27]"), "\(r.stderr)")
        #expect(r.stderr.contains("'Zapain' is not checked against the rules"), "\(r.stderr)")
        #expect(r.stdout.contains("  medicines   Nardil, Zapain"), "\(r.stdout)")
        // A second, unrelated update does not repeat the warning.
        let again = try ok(cli, ["patient", "update", "P1", "--weight", "71", "--reason", "weighed"])
        #expect(!again.stderr.contains("warning"), "\(again.stderr)")
    }
}

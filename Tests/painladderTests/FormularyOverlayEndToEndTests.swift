import Foundation
import PainLadderTestSupport
import Testing

/// Issue 19, item 3: the clinic's formulary kept in the clinic. The example overlay caps
/// gabapentin at 1,800 mg/day (national maximum 3,600 mg/day).
@Suite("End to end: the clinic's stored formulary overlay")
struct FormularyOverlayEndToEndTests {
    static let overlay = OutsideValidator.packageRoot.appendingPathComponent("Data/local/west-suffolk-example.json").path
    static let addP001 = ["patient", "add", "P001", "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                          "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "100", "--now", "2026-03-01T12:00:00Z"]

    @Test("a stored overlay applies to a patient's take and to remind without any flag; --formulary still overrides one command")
    func storedOverlayAppliesEverywhere() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(Self.addP001).status == 0)
        let use = try cli.run(["formulary", "use", Self.overlay, "--by", "Dr Rao", "--reason", "local pathway",
                               "--now", "2026-03-01T12:05:00Z"])
        #expect(use.status == 0, "\(use.stderr)")
        #expect(use.stdout.hasPrefix("stored local formulary overlay 'Example local overlay (West Suffolk-style pathway)' as version 1"),
                "\(use.stdout)")
        let list = try cli.run(["formulary", "list"])
        #expect(list.stdout.contains("Local overlay in force: 'Example local overlay (West Suffolk-style pathway)' version 1"),
                "\(list.stdout)")
        #expect(list.stdout.contains("1800 mg"), "the local cap: \(list.stdout)")
        // Storing the same file again changes nothing.
        let again = try cli.run(["formulary", "use", Self.overlay, "--by", "Dr Rao", "--reason", "again"])
        #expect(again.stdout.hasPrefix("unchanged"), "\(again.stdout)")
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM formulary_overlay").hasPrefix("1"))
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM audit WHERE action = 'formulary.use'").hasPrefix("1"))
        // No flag anywhere from here on.
        #expect(try cli.run(["start", "P001", "gabapentin", "--on", "2026-03-02", "--by", "Dr Rao",
                             "--now", "2026-03-01T12:10:00Z"]).status == 0)
        // 2,000 mg in one day: above the local cap (1,800), below the national maximum (3,600).
        let refused = try cli.run(["take", "P001", "--at", "2026-03-03 09:05", "--dose", "2000", "--now", "2026-03-03T09:10:00Z"])
        #expect(refused.status == 65 && refused.stderr.contains("1800"), "\(refused)")
        let taken = try cli.run(["take", "P001", "--at", "2026-03-03 09:05", "--dose", "2000", "--confirm",
                                 "--now", "2026-03-03T09:10:00Z"])
        #expect(taken.status == 0, "\(taken.stderr)")
        // The reminder job tells the clinician, from the stored overlay's maximum.
        let remind = try cli.run(["remind", "--json", "--now", "2026-03-03T09:15:00Z"])
        let clinician = CLI.jsonLines(remind.stdout).filter { ($0["key"] as? String)?.hasPrefix("clinician:") == true }
        #expect(clinician.count == 1, "\(remind.stdout)")
        #expect((clinician.first?["message"] as? String)?.contains("1800") == true, "\(clinician)")
        // A one-off --formulary that differs from the stored overlay says so, and applies to that command only.
        let other = cli.directory.appendingPathComponent("other.json")
        try #"{"name": "No caps", "caps": {}}"#.write(to: other, atomically: true, encoding: .utf8)
        let oneOff = try cli.run(["formulary", "list", "--formulary", other.path])
        #expect(oneOff.stderr.contains("differs from the clinic's stored overlay"), "\(oneOff.stderr)")
        #expect(oneOff.stdout.contains("this command only"), "\(oneOff.stdout)")
        #expect(try cli.run(["verify"]).status == 0)
    }
}

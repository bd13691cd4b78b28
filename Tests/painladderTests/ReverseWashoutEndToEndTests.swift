import Foundation
import Testing

/// Issue 12 (finish): an MAOI added too soon after the last dose of duloxetine (at least 5 days
/// [S27]) or amitriptyline (14 days [S20]) is recorded with a warning naming the rule, its
/// source and the day the wait ends. Every course starts 2026-01-05 and is stopped at once on
/// 2026-03-16 at 07:00: the last dose is 03-15 and 03-16 is the first day without it.
@Suite("End to end: an MAOI soon after duloxetine or amitriptyline")
struct ReverseWashoutEndToEndTests {
    func stopped(_ drug: String, _ s: ClinicScript, _ id: String = "P1") throws {
        try s.addPatient(id, on: "2026-01-04")
        try s.step(["start", id, drug, "--on", "2026-01-05", "--by", "Dr A"], at: "2026-01-04T11:00:00Z")
        try s.step(["decide", id, "stop", "--outcome", "not-tolerated", "--abrupt", "--by", "Dr A", "--reason", "palpitations",
                    "--override-reason", "palpitations and a faint"],
                   at: "2026-03-16T07:00:00Z")
    }

    func add(_ s: ClinicScript, _ medicine: String, at now: String, _ id: String = "P1") throws -> CLI.Result {
        let r = try s.cli.run(["patient", "update", id, "--add-medicine", medicine, "--reason", "psychiatry", "--now", now])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(medicine), "kept as typed: \(r.stdout)")
        return r
    }

    // 03-19 is 3 days after the stop date (3 < 5): warned; the wait ends 03-16 + 5 = 03-21.
    // On 03-21 (5 days) nothing is said.
    @Test func nardilThreeDaysAfterDuloxetineWarnsAndFiveDaysAfterDoesNot() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try stopped("duloxetine", s)
        try stopped("duloxetine", s, "P2")
        let soon = try add(s, "Nardil", at: "2026-03-19T09:00:00Z")
        #expect(soon.stderr == "warning: Nardil added 3 days after duloxetine course 1 ended (last dose 2026-03-15): "
                + "At least 5 days should pass after the last dose of duloxetine before an MAOI is started (serotonin syndrome). "
                + "[rule maoi-after-duloxetine; source S27; confirmed]. The wait ends on 2026-03-21.\n", "\(soon.stderr)")
        let later = try add(s, "Nardil", at: "2026-03-21T09:00:00Z", "P2")
        #expect(later.stderr.isEmpty, "\(later.stderr)")
    }

    // Linezolid (an MAOI by medicine-names.json) 9 days after amitriptyline: 9 < 14, wait ends 03-30.
    @Test func linezolidNineDaysAfterAmitriptylineWarns() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try stopped("amitriptyline", s)
        let r = try add(s, "linezolid", at: "2026-03-25T09:00:00Z")
        #expect(r.stderr.contains("warning: linezolid added 9 days after amitriptyline course 1 ended (last dose 2026-03-15)"), "\(r.stderr)")
        #expect(r.stderr.contains("[rule maoi-after-amitriptyline; source S20; confirmed]. The wait ends on 2026-03-30."), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }

    // Duloxetine taken before PainLadder, recorded stopped by brand on 03-01: moclobemide on 03-03
    // (2 days) is warned; a medicine that is not an MAOI is not.
    @Test func aStoppedMedicineByBrandCountsToo() throws {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try s.addPatient("P1", on: "2026-02-01")
        try s.step(["patient", "update", "P1", "--add-medicine", "Cymbalta", "--reason", "GP letter"], at: "2026-02-01T10:00:00Z")
        try s.step(["patient", "stopped", "P1", "Cymbalta", "--on", "2026-03-01", "--by", "Dr A"], at: "2026-03-01T10:00:00Z")
        let r = try add(s, "moclobemide", at: "2026-03-03T09:00:00Z")
        #expect(r.stderr.contains("warning: moclobemide added 2 days after duloxetine stopped (last dose 2026-02-28)"), "\(r.stderr)")
        #expect(r.stderr.contains("The wait ends on 2026-03-06."), "\(r.stderr)")
        let other = try add(s, "ibuprofen", at: "2026-03-03T10:00:00Z")
        #expect(other.stderr.isEmpty, "\(other.stderr)")
    }
}

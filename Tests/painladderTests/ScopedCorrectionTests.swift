import Foundation
import Testing

/// Issue 14, Why 4: entry numbers are clinic-wide, so `undo 3` could withdraw another
/// patient's dose. Corrections, undos and resolutions now name the patient; an entry of
/// another patient is refused (65) with one line and nothing changes; the confirmation names
/// the patient, the drug and the slot.
@Suite("Reliability: corrections scoped to a patient")
struct ScopedCorrectionTests {
    static let addP002 = ["patient", "add", "P002", "--born", "1970-01-01", "--sex", "male", "--tz", "Europe/London",
                          "--diagnosis", "post-herpetic-neuralgia"]

    /// The template's P001 (#1 a dose taken, #2 a pain score, #3 a side effect) and a second patient.
    static func twoPatients() throws -> CLI {
        let cli = try Reliability.clinic()
        let r = try cli.run(addP002 + ["--now", Reliability.now])
        #expect(r.status == 0, "\(r.stderr)")
        return cli
    }

    @Test(arguments: [
        (["undo", "P002", "1", "--reason", "mine"], "one of P002's entries"),
        (["undo", "P002", "3", "--reason", "mine"], "one of P002's entries"),
        (["correct", "P002", "2", "--score", "5", "--reason", "mine"], "one of P002's entries"),
        (["correct", "P002", "1", "--dose", "10", "--reason", "mine"], "one of P002's entries"),
        (["side-effect", "P002", "--resolved", "3"], "open side-effect report of P002"),
        (["undo", "P002", "--last", "--reason", "mine"], "P002 has no entry"),
    ])
    func anotherPatientsEntryIsRefused(args: [String], mentions: String) throws {
        let r = try Self.refused(args)
        #expect(r.status == 65, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
    }

    /// Runs `args` against two patients: one line on stderr, nothing on stdout, nothing changed.
    static func refused(_ args: [String]) throws -> CLI.Result {
        let cli = try twoPatients()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", Reliability.now])
        #expect(r.errorLines.count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before)
        return r
    }

    /// The exact reproduction (`undo 3 --reason …`) and the other old forms: a usage error
    /// that says how to name the patient, and nothing changes.
    @Test(arguments: [
        ["undo", "3", "--reason", "mistake"],
        ["correct", "2", "--score", "5", "--reason", "typo"],
        ["undo", "P001", "3", "--last", "--reason", "mistake"],
    ])
    func theOldFormIsAUsageErrorWithAHint(args: [String]) throws {
        let r = try Self.refused(args)
        #expect(r.status == 64, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("PATIENT ENTRY") || r.stderr.contains("not both"), "\(r.stderr)")
    }

    @Test func theConfirmationNamesThePatientTheDrugAndTheSlot() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        let undo = try cli.run(["undo", "P001", "1", "--reason", "pressed twice", "--now", Reliability.now])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout == "#4 undid #1 (P001, amitriptyline 22:00 on 2026-03-19): pressed twice\n", "\(undo.stdout)")
        let correct = try cli.run(["correct", "P001", "2", "--score", "5", "--reason", "typo", "--now", Reliability.now])
        #expect(correct.status == 0, "\(correct.stderr)")
        #expect(correct.stdout.hasPrefix("#5 pain 5/10 on 2026-03-20"), "\(correct.stdout)")
        #expect(correct.stdout.contains("; corrects #2 (P001, pain score on 2026-03-20)"), "\(correct.stdout)")
    }

    /// `--last`: the patient's newest entry in force that the action applies to.
    @Test func lastActsOnThePatientsNewestEntry() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        // P002's pain score is newer than any of P001's entries: --last for P001 still means P001's #3.
        #expect(try cli.run(["pain", "P002", "4", "--now", Reliability.now]).status == 0)
        let fixed = try cli.run(["correct", "P001", "--last", "--severity", "moderate", "--reason", "worse", "--now", Reliability.now])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("corrects #3 (P001, amitriptyline side effect drowsiness on 2026-03-20)"), "\(fixed.stdout)")
        // The correction (#5) is now P001's newest entry in force; undoing it leaves #3 replaced.
        let undone = try cli.run(["undo", "P001", "--last", "--reason", "no, it was mild", "--now", Reliability.now])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdout.hasPrefix("#6 undid #5 (P001, amitriptyline side effect drowsiness on 2026-03-20)"), "\(undone.stdout)")
        // Then the newest in force is #2, the pain score (#1 is older; #3 and #5 are replaced).
        let again = try cli.run(["undo", "P001", "--last", "--reason", "x", "--now", Reliability.now])
        #expect(again.stdout.hasPrefix("#7 undid #2 (P001, pain score on 2026-03-20)"), "\(again.stdout)")
    }
}

import Foundation
import Testing

/// During a cross-taper two medicines are taken: the patient sees both, and says which one
/// a dose was.
@Suite("End to end: the journal during a cross-taper switch")
struct SwitchJournalEndToEndTests {
    @Test func bothMedicinesShowAndADoseNamesItsDrug() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        func run(_ args: [String], _ now: String) throws -> CLI.Result { try cli.run(args + ["--now", now]) }
        #expect(try run(["patient", "add", "P1", "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
                         "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80"], "2026-01-05T09:00:00Z").status == 0)
        #expect(try run(["start", "P1", "amitriptyline", "--on", "2026-01-05", "--by", "Dr A"], "2026-01-05T09:00:00Z").status == 0)
        // Ten weeks later (2026-03-16, 07:00, before duloxetine's 08:00 dose: a switch takes
        // effect from the next dose), amitriptyline is switched to duloxetine by cross-taper.
        let decide = try run(["decide", "P1", "switch", "duloxetine", "--cross-taper", "--outcome", "not-effective",
                              "--by", "Dr A", "--reason", "no benefit after an adequate trial"], "2026-03-16T07:00:00Z")
        #expect(decide.status == 0, "\(decide.stderr)")
        let today = try run(["today", "P1"], "2026-03-16T12:00:00Z")
        #expect(today.status == 0, "\(today.stderr)")
        #expect(today.stdout.contains("Duloxetine"))
        #expect(today.stdout.contains("Amitriptyline"), "the old drug's taper dose is shown too:\n\(today.stdout)")
        // Duloxetine starts at 30 mg (the local low start, Data) while amitriptyline tapers.
        #expect(today.stdout.contains("30 mg: 1 × 30 mg"))

        let before = try cli.dump()
        let ambiguous = try run(["take", "P1"], "2026-03-16T22:05:00Z")
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr.contains("--drug"))
        #expect(ambiguous.stderr.split(separator: "\n").count == 1)
        #expect(try cli.dump() == before)
        // A bad time is named as the problem even before the missing --drug.
        for command in ["take", "skip"] {
            let badTime = try run([command, "P1", "--at", "2026-02-30 22:00"] + (command == "skip" ? ["--reason", "asleep"] : []),
                                  "2026-03-16T22:05:00Z")
            #expect(badTime.status == 65)
            #expect(badTime.stderr.contains("--at") && badTime.stderr.contains("2026-02-30"), "\(badTime.stderr)")
            #expect(badTime.stderr.split(separator: "\n").count == 1)
        }
        #expect(try cli.dump() == before)

        let taken = try run(["take", "P1", "--drug", "amitriptyline"], "2026-03-16T22:05:00Z")
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("taken"))
        let unknown = try run(["take", "P1", "--drug", "pregabalin"], "2026-03-16T22:06:00Z")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("amitriptyline") && unknown.stderr.contains("duloxetine"))

        // A serious reaction two days later: the clinician stops the old drug's taper at once.
        let stop = try run(["decide", "P1", "stop", "--course-drug", "amitriptyline", "--abrupt", "--outcome", "not-tolerated",
                            "--by", "Dr A", "--reason", "rash", "--override-reason", "serious skin reaction"], "2026-03-18T09:00:00Z")
        #expect(stop.status == 0, "\(stop.stderr)")
        let after = try run(["today", "P1"], "2026-03-18T12:00:00Z")
        #expect(after.stdout.contains("Duloxetine"))
        #expect(!after.stdout.contains("Amitriptyline"), "no amitriptyline once it is stopped:\n\(after.stdout)")
        // With one medicine left, take needs no --drug again.
        #expect(try run(["take", "P1"], "2026-03-18T12:05:00Z").status == 0)
    }
}

import Foundation
import Testing

/// Issue 13, Why 6–8, through the binary: mistakes caught when they are typed, and supply
/// that ran out said as past.
///
/// Amitriptyline from Monday 2026-03-02 (London, GMT in March): 10 mg (1 × 10 mg tablet) at
/// 22:00, 20 mg (2 × 10 mg) from 03-09, 30 mg from 03-16.
@Suite("End to end: doses typed twice or too large, supply run out")
struct CourseDosesEndToEndTests {
    @Test("Why 7: a second dose for a slot within the hour names the first and the exact undo")
    func doubleEntry() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("A1")
        let first = try cli.run(["take", "A1", "--now", "2026-03-05T22:05:00Z"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "#1 taken 10 mg at 2026-03-05 22:05 for the 2026-03-05 22:00 dose\n")
        // 25 minutes later: recorded (an extra) and the first named, with the undo of the new entry.
        let second = try cli.run(["take", "A1", "--now", "2026-03-05T22:30:00Z"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "#2 extra dose of 10 mg at 2026-03-05 22:30 (beyond the plan)\n"
            + "This dose was already recorded at 22:05 (#1); if this is the same dose: painladder undo A1 2 --reason \"recorded twice\"\n")
        let undo = try cli.run(["undo", "A1", "2", "--reason", "recorded twice", "--now", "2026-03-05T22:31:00Z"])
        #expect(undo.status == 0, "\(undo.stderr)")
        // More than an hour after the first: an extra, said plainly, no repeat named.
        let later = try cli.run(["take", "A1", "--now", "2026-03-05T23:10:00Z"])
        #expect(later.stdout == "#4 extra dose of 10 mg at 2026-03-05 23:10 (beyond the plan)\n")
    }

    @Test("Why 8: a run-out in the past keeps its date; requests from today; daily reminders while doses go on")
    func supplyRunOutInThePast() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("A1")
        #expect(try cli.run(["supply", "A1", "--add", "10", "--strength", "10", "--now", "2026-03-02T09:00:00Z"]).status == 0)
        // By hand: 7 tablets for 03-02…03-08 (10 mg), 2 on 03-09 leaves 1; the 03-10 dose needs 2.
        try #require(cli.run(["take", "A1", "--now", "2026-03-13T22:05:00Z"]).status == 0)
        let view = try cli.run(["supply", "A1", "--now", "2026-03-14T12:00:00Z"])
        #expect(view.status == 0, "\(view.stderr)")
        #expect(view.stdout.contains("10 mg tablets: none left by the plan's count; by the plan's count they ran out at the "
            + "22:00 dose on 2026-03-10; ask for a new prescription now (from 2026-03-14)"), "\(view.stdout)")
        // Before the fix: "run out at the 22:00 dose on 2026-03-14; … asked for from 2026-03-07".
        #expect(!view.stdout.contains("2026-03-07"))
        let morning = try cli.run(["remind", "--json", "--now", "2026-03-14T08:00:00Z"])
        let supply = CLI.jsonLines(morning.stdout).filter { ($0["kind"] as? String) == "supply" }
        #expect(supply.compactMap { $0["key"] as? String }.sorted()
            == ["supply:c1:10mg:e1", "supply:c1:10mg:e1:2026-03-14", "supply:c1:10mg:e1:2026-03-14:clinician"])
        let once = supply.first { $0["key"] as? String == "supply:c1:10mg:e1" }
        #expect((once?["message"] as? String)?.contains("by the plan's count they ran out at the 22:00 dose on 2026-03-10.") == true)
        let clinician = supply.first { $0["audience"] as? String == "clinician" }
        #expect(clinician?["message"] as? String == "A1: amitriptyline 10 mg tablets ran out by the plan's count at the 22:00 dose "
            + "on 2026-03-10; doses are still being recorded with no new supply on record.")
        // Once a day: nothing again that day; the next day again, after another dose recorded.
        #expect(!CLI.keys(try cli.run(["remind", "--json", "--now", "2026-03-14T09:00:00Z"]).stdout).contains { $0.hasPrefix("supply") })
        try #require(cli.run(["take", "A1", "--now", "2026-03-14T22:00:00Z"]).status == 0)
        let next = CLI.keys(try cli.run(["remind", "--json", "--now", "2026-03-15T08:00:00Z"]).stdout).filter { $0.hasPrefix("supply") }
        #expect(next == ["supply:c1:10mg:e1:2026-03-15", "supply:c1:10mg:e1:2026-03-15:clinician"])
        // Nothing recorded on 03-15: no reminder on 03-16 (doses are no longer being recorded).
        let quiet = CLI.keys(try cli.run(["remind", "--json", "--now", "2026-03-16T08:00:00Z"]).stdout).filter { $0.hasPrefix("supply") }
        #expect(quiet.isEmpty)
    }
}

extension CourseDosesEndToEndTests {
    @Test("Why 6: 500 mg amitriptyline (a typo for 50) asks to be confirmed, then says what to do, how to correct, who is told")
    func overdoseOrTypo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("A1")
        try #require(cli.run(["take", "A1", "--now", "2026-03-03T22:00:00Z"]).status == 0)
        // No terminal and no --confirm: refused, one line, 65, nothing recorded.
        let before = try cli.dump()
        let refused = try cli.run(["take", "A1", "--dose", "500", "--now", "2026-03-04T22:05:00Z"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "painladder: 500 mg of amitriptyline recorded as one dose, above the maximum single dose of 75 mg; "
            + "500 mg of amitriptyline recorded for 2026-03-04, above the maximum of 75 mg/day: nothing recorded; "
            + "if that is right, run the command again with --confirm\n")
        #expect(try cli.dump() == before)
        // Above 10 × the 75 mg maximum daily dose (750 mg): a typing mistake, refused as bad input.
        let typo = try cli.run(["take", "A1", "--dose", "5000", "--confirm", "--now", "2026-03-04T22:05:00Z"])
        #expect(typo.status == 65)
        #expect(typo.stderr == "painladder: --dose: '5000' is not valid; allowed: at most 750 mg of amitriptyline "
            + "(a larger number is taken as a typing mistake)\n")
        #expect(try cli.dump() == before)
        // Confirmed (as a script would): recorded, with the formulary's advice and its source.
        let r = try cli.run(["take", "A1", "--dose", "500", "--confirm", "--now", "2026-03-04T22:05:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            #2 taken 500 mg at 2026-03-04 22:05 for the 2026-03-04 22:00 dose; planned 10 mg
            ! 500 mg of amitriptyline recorded as one dose, above the maximum single dose of 75 mg.
            ! 500 mg of amitriptyline recorded for 2026-03-04, above the maximum of 75 mg/day.
            !! If you have really taken this much, get urgent help now: go to A&E or call 999, even if you feel well. \
            Do not drive yourself. Take the amitriptyline packet or leaflet, and any medicine left, with you. [S87; unconfirmed]
            ! Do not take any more today.
            ! If it was a typing mistake: painladder correct A1 2 --dose 10 --reason "typo"
            ! Your clinician will be told (the reminder job passes the notice on).

            """)
        #expect(!r.stdout.contains("has been told"))
        // The clinician notice goes out once, from the next run; the correction command works.
        let run = try cli.run(["remind", "--json", "--now", "2026-03-04T22:10:00Z"])
        let notices = CLI.jsonLines(run.stdout).filter { $0["kind"] as? String == "clinician" }
        #expect(notices.compactMap { $0["key"] as? String } == ["clinician:c1:e2"])
        #expect(notices.first?["audience"] as? String == "clinician")
        #expect(notices.first?["local"] as? String == "2026-03-04T22:05")
        #expect(!CLI.keys(try cli.run(["remind", "--json", "--now", "2026-03-04T22:15:00Z"]).stdout).contains("clinician:c1:e2"))
        let fixed = try cli.run(["correct", "A1", "2", "--dose", "10", "--reason", "typo", "--now", "2026-03-04T22:20:00Z"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(!CLI.keys(try cli.run(["remind", "--json", "--now", "2026-03-05T08:00:00Z"]).stdout).contains { $0.hasPrefix("clinician") })
    }
}

extension CourseDosesEndToEndTests {
    @Test("Why 6 at a terminal: the question is asked on the terminal; no records nothing, yes records with the advice")
    func overdoseAskedAtATerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("A1")
        let before = try cli.dump()
        let question = "500 mg of amitriptyline recorded as one dose, above the maximum single dose of 75 mg; "
            + "500 mg of amitriptyline recorded for 2026-03-04, above the maximum of 75 mg/day. Record it anyway? [y/N] "
        let no = try cli.runAtTerminal(["take", "A1", "--dose", "500", "--now", "2026-03-04T22:05:00Z"], answer: "n")
        #expect(no.status == 65, "\(no.stdout)")
        #expect(no.stdout.contains(question), "\(no.stdout)")
        #expect(no.stdout.contains("painladder: nothing recorded"), "\(no.stdout)")
        #expect(try cli.dump() == before)
        let yes = try cli.runAtTerminal(["take", "A1", "--dose", "500", "--now", "2026-03-04T22:05:00Z"], answer: "yes")
        #expect(yes.status == 0, "\(yes.stdout)")
        #expect(yes.stdout.contains(question), "\(yes.stdout)")
        #expect(yes.stdout.contains("#1 taken 500 mg at 2026-03-04 22:05 for the 2026-03-04 22:00 dose; planned 10 mg"), "\(yes.stdout)")
        #expect(yes.stdout.contains("[S87; unconfirmed]"), "\(yes.stdout)")
    }

    @Test("Why 6 for each drug: the advice after a confirmed dose above the maximum is that drug's, with its source")
    func overdoseAdviceForEveryDrug() throws {
        // (drug, a dose above its maximum daily dose, the advice's first words and its source tag)
        let cases: [(String, String, String, String)] = [
            ("pregabalin", "700", "If you have really taken this much, get medical help now: contact your GP or go to A&E", "[S88; unconfirmed]"),
            ("gabapentin", "4000", "If you have really taken this much, get medical help now: contact your GP or NHS 111", "[S88; unconfirmed]"),
            ("duloxetine", "150", "If you have really taken this much, get medical help quickly, even if you feel well", "[S89, S90; unconfirmed]"),
        ]
        for (drug, dose, advice, tag) in cases {
            let cli = try CLI()
            defer { cli.cleanUp() }
            try cli.patientOnCourse("P1", drug: drug)
            let r = try cli.run(["take", "P1", "--dose", dose, "--confirm", "--now", "2026-03-03T12:00:00Z"])
            #expect(r.status == 0, "\(drug): \(r.stderr)")
            #expect(r.stdout.contains("!! " + advice), "\(drug): \(r.stdout)")
            #expect(r.stdout.contains("Take the \(drug) packet or leaflet, and any medicine left, with you. \(tag)"), "\(drug): \(r.stdout)")
        }
    }
}

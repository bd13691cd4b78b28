import Foundation
import Testing

/// Issue 13, Why 2, 3 and 9, through the binary: decisions take effect from the next dose,
/// a hold on a step-up day holds, and holds and dose raises bring the review forward.
/// London is on GMT until 2026-03-29, so the instants below are local times too.
@Suite("End to end: the course's timing as the patient lives it")
struct CourseTimingEndToEndTests {
    @discardableResult
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    func patient(_ cli: CLI, _ id: String, born: String = "1960-01-01", frail: Bool = false) throws {
        try ok(cli, ["patient", "add", id, "--born", born, "--sex", "female", "--tz", "Europe/London",
                     "--diagnosis", "diabetic-peripheral-neuropathy", "--now", "2026-03-01T09:00:00Z"]
               // Issue 12: pregabalin needs kidney function first; 90 mL/min is in no band.
               + ["--crcl", "90"] + (frail ? ["--frail"] : []))
    }

    /// Why 2 and 9: pregabalin for a frail 72-year-old (elderly steps 50, 100, 150 mg/day at
    /// 08:00 and 20:00, weekly from 03-02). Dizziness on 03-05 holds step 1; `continue` at
    /// 11:05 on 03-10 lifts the hold: step 2 starts that day from the 20:00 dose, and the
    /// 08:00 dose (taken at 08:05) stays 25 mg of the held plan.
    @Test("continue at 11:05: today's 08:00 dose keeps the old step, 20:00 is the new one; early review")
    func continueFromTheNextDose() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli, "P1", born: "1954-01-01", frail: true)
        try ok(cli, ["start", "P1", "pregabalin", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:05:00Z"])
        try ok(cli, ["side-effect", "P1", "dizziness", "--severity", "moderate", "--now", "2026-03-05T10:00:00Z"])
        for day in 2...10 {
            let d = String(format: "2026-03-%02d", day)
            try ok(cli, ["take", "P1", "--now", "\(d)T08:05:00Z"])
            if day < 10 { try ok(cli, ["take", "P1", "--now", "\(d)T20:05:00Z"]) }
        }
        let decided = try ok(cli, ["decide", "P1", "continue", "--reason", "dizziness settled", "--by", "Dr Rao",
                                   "--now", "2026-03-10T11:05:00Z"]).stdout
        // A continue that lifts a hold and raises the dose: the early review (14 days), not 56.
        #expect(decided.contains("Next review: 2026-03-24 (early review;"), "\(decided)")
        let today = try ok(cli, ["today", "P1", "--now", "2026-03-10T11:10:00Z"]).stdout
        #expect(today.contains("  25 mg: 1 × 25 mg capsule at 08:00  ✓ taken at 08:05"), "\(today)")
        #expect(today.contains("  50 mg: 1 × 50 mg capsule at 20:00\n"), "\(today)")
        #expect(!today.contains("not recorded yet"), "\(today)")
        // The headline says the change begins at 20:00, beside the 08:00 dose of the old step.
        #expect(today.contains("The dose changes today from the 20:00 dose: 100 mg a day from then (until then: 50 mg a day)."), "\(today)")
        #expect(!today.contains("mg a day from today"), "\(today)")
        // The patient's notice names the first dose that changes, not the 08:00 one already taken.
        let notice = try ok(cli, ["remind", "--replay", "--now", "2026-03-10T11:10:00Z"]).stdout
        #expect(notice.contains("From today at 20:00, 2026-03-10: pregabalin 100 mg a day: "), "\(notice)")
        #expect(!notice.contains("missed"), "\(notice)")
        try ok(cli, ["take", "P1", "--now", "2026-03-10T20:05:00Z"])
        let review = try ok(cli, ["review", "P1", "--now", "2026-03-11T07:00:00Z"]).stdout
        // 03-02..03-09 twice a day and 03-10 08:00 on step 1 (held): 17; 03-10 20:00 on step 2: 1.
        #expect(review.contains("whole course 18/18 taken (100%)"), "\(review)")
        #expect(review.contains("by step: step 1 (50 mg/day) 17/17 taken (100%); step 2 (100 mg/day) 1/1 taken (100%)"), "\(review)")
        let due = try ok(cli, ["reviews", "--due-within", "14d", "--now", "2026-03-10T11:10:00Z"]).stdout
        #expect(due.contains("2026-03-24  P1"), "\(due)")
    }

    /// Why 2: a start at 11:05 has no 08:00 dose that day; a cross-taper switch at 10:05
    /// starts the new drug with its 20:00 dose, while the old drug's 08:00 dose stays its own.
    @Test("start and switch during the day: no dose of the new plan before the instant")
    func startAndSwitchFromTheNextDose() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli, "P2")
        try ok(cli, ["start", "P2", "duloxetine", "--by", "Dr Rao", "--now", "2026-03-02T11:05:00Z"])
        let first = try ok(cli, ["today", "P2", "--now", "2026-03-02T11:10:00Z"]).stdout
        #expect(!first.contains("08:00"), "duloxetine's 08:00 dose began before the start: \(first)")
        let remind = try ok(cli, ["remind", "--replay", "--dry-run", "--now", "2026-03-03T07:50:00Z"]).stdout
        #expect(!remind.contains("missed"), "no dose before the start is missed: \(remind)")
        try patient(cli, "P3")
        try ok(cli, ["start", "P3", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:05:00Z"])
        try ok(cli, ["decide", "P3", "switch", "pregabalin", "--cross-taper", "--outcome", "not-effective", "--reason", "no benefit",
                     "--by", "Dr Rao", "--now", "2026-04-20T10:05:00Z"])
        let after = try ok(cli, ["today", "P3", "--now", "2026-04-20T10:10:00Z"]).stdout
        #expect(!after.contains("at 08:00"), "pregabalin's first dose is 20:00: \(after)")
        #expect(after.contains("Pregabalin today") && after.contains("at 20:00"), "\(after)")
    }

    /// Why 3: amitriptyline 10, 20, 30 mg at 22:00 from 03-02, 03-09, 03-16. Severe drowsiness
    /// at 10:00 on 03-16, before the first 30 mg dose: the patient stays on 20 mg.
    @Test("a hold at 10:00 on the step-up day keeps 20 mg tonight: today, the clinician's notice and the review agree")
    func holdOnTheStepUpDay() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli, "A1")
        try ok(cli, ["start", "A1", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:05:00Z"])
        for day in 2...15 { try ok(cli, ["take", "A1", "--now", String(format: "2026-03-%02dT22:05:00Z", day)]) }
        let held = try ok(cli, ["side-effect", "A1", "drowsiness", "--severity", "severe", "--now", "2026-03-16T10:00:00Z"]).stdout
        #expect(held.contains("Keep taking your current dose."), "\(held)")
        let today = try ok(cli, ["today", "A1", "--now", "2026-03-16T10:05:00Z"]).stdout
        #expect(today.contains("  20 mg: 2 × 10 mg tablets at 22:00"), "\(today)")
        #expect(!today.contains("30 mg"), "\(today)")
        let notices = try ok(cli, ["remind", "--replay", "--now", "2026-03-16T21:45:00Z"]).stdout
        #expect(notices.contains("The patient stays on 20 mg a day; the planned step to 30 mg a day (from 2026-03-16) waits for your review."),
                "\(notices)")
        #expect(notices.contains("Time to take amitriptyline 20 mg (2 × 10 mg tablets), due at 22:00."), "\(notices)")
        try ok(cli, ["take", "A1", "--now", "2026-03-16T22:05:00Z"])
        let review = try ok(cli, ["review", "A1", "--now", "2026-03-17T10:00:00Z"]).stdout
        #expect(review.contains("step 2, 20 mg/day, severe: Drowsiness (2026-03-16, open)"), "\(review)")
        #expect(review.contains("not tolerated at 20 mg/day"), "\(review)")
        #expect(!review.contains("30 mg/day"), "\(review)")
        #expect(review.contains("by step: step 1 (10 mg/day) 7/7 taken (100%); step 2 (20 mg/day) 8/8 taken (100%)"), "\(review)")
    }

    /// Why 9: amitriptyline (early 14 days, regular 56). `continue` on 03-20 sets 05-15; a
    /// hold on 03-25 brings it to 04-08, so the patient appears in `reviews --due-within 14d`.
    @Test("a hold brings a 56-day review forward to the early interval")
    func holdBringsTheReviewForward() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli, "A2")
        try ok(cli, ["start", "A2", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao", "--now", "2026-03-01T11:05:00Z"])
        let decided = try ok(cli, ["decide", "A2", "continue", "--reason", "going well", "--by", "Dr Rao",
                                   "--now", "2026-03-20T11:00:00Z"]).stdout
        #expect(decided.contains("Next review: 2026-05-15 (regular review;"), "\(decided)")
        let before = try ok(cli, ["reviews", "--due-within", "14d", "--now", "2026-03-25T09:00:00Z"]).stdout
        #expect(!before.contains("A2"), "\(before)")
        try ok(cli, ["side-effect", "A2", "drowsiness", "--severity", "moderate", "--now", "2026-03-25T10:00:00Z"])
        let after = try ok(cli, ["reviews", "--due-within", "14d", "--now", "2026-03-25T11:00:00Z"]).stdout
        #expect(after.contains("2026-04-08  A2"), "\(after)")
    }
}

extension CourseTimingEndToEndTests {
    /// Why 2, the one asked-for exception: `start --on` an earlier day records a course the
    /// patient already began. Amitriptyline 10 mg at 22:00 from 03-02, entered on 03-05 at
    /// noon: the 22:00 doses of 03-02, 03-03 and 03-04 are history not yet entered, and
    /// `start` says so with the command that enters them; a start for today says nothing.
    @Test("a back-dated start says its past doses are not recorded yet and how to enter them")
    func backDatedStartIsSaid() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try patient(cli, "P4")
        let late = try ok(cli, ["start", "P4", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao",
                                "--now", "2026-03-05T12:00:00Z"])
        #expect(late.stderr.contains("Back-dated: this course began on 2026-03-02, before today (2026-03-05); the doses planned "
            + "since then are not recorded yet (adherence counts them as not taken until they are entered): "
            + "painladder take P4 --at 'YYYY-MM-DD HH:MM'"), "\(late.stderr)")
        let entered = try ok(cli, ["take", "P4", "--at", "2026-03-03 22:00", "--now", "2026-03-05T12:05:00Z"])
        #expect(entered.stdout.contains("for the 2026-03-03 22:00 dose"), "\(entered.stdout)")
        try patient(cli, "P5")
        let onTime = try ok(cli, ["start", "P5", "amitriptyline", "--by", "Dr Rao", "--now", "2026-03-05T12:00:00Z"])
        #expect(!onTime.stderr.contains("Back-dated"), "\(onTime.stderr)")
    }
}

import Foundation
import Testing

/// Issue 12, "Adequate trial at the usual target": a tolerated drug with steps left above its
/// usual target is offered "consider increasing towards the maximum" before "consider
/// switching" (Dworkin: the trial is at the maximum *tolerated* dose); not duloxetine above
/// 60 mg [S75]; pain above baseline is "worse"; the referral prompt (CG173 1.1.2) is in the
/// suggestion whenever its condition holds.
///
/// Every course starts on 2026-01-05 after a baseline score of 6 on 01-04; the review is on
/// 2026-03-16 (day 71) after seven daily scores from 03-10.
@Suite("End to end: adequate trial at the maximum tolerated dose")
struct AdequateTrialEndToEndTests {
    static let reviewAt = "2026-03-16T12:00:00Z"

    /// The suggestion of a patient on `drug` whose last seven scores are `score`.
    func suggestion(_ drug: String, score: Int = 6) throws -> [String: Any] {
        let s = try ClinicScript()
        defer { s.cli.cleanUp() }
        try s.addPatient("P1")
        try s.step(["pain", "P1", "6", "--baseline"], at: "2026-01-04T10:00:00Z")
        try s.step(["start", "P1", drug, "--on", "2026-01-05", "--by", "Dr A"], at: "2026-01-04T11:00:00Z")
        for day in 10...16 { try s.step(["pain", "P1", String(score)], at: "2026-03-\(day)T10:00:00Z") }
        let review = try s.reviewJSON("P1", at: Self.reviewAt)
        #expect((review["trial"] as? [String: Any])?["adequate"] as? Bool == true, "\(drug): the trial is adequate")
        return try #require(review["suggestion"] as? [String: Any])
    }

    // Amitriptyline 50 mg since 02-02 (six weeks and a day), tolerated, 6 → 6: the 60, 70 and
    // 75 mg steps were never tried.
    @Test func amitriptylineAtFiftyIsOfferedAnIncrease() throws {
        let s = try suggestion("amitriptyline")
        #expect(s["kind"] as? String == "consider-increasing")
        #expect(s["text"] as? String == "no meaningful change (0%) after an adequate trial at 50 mg/day, tolerated: consider "
            + "increasing towards the maximum (next step 60 mg/day; this patient's maximum 75 mg/day [S17, S11, S12; confirmed]) "
            + "before switching, so that the trial is at the maximum tolerated dose")
    }

    // Pregabalin 300 mg since 01-12; 600 mg remains.
    @Test func pregabalinAtThreeHundredIsOfferedSixHundred() throws {
        let text = try #require(try suggestion("pregabalin")["text"] as? String)
        #expect(text.hasPrefix("no meaningful change (0%) after an adequate trial at 300 mg/day, tolerated: consider increasing "
            + "towards the maximum (next step 600 mg/day; this patient's maximum 600 mg/day"), "\(text)")
    }

    // Gabapentin 1,800 mg since 01-16; 2,100 … 3,600 mg remain.
    @Test func gabapentinAtEighteenHundredIsOfferedMore() throws {
        let text = try #require(try suggestion("gabapentin")["text"] as? String)
        #expect(text.hasPrefix("no meaningful change (0%) after an adequate trial at 1800 mg/day, tolerated: consider increasing "
            + "towards the maximum (next step 2100 mg/day; this patient's maximum 3600 mg/day"), "\(text)")
    }

    // Duloxetine 60 mg since 01-12: more is not known to help [S75, S25], so a switch is offered.
    @Test func duloxetineAtSixtyIsNotOfferedMore() throws {
        let s = try suggestion("duloxetine")
        #expect(s["kind"] as? String == "no-meaningful-change")
        let text = try #require(s["text"] as? String)
        #expect(text.hasPrefix("no meaningful change (0%) after an adequate trial (more than 60 mg/day is not known to help "
            + "[S75, S25; confirmed]): consider switching to one of the remaining drugs"), "\(text)")
    }

    // Pain 7 against a baseline of 6: (7 − 6) / 6 = +16.7 %, worse, not "no meaningful change".
    @Test func painAboveBaselineIsWorse() throws {
        let s = try suggestion("duloxetine", score: 7)
        let text = try #require(s["text"] as? String)
        #expect(text.hasPrefix("pain worse than baseline (+16.7%) after an adequate trial"), "\(text)")
    }

    // A mean of 8 over the last 7 days (severe from 7): with a course in progress the referral
    // prompt is in the suggestion, after the trial's own prompt. 8 against 6 is +33.3 %.
    @Test func referralPromptWhileACourseIsRunning() throws {
        let s = try suggestion("amitriptyline", score: 8)
        #expect(s["kind"] as? String == "consider-increasing")
        let text = try #require(s["text"] as? String)
        #expect(text.hasPrefix("pain worse than baseline (+33.3%) after an adequate trial at 50 mg/day"), "\(text)")
        #expect(text.hasSuffix("; consider referral to a specialist pain service at any stage (severe pain: mean 8 over the "
            + "last 7 days (severe from 7 [S1, S5; choice]))"), "\(text)")
        let referral = try #require(s["referral"] as? [[String: Any]])
        #expect(referral.map { $0["kind"] as? String } == ["severe-pain"])
    }
}

import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The order of the review's suggestion after an adequate trial (issue 12): not tolerated and
/// responding come first; then, with a step left above the usual target, "consider
/// increasing towards the maximum" before "consider switching"; referral prompts join
/// whichever wins while a course is in progress.
///
/// Amitriptyline as the bundled formulary builds it from 2026-03-02: 10 mg, +10 mg weekly to
/// 50 mg on 03-30, then 60, 70 and 75 mg above the usual target. On 04-20 (day 50, 22 days
/// at 50 mg) the trial is adequate. Baseline 6 on 03-01; scores 04-14 … 04-20.
@Suite("Review: suggestion order after an adequate trial")
struct SuggestionOrderTests {
    static let at = "2026-04-20T12:00:00Z"

    func fixture(scores: Int) throws -> ReviewFixture {
        let patient = DecisionBench.patient()
        let schedule = try ScheduleBuilder.build(formulary: try FormularyLoader.bundled(), drugID: "amitriptyline", variantID: nil,
                                                 patient: patient, startDate: ReviewFixture.start, times: nil)
        var f = try ReviewFixture(versions: [ReviewFixture.version(1, schedule, from: ReviewFixture.start)])
        f.pain("2026-03-01T10:00:00Z", 6, baseline: true, course: nil)
        for d in 14...20 { f.pain("2026-04-\(d)T09:00:00Z", scores) }
        return f
    }

    @Test func aStepAboveTheTargetComesBeforeSwitching() throws {
        let r = try fixture(scores: 6).review(at: Self.at)
        #expect(r.trial?.adequate == true)
        #expect(r.course?.nextStepAboveTarget?.dailyDoseMg == 60)
        #expect(r.course?.patientMaximum.value == 75)
        #expect(r.suggestion.kind == .considerIncreasing)
        #expect(r.suggestion.text.hasPrefix("no meaningful change (0%) after an adequate trial at 50 mg/day, tolerated: "
            + "consider increasing towards the maximum (next step 60 mg/day; this patient's maximum 75 mg/day"))
        #expect(r.suggestion.referral == nil)
    }

    @Test func aMildOpenSideEffectIsStillTolerated() throws {
        var f = try fixture(scores: 6)
        f.sideEffect("2026-04-15T09:00:00Z", "dry-mouth", .mild, step: 5)
        #expect(f.review(at: Self.at).suggestion.kind == .considerIncreasing)
    }

    @Test func notToleratedComesFirst() throws {
        var f = try fixture(scores: 6)
        f.sideEffect("2026-04-15T09:00:00Z", "drowsiness", .moderate, step: 5)
        #expect(f.review(at: Self.at).suggestion.kind == .notTolerated)
    }

    // 6 → 4 is −33.3 %: moderate, so continuing is reasonable; no increase is offered.
    @Test func aRespondingPatientIsNotOfferedMore() throws {
        #expect(try fixture(scores: 4).review(at: Self.at).suggestion.kind == .responding)
    }

    // 6 → 7 is +16.7 %: worse, its own band; still an increase first.
    @Test func worseHasItsOwnBand() throws {
        let r = try fixture(scores: 7).review(at: Self.at)
        #expect(r.pain.band == .worse)
        #expect(r.suggestion.kind == .considerIncreasing)
        #expect(r.suggestion.text.hasPrefix("pain worse than baseline (+16.7%) after an adequate trial at 50 mg/day"))
    }

    // A 7-day mean of 9 (severe from 7): the referral prompt joins the suggestion.
    @Test func referralJoinsTheSuggestionWhileACourseRuns() throws {
        let r = try fixture(scores: 9).review(at: Self.at)
        #expect(r.suggestion.kind == .considerIncreasing)
        #expect(r.suggestion.referral?.map(\.kind) == [.severePain])
        #expect(r.suggestion.text.contains("; consider referral to a specialist pain service at any stage (severe pain: mean 9 over the last 7 days"))
    }

    // The same patient on the hand-made plan that stops at 50 mg (no step above it): switching.
    @Test func withoutAStepAboveTheTargetSwitchingIsOffered() throws {
        var f = try ReviewFixture(versions: [ReviewFixture.version(1, HandPlan.amitriptyline(start: ReviewFixture.start),
                                                                   from: ReviewFixture.start)])
        f.pain("2026-03-01T10:00:00Z", 6, baseline: true, course: nil)
        for d in 14...20 { f.pain("2026-04-\(d)T09:00:00Z", 6) }
        let r = f.review(at: Self.at)
        #expect(r.course?.nextStepAboveTarget == nil)
        #expect(r.suggestion.kind == .noMeaningfulChange)
    }
}

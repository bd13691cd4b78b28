import Foundation
import Testing
@testable import PainLadder

/// Side effects by step and severity, red flags first, holds and decisions, hand-made.
@Suite("Review: side effects, holds and decisions")
struct ReviewSideEffectTests {
    /// Moderate dizziness on standing at 20 mg (step 2) on 03-10; the hold rule wrote version 2
    /// from that day, so 20 mg stays in force and the 30 mg step of 03-16 waits.
    func held() throws -> ReviewFixture {
        let plan = HandPlan.amitriptyline(start: ReviewFixture.start)
        let hold = "moderate dizziness on standing reported on 2026-03-10: step-ups wait for a clinician's review"
        let versions = [
            ReviewFixture.version(1, plan, from: ReviewFixture.start, review: ReviewFixture.day("2026-03-16")),
            ReviewFixture.version(2, plan, from: ReviewFixture.day("2026-03-10"), hold: hold,
                                  review: ReviewFixture.day("2026-03-16"),
                                  decision: Decision(kind: .automaticHold, by: "painladder (hold rule)", reason: hold),
                                  at: "2026-03-10T09:00:00Z"),
        ]
        var f = try ReviewFixture(versions: versions)
        f.pain("2026-03-01T10:00:00Z", 7, baseline: true, course: nil)
        f.sideEffect("2026-03-04T09:00:00Z", "dry-mouth", .mild, step: 1)
        f.sideEffect("2026-03-10T09:00:00Z", "dizziness-on-standing", .moderate, step: 2)
        return f
    }

    @Test func notToleratedAtTheHeldDose() throws {
        let r = try held().review(at: "2026-03-19T12:00:00Z")
        let c = try #require(r.course)
        // Held: 20 mg from 03-09 to today, 11 days; no next step while held.
        #expect(c.currentStep?.dailyDoseMg == 20)
        #expect(c.daysAtCurrentDose == 11)
        #expect(c.nextStep == nil)
        #expect(c.heldSince == ReviewFixture.day("2026-03-10"))
        #expect(c.planVersion == 2)
        #expect(r.trial?.stillTitrating == false)
        #expect(r.trial?.daysAtHighestTolerated == 11)
        #expect(r.trial?.adequate == false)               // 18 days < 6 weeks
        // Grouped by step (ascending), then severity.
        #expect(r.sideEffects.groups.map(\.stepNumber) == [1, 2])
        #expect(r.sideEffects.groups.map(\.severity) == [.mild, .moderate])
        #expect(r.sideEffects.groups[1].dailyDoseMg == 20)
        #expect(r.sideEffects.groups[1].reports[0].label == "Dizziness on standing (postural hypotension)")
        #expect(r.suggestion.kind == .notTolerated)
        #expect(r.suggestion.text.hasPrefix("not tolerated at 20 mg/day (moderate dizziness on standing"))
        #expect(r.suggestion.text.hasSuffix("consider reducing or switching"))
        #expect(r.reviews.lastDecision?.kind == .automaticHold)
        #expect(r.reviews.lastDecision?.by == "painladder (hold rule)")
        #expect(r.reviews.lastDecision?.date == ReviewFixture.day("2026-03-10"))
    }

    @Test func anOpenRedFlagComesFirst() throws {
        var f = try held()
        let fainting = f.sideEffect("2026-03-18T09:00:00Z", "fainting", .severe, step: 2, redFlag: true)
        let r = f.review(at: "2026-03-19T12:00:00Z")
        #expect(r.sideEffects.openRedFlags.map(\.entryID) == [fainting])
        #expect(r.sideEffects.openRedFlags[0].action?.contains("999") == true)
        // Within step 2 the severe report comes before the moderate one.
        #expect(r.sideEffects.groups.map(\.severity) == [.mild, .severe, .moderate])
        #expect(r.suggestion.kind == .redFlag)
        #expect(r.suggestion.text == "red flag reported (Fainting or passing out on 2026-03-18, amitriptyline): assess now")

        // Resolved, it is no longer open, and the prompt goes back to the side effect.
        f.resolve("2026-03-19T10:00:00Z", fainting)
        let after = f.review(at: "2026-03-19T12:00:00Z")
        #expect(after.sideEffects.openRedFlags.isEmpty)
        #expect(after.suggestion.kind == .notTolerated)
    }

    @Test func aResolvedSideEffectLeavesTheHoldToReview() throws {
        var f = try held()
        let dizziness = try #require(f.sim.all.first { $0.sideEffect?.symptom == "dizziness-on-standing" }?.id)
        f.resolve("2026-03-12T09:00:00Z", dizziness)
        let r = f.review(at: "2026-03-19T12:00:00Z")
        #expect(r.suggestion.kind == .holdToReview)
        #expect(r.suggestion.text.contains("since 2026-03-10"))
    }

    @Test func aReductionCountsDaysAtTheNewDoseAndShowsTheDecision() throws {
        // v2 (Dr Rao, reduce) from 03-17: 20 mg again. Doses: 30 mg on 03-16, 20 mg 03-17 … 03-19.
        let plan = HandPlan.amitriptyline(start: ReviewFixture.start)
        let reduced = Schedule(drug: "amitriptyline", variant: "standard", renalBand: nil,
                               steps: [TitrationStep(number: 1, startDate: ReviewFixture.day("2026-03-17"),
                                                     administrations: plan.steps[1].administrations,
                                                     minimumDays: 3, beyondTarget: false)],
                               maximumDailyDose: plan.maximumDailyDose, usualTarget: plan.usualTarget,
                               cautions: [], offLabel: false)
        let versions = [
            ReviewFixture.version(1, plan, from: ReviewFixture.start),
            ReviewFixture.version(2, reduced, from: ReviewFixture.day("2026-03-17"), review: ReviewFixture.day("2026-03-31"),
                                  decision: Decision(kind: .reduce, by: "Dr Rao", reason: "drowsy at 30 mg"),
                                  at: "2026-03-17T10:00:00Z"),
        ]
        let r = try ReviewFixture(versions: versions).review(at: "2026-03-19T12:00:00Z")
        #expect(r.course?.currentStep?.dailyDoseMg == 20)
        #expect(r.course?.daysAtCurrentDose == 3)
        #expect(r.course?.highestDoseReachedMg == 30)
        #expect(r.reviews.lastDecision?.kind == .reduce)
        #expect(r.reviews.lastDecision?.reason == "drowsy at 30 mg")
        #expect(r.reviews.daysUntilDue == 12)
        #expect(!r.reviews.overdue)
    }

    @Test func aTaperIsNotTitration() throws {
        // A hand-made taper from 03-17: 20 mg, then 10 mg from 03-24. Tapering on 03-19.
        let plan = HandPlan.amitriptyline(start: ReviewFixture.start)
        let taper = Schedule(drug: "amitriptyline", variant: "standard", renalBand: nil,
                             steps: [1, 0].enumerated().map { i, n in
                                 TitrationStep(number: i + 1, startDate: ReviewFixture.day("2026-03-17").adding(days: 7 * i),
                                               administrations: plan.steps[n].administrations, minimumDays: 7, beyondTarget: false)
                             },
                             maximumDailyDose: plan.maximumDailyDose, usualTarget: plan.usualTarget, cautions: [], offLabel: false)
        var f = try ReviewFixture(versions: [
            ReviewFixture.version(1, plan, from: ReviewFixture.start),
            ReviewFixture.version(2, taper, from: ReviewFixture.day("2026-03-17"),
                                  decision: Decision(kind: .stop, by: "Dr Rao", reason: "not tolerated"), at: "2026-03-17T10:00:00Z"),
        ])
        f.courses[0].course.status = .tapering
        let r = f.review(at: "2026-03-19T12:00:00Z")
        #expect(r.course?.nextStep?.dailyDoseMg == 10)
        #expect(r.trial?.stillTitrating == false)
        #expect(r.suggestion.kind == .tapering)
        #expect(r.suggestion.text == "amitriptyline is being tapered (now 20 mg/day, next 10 mg/day from 2026-03-24): ask about withdrawal symptoms")
    }

    @Test func clinicianFlagsAreListedOnce() throws {
        var f = try ReviewFixture()
        let relapse = PainAssessment(withNewOrReturningSymptoms: true, character: [.back])
        f.assess("2026-03-05T09:00:00Z", relapse)
        f.assess("2026-03-12T09:00:00Z", relapse)
        let r = f.review(at: "2026-03-19T12:00:00Z")
        // possible relapse and not neuropathic, each once, dated by the latest assessment.
        #expect(r.sideEffects.flags.map(\.kind) == [.possibleRelapse, .notNeuropathic])
        #expect(r.sideEffects.flags.allSatisfy { $0.date == ReviewFixture.day("2026-03-12") })
        #expect(r.ladder.referralPrompts.map(\.kind) == [.worseningCondition])
    }
}

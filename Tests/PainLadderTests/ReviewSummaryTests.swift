import Foundation
import Testing
@testable import PainLadder

/// The review's figures for fixed, hand-made journals, each worked out by hand in comments.
@Suite("Review: hand-worked figures")
struct ReviewSummaryTests {
    /// Amitriptyline 10 mg at 22:00 from Monday 2 March 2026, +10 mg every 7 days to 50 mg
    /// (steps: 03-02 10 mg, 03-09 20, 03-16 30, 03-23 40, 03-30 50). Reviewed on Thursday
    /// 19 March at 12:00 UTC (London is on GMT until 29 March).
    func weekThree() throws -> ReviewFixture {
        var f = try ReviewFixture()
        // Baseline 8 (sleep 7) marked the day before the start, with no course yet.
        f.pain("2026-03-01T10:00:00Z", 8, sleep: 7, baseline: true, course: nil)
        // Nightly doses 03-02 … 03-18 (17 slots due by now; the 03-19 22:00 slot is not yet due):
        // 03-05 skipped, 03-14 and 03-17 never recorded, the other 14 taken at 22:05.
        try f.takeNightly(through: "2026-03-18", skip: ["2026-03-05"], missing: ["2026-03-14", "2026-03-17"])
        // The last 7 days, 03-13 … 03-19: pain 6,5,5,4,5,4,4; sleep 6,5,5,5,4,4,3.
        let scores = [6, 5, 5, 4, 5, 4, 4], sleeps = [6, 5, 5, 5, 4, 4, 3]
        for i in 0..<7 { f.pain("2026-03-\(13 + i)T09:00:00Z", scores[i], sleep: sleeps[i]) }
        f.impression("2026-03-18T09:00:00Z", 3)
        // Mild dry mouth on 03-04 (step 1), resolved on 03-06.
        let dryMouth = f.sideEffect("2026-03-04T09:00:00Z", "dry-mouth", .mild, step: 1)
        f.resolve("2026-03-06T09:00:00Z", dryMouth)
        return f
    }

    @Test func courseAndAdherence() throws {
        let r = try weekThree().review(at: "2026-03-19T12:00:00Z")
        let c = try #require(r.course)
        #expect(r.date == ReviewFixture.day("2026-03-19"))
        #expect(c.dayOfCourse == 18)                       // 03-02 is day 1, 03-19 is day 18
        #expect(c.currentStep?.number == 3)
        #expect(c.currentStep?.dailyDoseMg == 30)
        #expect(c.daysAtCurrentDose == 4)                  // 03-16, 17, 18, 19
        #expect(c.nextStep?.dailyDoseMg == 40)
        #expect(c.nextStep?.startDate == ReviewFixture.day("2026-03-23"))
        #expect(c.usualTarget.value == 50)
        #expect(c.patientMaximum.value == 75)
        #expect(!c.atTarget)
        #expect(c.holdReason == nil)

        let a = try #require(r.adherence)
        // Last 7 days 03-13 … 03-19: slots 03-13 … 03-18 (6); 03-14 and 03-17 unrecorded → 4 of 6.
        #expect(a.last7Days.scheduled == 6)
        #expect(a.last7Days.taken == 4)
        #expect(a.last7Days.unrecorded == 2)
        #expect(abs(a.last7Days.percent! - 400.0 / 6) < 1e-9)
        // Last 28 days covers the whole course: 17 due, 1 skipped, 2 unrecorded → 14 of 17.
        #expect(a.last28Days.scheduled == 17)
        #expect(a.last28Days.taken == 14)
        #expect(a.last28Days.skipped == 1)
        #expect(a.wholeCourse == a.last28Days)
        // Per step: step 1 (03-02…08) 6 of 7 (the skip); step 2 (03-09…15) 6 of 7 (03-14);
        // step 3 (03-16…18) 2 of 3 (03-17).
        #expect(a.byStep.map(\.stepNumber) == [1, 2, 3])
        #expect(a.byStep.map(\.dailyDoseMg) == [10, 20, 30])
        #expect(a.byStep.map(\.figure.scheduled) == [7, 7, 3])
        #expect(a.byStep.map(\.figure.taken) == [6, 6, 2])
    }

    @Test func painChangeBandAndTrend() throws {
        let p = try weekThree().review(at: "2026-03-19T12:00:00Z").pain
        #expect(p.baseline?.score == 8)
        #expect(p.baseline?.marked == true)
        #expect(p.windowFrom == ReviewFixture.day("2026-03-13"))
        // Mean 33/7 = 4.714…; change 33/7 − 8 = −23/7 = −3.2857 points; −23/56 = −41.07 % → moderate (30–49 %).
        #expect(abs(p.last7DaysMean! - 33.0 / 7) < 1e-9)
        #expect(abs(p.changePoints! - (-23.0 / 7)) < 1e-9)
        #expect(abs(p.changePercent! - (-2300.0 / 56)) < 1e-9)
        #expect(p.band == .moderate)
        #expect(p.bands?.sources == ["S52"])
        #expect(p.impression?.value == 3)
        #expect(p.impression?.meaning == "minimally improved")
        // Sleep (6+5+5+5+4+4+3)/7 = 32/7; baseline sleep 7.
        #expect(abs(p.sleepLast7DaysMean! - 32.0 / 7) < 1e-9)
        #expect(p.baselineSleep == 7)
        // Weeks: 1 (03-02…08) no scores; 2 (03-09…15) 6,5,5 → 16/3; 3 (03-16…22) 4,5,4,4 → 17/4.
        #expect(p.weekly.count == 3)
        #expect(p.weekly[0].mean == nil)
        #expect(abs(p.weekly[1].mean! - 16.0 / 3) < 1e-9)
        #expect(p.weekly[2].mean == 4.25)
    }

    @Test("past the trial's length the week is not 'of' it: week 9 (a trial is 6–8 weeks)")
    func trialWeekPastItsLength() throws {
        // Course from 2026-03-02; 2026-04-29 is day 59, week 9 (days 57–63).
        let t = try #require(try weekThree().review(at: "2026-04-29T12:00:00Z").trial)
        #expect(t.week == 9)
        #expect(t.text.hasPrefix("week 9 (a trial is 6–8 weeks); 2 weeks at the highest tolerated dose needed"), "\(t.text)")
    }

    @Test func trialNotYetAdequateAndAPrompt() throws {
        let r = try weekThree().review(at: "2026-03-19T12:00:00Z")
        let t = try #require(r.trial)
        // Amitriptyline: 6–8 weeks, 2 at the highest tolerated dose [S12]. Day 18 is week 3.
        #expect(t.daysOnDrug == 18)
        #expect(t.week == 3)
        #expect(t.completedWeeks == 2)
        #expect(t.daysAtHighestTolerated == 4)
        #expect(t.stillTitrating)
        #expect(!t.adequate)
        #expect(t.text == "week 3 of 6–8; 2 weeks at the highest tolerated dose needed (4 days at 30 mg/day so far); titration still under way")
        // 41 % less pain and nothing open: the moderate band and tolerated.
        #expect(r.suggestion.kind == .responding)
        #expect(r.suggestion.text.hasPrefix("≥30% reduction (41.1%, moderate) and tolerated: continuing is reasonable"))
        #expect(r.suggestion.label == "Suggestion (a prompt for the clinician, not an instruction)")
        // Review date 03-16, today 03-19: overdue by 3 days.
        #expect(r.reviews.nextDue == ReviewFixture.day("2026-03-16"))
        #expect(r.reviews.overdue)
        #expect(r.reviews.overdueDays == 3)
        #expect(r.reviews.lastDecision == nil)
        // The resolved dry mouth is listed, closed; nothing open.
        #expect(r.sideEffects.groups.count == 1)
        #expect(r.sideEffects.groups[0].reports[0].resolved)
        #expect(r.sideEffects.openRedFlags.isEmpty)
        // The ladder: amitriptyline in progress; the other three remain in formulary order.
        #expect(r.ladder.courses.map(\.inProgress) == [true])
        #expect(r.ladder.remaining.map(\.drug) == ["duloxetine", "gabapentin", "pregabalin"])
        #expect(r.ladder.referralPrompts.isEmpty)
    }

    @Test func adequateTrialWithoutChangePromptsASwitch() throws {
        var f = try ReviewFixture(versions: [ReviewFixture.version(1, HandPlan.amitriptyline(start: ReviewFixture.start),
                                                                   from: ReviewFixture.start)])
        f.pain("2026-03-01T10:00:00Z", 6, baseline: true, course: nil)
        for d in 14...20 { f.pain("2026-04-\(d)T09:00:00Z", 6) }
        let r = f.review(at: "2026-04-20T12:00:00Z")
        // 03-02 → 04-20 is 49 days: day 50, week 8. 50 mg since 03-30: 22 days (03-30 … 04-20).
        let t = try #require(r.trial)
        #expect(t.daysOnDrug == 50)
        #expect(t.week == 8)
        #expect(t.daysAtHighestTolerated == 22)
        #expect(!t.stillTitrating)
        #expect(t.adequate)                                // 50 ≥ 42 days, 22 ≥ 14 days, no step to come
        #expect(r.course?.atTarget == true)
        // Mean 6 against baseline 6: 0 % → no meaningful change.
        #expect(r.pain.changePercent == 0)
        #expect(r.pain.band == PainBand.none)
        #expect(r.suggestion.kind == .noMeaningfulChange)
        #expect(r.suggestion.text == "no meaningful change (0%) after an adequate trial: consider switching to one of the remaining drugs (duloxetine, gabapentin, pregabalin)")
        // No doses recorded. The last 7 days are 04-14 … 04-20: the 22:00 BST slots of 04-14 … 04-19
        // were due (04-20's is not yet, at 12:00 UTC): 0 of 6.
        #expect(r.adherence?.last7Days.scheduled == 6)
        #expect(r.adherence?.last7Days.taken == 0)
        #expect(r.reviews.nextDue == nil)
    }

    @Test func baselineIsTheMeanOfTheScoresInTheWeekBeforeTheStart() throws {
        var f = try ReviewFixture()
        f.pain("2026-02-20T10:00:00Z", 3, course: nil)   // before the window (02-23 … 03-01): left out
        f.pain("2026-02-27T10:00:00Z", 9, sleep: 6, course: nil)
        f.pain("2026-03-01T10:00:00Z", 7, sleep: 5, course: nil)
        f.pain("2026-03-03T10:00:00Z", 6)                 // after the start: an outcome
        let p = f.review(at: "2026-03-04T12:00:00Z").pain
        // (9 + 7) / 2 = 8.0 from 2 scores, dated by the latest; sleep (6 + 5) / 2 = 5.5.
        #expect(p.baseline?.score == 8)
        #expect(p.baseline?.scoreCount == 2)
        #expect(p.baseline?.date == ReviewFixture.day("2026-03-01"))
        #expect(p.baseline?.marked == false)
        #expect(p.baselineSleep == 5.5)
        // The window starts at the course start (03-02): 03-03's 6 only → −2 points, −25 % → minimal (10 ≤ 25 < 30).
        #expect(p.windowFrom == ReviewFixture.start)
        #expect(p.last7DaysMean == 6)
        #expect(p.changePercent == -25)
        #expect(p.band == .minimal)
        #expect(p.pretreatment == nil, "one course: its baseline is the pre-treatment one")
    }

    @Test func aMarkedBaselineWinsOverTheWindow() throws {
        var f = try ReviewFixture()
        f.pain("2026-02-27T10:00:00Z", 9, course: nil)
        f.pain("2026-02-28T10:00:00Z", 6, baseline: true, course: nil)
        f.pain("2026-03-01T10:00:00Z", 8, course: nil)
        let p = f.review(at: "2026-03-04T12:00:00Z").pain
        #expect(p.baseline?.score == 6)
        #expect(p.baseline?.scoreCount == 1)
        #expect(p.baseline?.marked == true)
    }

    @Test func withNoScoreInTheWindowTheLastEarlierOneStands() throws {
        var f = try ReviewFixture()
        f.pain("2026-02-10T10:00:00Z", 8, course: nil)
        f.pain("2026-02-15T10:00:00Z", 7, course: nil)   // before 02-23: the last one, alone
        let p = f.review(at: "2026-03-04T12:00:00Z").pain
        #expect(p.baseline?.score == 7)
        #expect(p.baseline?.scoreCount == 1)
        #expect(p.baseline?.date == ReviewFixture.day("2026-02-15"))
    }

    @Test func theReviewShowsThePreTreatmentBaselineBesideTheCourses() throws {
        var f = try ReviewFixture()
        let second = LocalDate(year: 2026, month: 3, day: 20)!
        f.courses = [
            CourseRecord(course: ReviewFixture.course(1, "gabapentin", status: .stopped, outcome: .notEffective),
                         versions: f.courses[0].versions),
            CourseRecord(course: ReviewFixture.course(2, "pregabalin", start: second),
                         versions: [ReviewFixture.version(1, HandPlan.amitriptyline(start: second), from: second, course: 2)]),
        ]
        f.pain("2026-03-01T10:00:00Z", 8, course: nil)   // before gabapentin: the pre-treatment baseline
        f.pain("2026-03-15T10:00:00Z", 7)                 // in pregabalin's window (03-13 … 03-19)
        f.pain("2026-03-18T10:00:00Z", 5)
        f.pain("2026-03-22T10:00:00Z", 4, course: 2)
        let p = f.review(at: "2026-03-23T12:00:00Z").pain
        // Pregabalin's baseline (7 + 5) / 2 = 6.0; its window starts 03-20, so the mean is 4:
        // −2 points, −33.3 % → moderate. From the pre-treatment 8: −4 points, −50 % → substantial.
        #expect(p.baseline?.score == 6)
        #expect(p.baseline?.scoreCount == 2)
        #expect(p.last7DaysMean == 4)
        #expect(p.band == .moderate)
        let t = try #require(p.pretreatment)
        #expect(t.drug == "gabapentin")
        #expect(t.baseline.score == 8)
        #expect(t.changePoints == -4)
        #expect(t.changePercent == -50)
        #expect(t.band == .substantial)
    }

    @Test func aCourseNotYetStartedHasNothingToJudge() throws {
        // Starts 03-02; reviewed on 02-27 at noon: day −2, no step, no trial, no weeks.
        let r = try ReviewFixture().review(at: "2026-02-27T12:00:00Z")
        #expect(r.course?.dayOfCourse == -2)
        #expect(r.course?.currentStep == nil)
        #expect(r.course?.daysAtCurrentDose == 0)
        #expect(r.trial == nil)
        #expect(r.pain.weekly.isEmpty)
        #expect(r.adherence?.wholeCourse.scheduled == 0)
        #expect(r.suggestion.kind == .notStarted)
    }

    @Test(arguments: [
        (9.99, PainBand.none), (10.0, .minimal), (29.9, .minimal), (30.0, .moderate), (49.99, .moderate),
        (50.0, .substantial), (100.0, .substantial), (0.0, .none), (-0.5, .worse), (-20.0, .worse),
    ])
    func bandThresholds(reduction: Double, band: PainBand) {
        let bands = PainChangeBands(minimalPercent: 10, moderatePercent: 30, substantialPercent: 50)
        #expect(PainBand.classify(reductionPercent: reduction, bands: bands) == band)
    }

    @Test func exactlyThirtyPercentIsModerate() throws {
        // Baseline 10, seven days of 7: (7 − 10)/10 = −30 % exactly, which binary floating
        // point makes −30.000000000000004: still moderate, never minimal.
        var f = try ReviewFixture()
        f.pain("2026-03-01T10:00:00Z", 10, baseline: true, course: nil)
        for d in 13...19 { f.pain("2026-03-\(d)T09:00:00Z", 7) }
        #expect(f.review(at: "2026-03-19T12:00:00Z").pain.band == .moderate)
    }
}

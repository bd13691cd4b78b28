import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// continue, hold, reduce, increase, refer and stop on the shipped formulary, worked by hand.
///
/// Amitriptyline standard from 2026-03-02 (Data/formulary/amitriptyline.json): 10 mg at 22:00,
/// +10 mg every 7 days (at least 3 days a step), usual target 50, maximum 75:
/// 10 (03-02), 20 (03-09), 30 (03-16), 40 (03-23), 50 (03-30); above the target 60 (04-06),
/// 70 (04-13), 75 (04-20). Reviews: early 14 days, regular 56 days (local practice).
@Suite("Decisions: continue, hold, reduce, increase, refer, stop")
struct TitrationDecisionTests {
    func amitriptyline() throws -> DecisionBench { try DecisionBench("amitriptyline", start: "2026-03-02") }

    @Test func continueLiftsAnAutomaticHoldFromToday() throws {
        var bench = try amitriptyline()
        bench.autoHold(on: "2026-03-10")
        #expect(bench.plan.step(on: DecisionBench.d("2026-03-20"))?.dailyTotal == 20, "the hold froze step 2")
        let result = try bench.decide(request(.continue) { $0.reason = "drowsiness settled" }, on: "2026-03-20")
        // Next step no earlier than today (03-20), nor 3 days after step 2 began (03-12), nor its
        // planned 03-16: 03-20. Later steps keep their 7-day spacing.
        #expect(dated(result.plan.schedule.steps) == ["2026-03-02 10", "2026-03-09 20", "2026-03-20 30", "2026-03-27 40",
                                                      "2026-04-03 50", "2026-04-10 60", "2026-04-17 70", "2026-04-24 75"])
        #expect(result.plan.schedule.steps.map(\.beyondTarget) == [false, false, false, false, false, true, true, true])
        #expect(result.plan.holdReason == nil)
        #expect(result.courseStatus == .titrating)
        #expect(result.plan.step(on: DecisionBench.d("2026-03-20"))?.dailyTotal == 30)
        #expect(result.plan.decision?.details["holdLifted"] == "moderate drowsiness")
        // A continue that lifts a hold and raises the dose: the early review, 14 days.
        #expect(result.plan.nextReviewDate == DecisionBench.d("2026-04-03"))
    }

    @Test func continueBeforeTheNextStepWasDueKeepsItsDate() throws {
        var bench = try amitriptyline()
        bench.autoHold(on: "2026-03-10")
        let result = try bench.decide(request(.continue), on: "2026-03-11")
        #expect(dated(result.plan.schedule.plannedSteps) == ["2026-03-02 10", "2026-03-09 20", "2026-03-16 30", "2026-03-23 40", "2026-03-30 50"])
    }

    @Test func continueWaitsForTheCurrentStepsMinimumDays() throws {
        // A hand-made held plan whose next step is dated the day after step 2 began.
        var bench = try amitriptyline()
        bench.plan.schedule.steps[2].startDate = DecisionBench.d("2026-03-10")
        bench.autoHold(on: "2026-03-09")
        let result = try bench.decide(request(.continue), on: "2026-03-10")
        // Step 2 began 03-09 and lasts at least 3 days: the next step from 03-12.
        #expect(result.plan.schedule.steps[2].startDate == DecisionBench.d("2026-03-12"))
    }

    @Test func holdStaysAtTheCurrentDose() throws {
        let bench = try amitriptyline()
        let result = try bench.decide(request(.hold) { $0.reason = "wants to stay at 30 mg over a holiday" }, on: "2026-03-18")
        #expect(result.courseStatus == .held)
        #expect(result.plan.holdReason?.contains("wants to stay at 30 mg") == true)
        for day in ["2026-03-18", "2026-03-30", "2026-05-01"] {
            #expect(result.plan.step(on: DecisionBench.d(day))?.dailyTotal == 30, "\(day)")
        }
        // Early review after a change: 14 days.
        #expect(result.plan.nextReviewDate == DecisionBench.d("2026-04-01"))
    }

    @Test func aHoldOnAnAlreadyHeldPlanDoesNotStepUp() throws {
        var bench = try amitriptyline()
        bench.autoHold(on: "2026-03-10")
        let result = try bench.decide(request(.hold), on: "2026-03-20")
        // The automatic hold froze 20 mg; the planned 30 mg (03-16) never happened and must not start now.
        #expect(result.plan.step(on: DecisionBench.d("2026-03-20"))?.dailyTotal == 20)
        #expect(result.plan.step(on: DecisionBench.d("2026-04-20"))?.dailyTotal == 20)
    }

    @Test func reduceGoesBackOneStepAndHoldsStepUps() throws {
        let bench = try amitriptyline()
        let result = try bench.decide(request(.reduce) { $0.reason = "dizzy at 30 mg" }, on: "2026-03-18")
        // Back to 20 mg from today; the way back up (30, 40, 50 …) listed after it at the usual
        // 7 days each, waiting for a decision.
        #expect(dated(result.plan.schedule.plannedSteps) == ["2026-03-02 10", "2026-03-09 20", "2026-03-16 30", "2026-03-18 20",
                                                             "2026-03-25 30", "2026-04-01 40", "2026-04-08 50"])
        #expect(result.plan.schedule.steps.map(\.number) == Array(1...result.plan.schedule.steps.count))
        #expect(result.courseStatus == .held)
        #expect(result.plan.holdReason != nil)
        #expect(result.plan.step(on: DecisionBench.d("2026-03-18"))?.dailyTotal == 20)
        #expect(result.plan.step(on: DecisionBench.d("2026-04-30"))?.dailyTotal == 20)
        #expect(result.plan.decision?.details == ["fromMg": "30", "toMg": "20", "nextReview": "2026-04-01"])
    }

    @Test func reduceToANamedDose() throws {
        let bench = try amitriptyline()
        // 25 mg is no step of the plan but one 25 mg tablet makes it.
        let result = try bench.decide(request(.reduce) { $0.doseMg = 25 }, on: "2026-03-18")
        #expect(doses(result.plan.step(on: DecisionBench.d("2026-03-18"))) == ["22:00 25"])
        #expect(dated(result.plan.schedule.plannedSteps).suffix(4) == ["2026-03-18 25", "2026-03-25 30", "2026-04-01 40", "2026-04-08 50"])
        let to10 = try bench.decide(request(.reduce) { $0.doseMg = 10 }, on: "2026-03-18")
        #expect(dated(to10.plan.schedule.plannedSteps).suffix(5) == ["2026-03-18 10", "2026-03-25 20", "2026-04-01 30", "2026-04-08 40", "2026-04-15 50"])
    }

    @Test func reduceRefusals() throws {
        let bench = try amitriptyline()
        // 15 mg cannot be made from 10, 25 and 50 mg tablets.
        #expect { _ = try bench.decide(request(.reduce) { $0.doseMg = 15 }, on: "2026-03-18") } throws: {
            ($0 as? PainLadderError).map { flagged($0).contains("--dose") } ?? false
        }
        #expect { _ = try bench.decide(request(.reduce) { $0.doseMg = 30 }, on: "2026-03-18") } throws: {
            ($0 as? PainLadderError).map { flagged($0).contains("below the current 30 mg/day") } ?? false
        }
        #expect { _ = try bench.decide(request(.reduce), on: "2026-03-05") } throws: {
            ($0 as? PainLadderError).map { flagged($0).contains("first step") } ?? false
        }
    }

    @Test func increaseSoonerThanTheMinimumIntervalNeedsAnOverride() throws {
        var bench = try amitriptyline()
        // 20 mg began 03-09; at least 3 days on a step: the next step from 03-12.
        #expect { _ = try bench.decide(request(.increase), on: "2026-03-10") } throws: { error in
            guard case let .notPossible(message) = error as? PainLadderError else { return false }
            return message.contains("2026-03-12") && message.contains("--override minimum-interval")
        }
        let result = try bench.decide(request(.increase) {
            $0.overrides = [.minimumInterval]; $0.overrideReason = "severe pain, no side effects"
        }, on: "2026-03-10")
        #expect(dated(result.plan.schedule.plannedSteps) == ["2026-03-02 10", "2026-03-09 20", "2026-03-10 30", "2026-03-17 40", "2026-03-24 50"])
        #expect(result.plan.overrides.map(\.limit) == ["minimumInterval"])
        #expect(result.plan.overrides.first?.reason == "severe pain, no side effects")
        #expect(result.plan.overrides.first?.by == "Dr Rao")
        #expect(result.courseStatus == .titrating)
        // The override stays in every later version.
        bench.apply(result)
        let held = try bench.decide(request(.hold), on: "2026-03-11")
        #expect(held.plan.overrides.map(\.limit) == ["minimumInterval"])
        bench.apply(held)
        let resumed = try bench.decide(request(.continue), on: "2026-03-20")
        #expect(resumed.plan.overrides == result.plan.overrides)
    }

    @Test func increaseAfterTheMinimumIntervalNeedsNoOverride() throws {
        let bench = try amitriptyline()
        let result = try bench.decide(request(.increase), on: "2026-03-12")
        #expect(result.plan.step(on: DecisionBench.d("2026-03-12"))?.dailyTotal == 30)
        #expect(result.plan.overrides.isEmpty)
        // An override that is not needed is refused rather than recorded.
        #expect(throws: PainLadderError.self) {
            _ = try bench.decide(request(.increase) { $0.overrides = [.minimumInterval]; $0.overrideReason = "x" }, on: "2026-03-12")
        }
    }

    @Test func increaseAboveTheUsualTargetTakesTheFirstStepBeyondIt() throws {
        let bench = try amitriptyline()
        // At 50 mg since 03-30; on 04-02 (3 days) the next step is 60 mg, above the usual target.
        let result = try bench.decide(request(.increase), on: "2026-04-02")
        #expect(dated(result.plan.schedule.steps).suffix(3) == ["2026-04-02 60", "2026-04-09 70", "2026-04-16 75"])
        #expect(result.plan.schedule.steps.suffix(3).map(\.beyondTarget) == [false, true, true])
        #expect(result.plan.step(on: DecisionBench.d("2026-04-20"))?.dailyTotal == 60)
        #expect(result.courseStatus == .maintaining)
    }

    @Test func increaseByMoreThanOneStepIsRefused() throws {
        let bench = try amitriptyline()
        #expect { _ = try bench.decide(request(.increase) { $0.doseMg = 40 }, on: "2026-03-12") } throws: {
            ($0 as? PainLadderError).map { flagged($0).contains("more than one step") } ?? false
        }
        // A dose between the current 20 and the next 30 is fine: 25 mg.
        let result = try bench.decide(request(.increase) { $0.doseMg = 25 }, on: "2026-03-12")
        #expect(dated(result.plan.schedule.plannedSteps).suffix(4) == ["2026-03-12 25", "2026-03-19 30", "2026-03-26 40", "2026-04-02 50"])
    }

    @Test func neverAboveThePatientsMaximumWithoutAnOverride() throws {
        // West Suffolk caps gabapentin at 1,800 mg/day [S12]: 1800 is this patient's maximum.
        let overlay = try FormularyLoader.bundledDirectory().deletingLastPathComponent()
            .appendingPathComponent("local/west-suffolk-example.json")
        let formulary = try FormularyLoader.bundled(overlay: overlay)
        let bench = try DecisionBench("gabapentin", start: "2026-01-05", formulary: formulary)
        #expect(bench.plan.schedule.maximumDailyDose.value == 1800)
        #expect { _ = try bench.decide(request(.increase), on: "2026-03-02") } throws: { error in
            guard case let .notPossible(message) = error as? PainLadderError else { return false }
            return message.contains("maximum of 1800 mg/day") && message.contains("--override maximum-dose")
        }
        #expect { _ = try bench.decide(request(.increase) { $0.doseMg = 2100 }, on: "2026-03-02") } throws: {
            ($0 as? PainLadderError).map { flagged($0).contains("--override maximum-dose") } ?? false
        }
        let result = try bench.decide(request(.increase) {
            $0.doseMg = 2100; $0.overrides = [.maximumDailyDose]; $0.overrideReason = "pain clinic advice"
        }, on: "2026-03-02")
        // 2,100 mg/day three times daily: 700 mg = 600 mg tablet + 100 mg capsule.
        #expect(doses(result.plan.step(on: DecisionBench.d("2026-03-02"))) == ["08:00 700", "14:00 700", "22:00 700"])
        #expect(result.plan.overrides.map(\.limit) == ["maximumDailyDose"])
    }

    @Test func stopDuloxetineHalvesTheDose() throws {
        // Duloxetine standard: 30 mg (03-02, 7 days), 60 mg (03-09). Taper: halve at most, 7 days a
        // step, at least 14 days: 60 → 30 (03-20) → 20 (03-27; 15 cannot be made, 20 can) → stop 04-03.
        let bench = try DecisionBench("duloxetine", start: "2026-03-02")
        let result = try bench.decide(request(.stop) { $0.outcome = .notTolerated; $0.reason = "nausea" }, on: "2026-03-20")
        #expect(dated(result.taper!.steps) == ["2026-03-20 30", "2026-03-27 20"])
        #expect(result.taper?.stopDate == DecisionBench.d("2026-04-03"))
        #expect(result.courseStatus == .tapering && result.outcome == .notTolerated)
        #expect(result.plan.schedule.stopDate == DecisionBench.d("2026-04-03"))
        #expect(result.plan.step(on: DecisionBench.d("2026-04-05"))?.administrations.isEmpty == true)
    }

    @Test func stopGabapentinFromItsFirstDoseStillTapersAWeek() throws {
        // Day 1 of gabapentin: 300 mg at night. 300 − 300 = 0, so one step at half the dose, as
        // made: 100 mg (150 cannot be made), lasting the 7-day minimum; stop on 03-09.
        let bench = try DecisionBench("gabapentin", start: "2026-03-02")
        let result = try bench.decide(request(.stop) { $0.outcome = .patientChoice }, on: "2026-03-02")
        #expect(dated(result.taper!.steps) == ["2026-03-02 100"])
        #expect(doses(result.taper!.steps.first) == ["22:00 100"])
        #expect(result.taper?.stopDate == DecisionBench.d("2026-03-09"))
    }

    @Test func abruptStopNeedsAReasonAndIsRecorded() throws {
        var bench = try amitriptyline()
        #expect { _ = try bench.decide(request(.stop) { $0.outcome = .notTolerated; $0.abrupt = true }, on: "2026-03-18") } throws: {
            ($0 as? PainLadderError).map { flagged($0).contains("--override-reason") } ?? false
        }
        let result = try bench.decide(request(.stop) {
            $0.outcome = .notTolerated; $0.abrupt = true; $0.overrideReason = "palpitations and fainting"
        }, on: "2026-03-18")
        #expect(result.courseStatus == .stopped)
        #expect(result.taper?.abrupt == true && result.taper?.steps.isEmpty == true)
        #expect(result.plan.overrides.map(\.limit) == ["taper"])
        #expect(result.plan.step(on: DecisionBench.d("2026-03-18"))?.administrations.isEmpty == true)

        // With every course stopped, refer is still recorded, the plan unchanged.
        bench.apply(result)
        let referral = try bench.decide(request(.refer) { $0.reason = "all four first-line drugs failed" }, on: "2026-03-25")
        #expect(referral.plan.decision?.kind == .refer)
        #expect(referral.plan.schedule == result.plan.schedule)
        #expect(referral.courseStatus == .stopped)
        #expect(referral.plan.nextReviewDate == DecisionBench.d("2026-05-20"))
        // Nothing but refer on a stopped course.
        #expect(throws: PainLadderError.self) { _ = try bench.decide(request(.continue), on: "2026-03-25") }
    }

    @Test func aTaperingCourseOnlyStopsAbruptlySwitchesOrRefers() throws {
        var bench = try amitriptyline()
        bench.apply(try bench.decide(request(.stop) { $0.outcome = .notEffective }, on: "2026-03-18"))
        for kind in [Decision.Kind.continue, .hold, .reduce, .increase, .stop] {
            #expect(throws: PainLadderError.self, "\(kind)") {
                _ = try bench.decide(request(kind) { if kind == .stop { $0.outcome = .notEffective } }, on: "2026-03-20")
            }
        }
        // A switch keeps the taper decided earlier (30 → 20 from 03-18 … stop) and starts the new drug after it.
        let switched = try bench.decide(request(.switch) { $0.switchTo = "pregabalin" }, on: "2026-03-20")
        #expect(switched.outcome == .notEffective)
        #expect(switched.newCourse?.startDate == bench.plan.schedule.stopDate)
    }

    @Test func inputChecks() throws {
        let bench = try amitriptyline()
        let cases: [(DecisionRequest, String)] = [
            (request(.hold) { $0.reason = "  " }, "--reason"),
            (request(.hold) { $0.by = "" }, "--by"),
            (request(.hold) { $0.outcome = .effective }, "--outcome"),
            (request(.stop), "--outcome"),
            (request(.hold) { $0.nextReview = DecisionBench.d("2026-03-01") }, "--next-review"),
            (request(.hold) { $0.doseMg = 10 }, "--dose"),
            (request(.hold) { $0.abrupt = true; $0.overrideReason = "x" }, "--abrupt"),
            (request(.reduce) { $0.overrides = [.minimumInterval]; $0.overrideReason = "x" }, "--override"),
            (request(.increase) { $0.overrides = [.minimumInterval] }, "--override-reason"),
            (request(.automaticHold), "decision"),
            (request(.hold) { $0.overrideReason = "just in case" }, "--override-reason"),
        ]
        for (r, field) in cases {
            do {
                _ = try bench.decide(r, on: "2026-03-18")
                Issue.record("expected a refusal naming \(field)")
            } catch {
                #expect(flagged(error).contains(field), "\(error)")
            }
        }
        // The clinician's own review date wins.
        let r = try bench.decide(request(.hold) { $0.nextReview = DecisionBench.d("2026-03-25") }, on: "2026-03-18")
        #expect(r.plan.nextReviewDate == DecisionBench.d("2026-03-25"))
    }
}

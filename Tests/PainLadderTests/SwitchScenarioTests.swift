import Foundation
import Testing
@testable import PainLadder

/// Issue 4's switch scenarios through the pure core, on the shipped formulary. Every
/// expected date and dose is worked out by hand from Data/formulary (the taper and titration
/// rules quoted in each test), never copied from output.
@Suite("Decisions: switching")
struct SwitchScenarioTests {
    // Amitriptyline standard: 10 mg at 22:00, +10 mg every 7 days: 10 (03-02), 20 (03-09), 30 (03-16) …
    // Not tolerated at 20 mg in week 2 (decided 2026-03-11, day 10).
    @Test func amitriptylineNotToleratedInWeekTwoToPregabalin() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-03-02")
        let result = try bench.decide(request(.switch) {
            $0.switchTo = "pregabalin"; $0.outcome = .notTolerated; $0.reason = "drowsy at 20 mg"
        }, on: "2026-03-11")

        // Used 9 days (< 56: the short-use rule): at least 14 days. From 20 mg, down by at most
        // 10 mg → 10 mg; then 0. One 7-day step is under 14 days, so it lasts 14: stop 03-25.
        let taper = try #require(result.taper)
        #expect(taper.longUse == false)
        #expect(taper.minimumDays == 14)
        #expect(dated(taper.steps) == ["2026-03-11 10"])
        #expect(doses(taper.steps.first) == ["22:00 10"])
        #expect(taper.stopDate == DecisionBench.d("2026-03-25"))
        #expect(taper.days == 14)

        // The old course's new version: lived steps, the taper, the stop.
        #expect(result.plan.version == 2 && result.plan.replacesID == 10 && result.plan.courseID == 1)
        #expect(result.plan.effectiveFrom == DecisionBench.d("2026-03-11"))
        #expect(dated(result.plan.schedule.plannedSteps) == ["2026-03-02 10", "2026-03-09 20", "2026-03-11 10", "2026-03-25 stop"])
        #expect(result.courseStatus == .tapering && result.outcome == .notTolerated)
        #expect(result.plan.decision?.kind == .switch)
        #expect(result.plan.decision?.details["mode"] == "sequential")

        // Pregabalin, sequential: starts on the stop date at the standard 150 mg/day as 75 mg
        // twice daily; 300 mg/day 7 days later; early review 14 days after the start.
        let course = try #require(result.newCourse)
        let plan = try #require(result.newPlan)
        #expect(course.drug == "pregabalin" && course.startDate == DecisionBench.d("2026-03-25"))
        #expect(course.variant == "standard" && plan.schedule.renalBand == nil)
        #expect(doses(plan.schedule.plannedSteps.first) == ["08:00 75", "20:00 75"])
        #expect(dated(plan.schedule.plannedSteps) == ["2026-03-25 150", "2026-04-01 300"])
        #expect(plan.nextReviewDate == DecisionBench.d("2026-04-08"))
        #expect(plan.decision?.warnings == result.plan.decision?.warnings)
    }

    @Test func pregabalinStartsAtTheRenalBandDoseForCreatinineClearance45() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-03-02", patient: DecisionBench.patient(crCl: 45))
        let result = try bench.decide(request(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notTolerated }, on: "2026-03-11")
        // CrCl 45 is in the 30 to <60 band: start 75 mg/day once (evening, 20:00), max 300 mg/day [S33, S34].
        let plan = try #require(result.newPlan)
        #expect(plan.schedule.renalBand == "CrCl 30 to <60 mL/min")
        #expect(plan.schedule.maximumDailyDose.value == 300)
        #expect(doses(plan.schedule.plannedSteps.first) == ["20:00 75"])
        #expect(plan.schedule.plannedSteps.first?.startDate == DecisionBench.d("2026-03-25"))
    }

    // Gabapentin standard: 300 mg (01-05, 1 day), 600 (01-06, 1 day), 900 (01-07), then +300 mg
    // every 3 days: 1200 (01-10), 1500 (01-13), 1800 (01-16, the usual target). Decided 2026-03-02.
    @Test func gabapentinNotEffectiveAt1800ToPregabalinSequentialShowsTheConversion() throws {
        let bench = try DecisionBench("gabapentin", start: "2026-01-05")
        #expect(bench.plan.step(on: DecisionBench.d("2026-03-02"))?.dailyTotal == 1800)
        let result = try bench.decide(request(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notEffective }, on: "2026-03-02")

        // Taper: down by at most 300 mg every 4 days from 1800 → 1500 … 300, then stop (20 days ≥ 7).
        let taper = try #require(result.taper)
        #expect(dated(taper.steps) == ["2026-03-02 1500", "2026-03-06 1200", "2026-03-10 900", "2026-03-14 600", "2026-03-18 300"])
        #expect(doses(taper.steps.first) == ["08:00 500", "14:00 500", "22:00 500"])
        #expect(taper.stopDate == DecisionBench.d("2026-03-22"))

        // Toth table read backwards: gabapentin 1,800 lies in 1,501–2,100, which is pregabalin 300 mg/day; unconfirmed.
        let conversion = try #require(result.conversion)
        #expect(conversion.fromMg == 1800 && conversion.toMg == 300 && conversion.row?.fromMg == 300)
        #expect(conversion.table.rows.status == .unconfirmed)
        #expect(conversion.table.rows.sources == ["S44", "S45", "S46"])
        #expect(conversion.usedForDose == false)
        #expect(result.plan.decision?.details["conversion"]?.contains("unconfirmed") == true)

        // Sequential: pregabalin starts at its standard 150 mg/day when gabapentin has stopped.
        #expect(result.newCourse?.startDate == DecisionBench.d("2026-03-22"))
        #expect(result.newPlan?.schedule.plannedSteps.first?.dailyTotal == 150)
        // The pair's warning (no national consensus; check renal and respiratory risk) is recorded.
        #expect(result.decision.warnings.contains { $0.rule == "gabapentinoid-switch-no-consensus" })
    }

    @Test func gabapentinToPregabalinDirectUsesTheConvertedDose() throws {
        let bench = try DecisionBench("gabapentin", start: "2026-01-05")
        let result = try bench.decide(request(.switch) {
            $0.switchTo = "pregabalin"; $0.outcome = .notEffective; $0.mode = .direct
        }, on: "2026-03-02")
        // Last gabapentin dose today; pregabalin from tomorrow at 300 mg/day (150 mg twice daily),
        // its usual target, with 600 mg/day above it for a later decision.
        #expect(result.taper?.steps.isEmpty == true)
        #expect(result.taper?.stopDate == DecisionBench.d("2026-03-03"))
        #expect(Array(dated(result.plan.schedule.plannedSteps).suffix(2)) == ["2026-01-16 1800", "2026-03-03 stop"])
        let plan = try #require(result.newPlan)
        #expect(plan.effectiveFrom == DecisionBench.d("2026-03-03"))
        #expect(doses(plan.schedule.plannedSteps.first) == ["08:00 150", "20:00 150"])
        #expect(plan.schedule.steps.map(\.dailyTotal) == [300, 600])
        #expect(plan.schedule.steps.map(\.beyondTarget) == [false, true])
        #expect(result.conversion?.usedForDose == true)
    }

    @Test func gabapentinToPregabalinCrossTaperIsRefused() throws {
        let bench = try DecisionBench("gabapentin", start: "2026-01-05")
        #expect {
            _ = try bench.decide(request(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notEffective; $0.mode = .crossTaper },
                                 on: "2026-03-02")
        } throws: { error in
            guard case let .notPossible(message) = error as? PainLadderError else { return false }
            return message.contains("gabapentinoid") && message.contains("--direct") && message.contains("S44")
        }
    }

    // Amitriptyline from 2026-01-05: 50 mg from 02-02. Decided 2026-03-16, after 70 days (10 weeks).
    @Test func amitriptylineTenWeeksToDuloxetineByCrossTaper() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-01-05")
        let result = try bench.decide(request(.switch) {
            $0.switchTo = "duloxetine"; $0.outcome = .notEffective; $0.mode = .crossTaper
        }, on: "2026-03-16")

        // 70 days ≥ 56: at least 28 days. 50 → 40 → 30 → 20 → 10, 7 days each: 28 days, stop 04-13.
        let taper = try #require(result.taper)
        #expect(taper.longUse == true && taper.minimumDays == 28)
        #expect(dated(taper.steps) == ["2026-03-16 40", "2026-03-23 30", "2026-03-30 20", "2026-04-06 10"])
        #expect(taper.stopDate == DecisionBench.d("2026-04-13"))
        #expect(taper.days >= 28)

        // Duloxetine starts low on day 1 of the taper: 30 mg in the morning, held there until
        // amitriptyline is at least halved (50 → 20 mg ≤ 25 mg on 03-30), then 60 mg: not a
        // week later (03-23) while amitriptyline is still 30 mg.
        let plan = try #require(result.newPlan)
        #expect(result.newCourse?.startDate == DecisionBench.d("2026-03-16"))
        #expect(doses(plan.schedule.plannedSteps.first) == ["08:00 30"])
        #expect(dated(plan.schedule.plannedSteps) == ["2026-03-16 30", "2026-03-30 60"])
        #expect(result.decision.details["newStepUpFrom"] == "2026-03-30")

        // The serotonin syndrome and CYP2D6 warning [S27, S30] is recorded on both courses; the
        // cross-taper advice [S47] is the pair's guidance, not the warning's.
        let warning = try #require(result.decision.warnings.first { $0.rule == "duloxetine-amitriptyline" })
        #expect(warning.message.contains("serotonin syndrome") && warning.message.contains("CYP2D6"))
        #expect(warning.sources == ["S27", "S30"])
        #expect(!warning.message.lowercased().contains("cross-taper"))
        #expect(result.decision.warnings.contains { $0.rule == "amitriptyline-duloxetine" })
        #expect(result.plan.decision?.warnings.contains(warning) == true)
        #expect(plan.decision?.warnings.contains(warning) == true)
        #expect(result.guidance?.sources == ["S47"])
    }

    // Sequential: duloxetine starts on 04-13, the first day without amitriptyline, well within
    // the 14 days amitriptyline can still act (switching.json): the interaction still applies.
    @Test func sequentialAmitriptylineToDuloxetineKeepsTheInteractionWarning() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-01-05")
        let result = try bench.decide(request(.switch) { $0.switchTo = "duloxetine"; $0.outcome = .notEffective }, on: "2026-03-16")
        #expect(result.newCourse?.startDate == DecisionBench.d("2026-04-13"))
        let warning = try #require(result.decision.warnings.first { $0.rule == "duloxetine-amitriptyline" })
        #expect(warning.message.contains("serotonin syndrome"))
        #expect(result.decision.warnings.contains { $0.rule == "amitriptyline-duloxetine" })
        // The cross-taper advice is not given for a sequential switch.
        #expect(result.guidance == nil)
    }

    // Sequential amitriptyline → pregabalin: pregabalin starts 04-13, the first day without
    // amitriptyline, within the 14 days it still acts: the sedation warning applies although
    // the plans do not overlap in time.
    @Test func sequentialAmitriptylineToPregabalinWarnsOfSedation() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-01-05")
        let result = try bench.decide(request(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notEffective }, on: "2026-03-16")
        #expect(result.newCourse?.startDate == DecisionBench.d("2026-04-13"))
        let warning = try #require(result.decision.warnings.first { $0.rule == "tca-gabapentinoid-sedation" })
        #expect(warning.message.contains("can both act"))
        #expect(result.guidance == nil)
    }

    // Gabapentin → duloxetine cross-taper: duloxetine 60 mg waits until gabapentin is halved [S12, S13].
    @Test func gabapentinToDuloxetineWaitsForTheHalvedDose() throws {
        let bench = try DecisionBench("gabapentin", start: "2026-01-05")
        let result = try bench.decide(request(.switch) { $0.switchTo = "duloxetine"; $0.outcome = .notTolerated; $0.mode = .crossTaper },
                                      on: "2026-03-02")
        // 1800 → 1500 (03-02), 1200 (03-06), 900 (03-10): 900 ≤ 50% of 1800 from 03-10, so
        // duloxetine 60 mg moves from 03-09 (a week after 30 mg) to 03-10.
        #expect(dated(result.newPlan!.schedule.plannedSteps) == ["2026-03-02 30", "2026-03-10 60"])
        #expect(result.plan.decision?.details["newStepUpFrom"] == "2026-03-10")
    }

    @Test func withAnOpioidTheGabapentinoidCautionIsRecorded() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-03-02", patient: DecisionBench.patient(medicines: ["tramadol"]))
        let result = try bench.decide(request(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notTolerated }, on: "2026-03-11")
        #expect(result.decision.warnings.contains { $0.rule == "pregabalin-opioids-cns-depressants" })
    }

    @Test func refusesADrugTriedAndFailedUnlessOverridden() throws {
        var bench = try DecisionBench("amitriptyline", start: "2026-03-02")
        bench.courses.insert(Course(id: 0, patientID: "P1", drug: "pregabalin", variant: "standard",
                                    startDate: DecisionBench.d("2025-10-01"), status: .stopped, outcome: .notTolerated,
                                    createdAt: DecisionBench.noon("2025-10-01"), createdBy: "Dr Old"), at: 0)
        let plain = request(.switch) { $0.switchTo = "pregabalin"; $0.outcome = .notTolerated }
        #expect { _ = try bench.decide(plain, on: "2026-03-11") } throws: { error in
            guard case let .notPossible(message) = error as? PainLadderError else { return false }
            return message.contains("already tried") && message.contains("not-tolerated") && message.contains("--override tried-before")
        }
        var overridden = plain
        overridden.overrides = [.triedBefore]
        overridden.overrideReason = "first trial was at a high starting dose"
        let result = try bench.decide(overridden, on: "2026-03-11")
        #expect(result.newPlan?.overrides.map(\.limit) == ["triedBefore:pregabalin"])
        #expect(result.newPlan?.overrides.first?.reason == "first trial was at a high starting dose")
    }

    @Test func refusesARuledOutDrugUnlessOverridden() throws {
        // CrCl 25: duloxetine is contraindicated below 30 mL/min (hard stop) [S25, S24].
        let bench = try DecisionBench("amitriptyline", start: "2026-03-02", patient: DecisionBench.patient(crCl: 25))
        let plain = request(.switch) { $0.switchTo = "duloxetine"; $0.outcome = .notTolerated }
        #expect { _ = try bench.decide(plain, on: "2026-03-11") } throws: { error in
            guard case let .notPossible(message) = error as? PainLadderError else { return false }
            return message.contains("duloxetine-crcl-below-30") && message.contains("--override ruled-out")
        }
        var overridden = plain
        overridden.overrides = [.ruledOut]
        overridden.overrideReason = "renal physician agrees"
        let result = try bench.decide(overridden, on: "2026-03-11")
        #expect(result.newPlan?.overrides.map(\.limit) == ["hardStop:duloxetine-crcl-below-30"])
        #expect(result.decision.warnings.contains { $0.kind == .hardStop && $0.rule == "duloxetine-crcl-below-30" })
    }

    @Test func badSwitchInputs() throws {
        let bench = try DecisionBench("amitriptyline", start: "2026-03-02")
        let cases: [(DecisionRequest, String)] = [
            (request(.switch) { $0.switchTo = "amitriptyline"; $0.outcome = .notTolerated }, "switch"),
            (request(.switch) { $0.switchTo = "pregabalin" }, "--outcome"),
            (request(.switch) { $0.switchTo = "ibuprofen"; $0.outcome = .notTolerated }, "ibuprofen"),
            (request(.switch) { $0.switchTo = "duloxetine"; $0.outcome = .notTolerated; $0.mode = .direct }, "--direct"),
            (request(.switch) { $0.switchTo = "duloxetine"; $0.outcome = .notTolerated; $0.overrides = [.ruledOut]; $0.overrideReason = "x" },
             "--override"),
        ]
        for (r, field) in cases {
            #expect(throws: PainLadderError.self) { _ = try bench.decide(r, on: "2026-03-11") }
            do { _ = try bench.decide(r, on: "2026-03-11") } catch { #expect(flagged(error).contains(field), "\(error)") }
        }
    }
}

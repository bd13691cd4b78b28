import Testing
@testable import FormularyData
@testable import PainLadder

/// Issue 12 items 1–4 in the core, against hand-worked values and the bundled formulary.
@Suite struct PatientSafetyTests {
    let formulary: Formulary
    init() throws { formulary = try FormularyLoader.bundled() }
    let start = Fixtures.d("2026-03-02")

    func patient(born: String, sex: Patient.Sex = .female, _ change: (inout Patient) -> Void = { _ in }) -> Patient {
        var p = Patient(id: "T", birthDate: Fixtures.d(born), sex: sex, timeZone: "Europe/London",
                        diagnosis: "diabetic-peripheral-neuropathy")
        change(&p)
        return p
    }

    @Test func dosingWeightByHand() {
        let rule = DosingWeightRule(idealUpToPercent: 120, adjustedFraction: 0.4)
        // Man, 175 cm: IBW 50 + 2.3 × (68.898 − 60) = 70.465 kg; 150 kg is above 120 % (84.56): adjusted
        // 70.465 + 0.4 × 79.535 = 102.279 kg.
        let heavy = rule.weight(actualKg: 150, heightCm: 175, sex: .male)
        #expect(heavy.kind == .adjusted && abs(heavy.kg - 102.279) < 0.001 && abs(heavy.idealKg! - 70.465) < 0.001)
        // Woman, 160 cm: IBW 45.5 + 2.3 × (62.992 − 60) = 52.382 kg; 60 kg is within 120 % (62.86): ideal.
        let near = rule.weight(actualKg: 60, heightCm: 160, sex: .female)
        #expect(near.kind == .ideal && abs(near.kg - 52.382) < 0.001)
        // 50 kg is below ideal: actual.
        #expect(rule.weight(actualKg: 50, heightCm: 160, sex: .female) == DosingWeight(kg: 50, kind: .actual, idealKg: near.idealKg))
    }

    @Test func renalEstimateUsesTheFormularysRuleAndMeasuredWins() throws {
        var p = patient(born: "1966-01-01", sex: .male) {
            $0.weightKg = 150
            $0.serumCreatinine = SerumCreatinine(value: 150, unit: .micromolPerLitre)
        }
        // No height: actual weight, 80 × 150 × 1.23 / 150 = 98.4.
        #expect(abs(try #require(p.creatinineClearance(on: start, in: formulary)) - 98.4) < 1e-9)
        p.heightCm = 175
        // 80 × 102.279 × 1.23 / 150 = 67.095.
        let estimate = try #require(p.renalEstimate(on: start, in: formulary))
        #expect(abs(estimate.crCl - 67.095) < 0.001 && estimate.weight?.kind == .adjusted)
        p.creatinineClearance = 30
        #expect(p.renalEstimate(on: start, in: formulary) == RenalEstimate(crCl: 30, weight: nil))
    }

    @Test func frailAtCrCl45TakesTheCautiousPregabalinPlan() throws {
        let p = patient(born: "1943-06-01") { $0.frail = true; $0.creatinineClearance = 45 }
        let s = try ScheduleBuilder.build(formulary: formulary, drugID: "pregabalin", variantID: nil, patient: p,
                                          startDate: start, times: nil)
        // Elderly 50/100/150/300 every 7 days (minimum 7) against the band's 75/150/300 (minimum 3): the lower
        // dose and the longer interval at each step; maximum 300 (band), target 150 (band).
        #expect(s.steps.map(\.dailyTotal) == [50, 100, 150, 300])
        #expect(s.steps.map(\.startDate) == ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"].map(Fixtures.d))
        #expect(s.steps.map(\.minimumDays) == [7, 7, 7, 7])
        #expect(s.steps.map(\.beyondTarget) == [false, false, false, true])
        #expect(s.maximumDailyDose.value == 300 && s.usualTarget.value == 150)
        #expect(s.steps[0].administrations.map(\.doseMg) == [25, 25])
    }

    @Test func slowGabapentinNeverFasterThanStandard() throws {
        let gabapentin = try formulary.drug("gabapentin")
        let slow = try #require(gabapentin.variant("elderly")).daysBetweenSteps.value
        let standard = try #require(gabapentin.variant("standard")).daysBetweenSteps.value
        #expect(slow.minimum >= standard.minimum && slow.usual >= standard.usual)
    }

    @Test func childRefusedUnlessOverridden() throws {
        let child = patient(born: "2013-09-10") { $0.creatinineClearance = 100 }
        #expect(throws: PainLadderError.self) {
            try ScheduleBuilder.build(formulary: formulary, drugID: "pregabalin", variantID: nil, patient: child,
                                      startDate: start, times: nil)
        }
        let s = try ScheduleBuilder.build(formulary: formulary, drugID: "pregabalin", variantID: nil, patient: child,
                                          startDate: start, times: nil, overrides: [.age])
        #expect(s.standingNotices.map(\.rule) == ["override:adults-only"])
        // 18 on the start date is an adult.
        let adult = patient(born: "2008-03-02") { $0.creatinineClearance = 100 }
        #expect(try ScheduleBuilder.build(formulary: formulary, drugID: "pregabalin", variantID: nil, patient: adult,
                                          startDate: start, times: nil).standingNotices.isEmpty)
    }

    @Test func unknownKidneyFunction() throws {
        let old = patient(born: "1940-01-01")
        for drug in ["gabapentin", "pregabalin", "duloxetine"] {
            do {
                _ = try ScheduleBuilder.build(formulary: formulary, drugID: drug, variantID: nil, patient: old, startDate: start, times: nil)
                Issue.record("\(drug) started with kidney function unknown")
            } catch let PainLadderError.hardStop(_, rule, _, sources) {
                #expect(rule == "renal-function-unknown" && !sources.isEmpty)
            }
        }
        // Acknowledged, 86: pregabalin within the lowest band (below 15: maximum 75, 25 → 50 → 75 once daily).
        let s = try ScheduleBuilder.build(formulary: formulary, drugID: "pregabalin", variantID: nil, patient: old,
                                          startDate: start, times: nil, overrides: [.kidneyFunctionUnknown])
        #expect(s.maximumDailyDose.value == 75 && s.steps.map(\.dailyTotal) == [25, 50, 75])
        #expect(s.standingNotices.map(\.rule) == [RenalPrecondition.cappedRule])
        // Acknowledged, 40 and not frail: the standard plan, with the caution only.
        let young = patient(born: "1986-01-01")
        let y = try ScheduleBuilder.build(formulary: formulary, drugID: "pregabalin", variantID: nil, patient: young,
                                          startDate: start, times: nil, overrides: [.kidneyFunctionUnknown])
        #expect(y.maximumDailyDose.value == 600 && y.standingNotices.isEmpty)
        #expect(y.cautions.contains { $0.rule == "renal-function-unknown" })
    }

    @Test func weightChoiceWarningOnlyWhereTheBandCanChange() throws {
        let gabapentin = try formulary.drug("gabapentin")
        let heavy = patient(born: "1966-01-01", sex: .male) {
            $0.weightKg = 150
            $0.serumCreatinine = SerumCreatinine(value: 150, unit: .micromolPerLitre)
        }
        let warning = try #require(WeightChoiceCheck.finding(gabapentin, patient: heavy, on: start, in: formulary))
        #expect(warning.message.contains("58–91 mL/min"), "\(warning.message)")
        // With a measured clearance or a height the choice is made: no warning.
        var measured = heavy
        measured.creatinineClearance = 98
        #expect(WeightChoiceCheck.finding(gabapentin, patient: measured, on: start, in: formulary) == nil)
        var tall = heavy
        tall.heightCm = 175
        #expect(WeightChoiceCheck.finding(gabapentin, patient: tall, on: start, in: formulary) == nil)
    }
}

import Testing
@testable import PainLadder

/// The engine on small in-code formularies; every expected row is worked out by hand.
@Suite struct ScheduleBuilderTests {
    let start = Fixtures.d("2026-03-02")

    func build(_ drug: String, variant: String? = nil, _ p: Patient = Fixtures.patient(crCl: 90),
               times: [String]? = nil, formulary: Formulary = Fixtures.formulary(),
               alsoTaking: [String] = []) throws -> Schedule {
        try ScheduleBuilder.build(formulary: formulary, drugID: drug, variantID: variant, patient: p,
                                  startDate: start, times: times?.map(Fixtures.t), alsoTaking: alsoTaking)
    }

    @Test func gabapentinStandard() throws {
        let s = try build("gabapentin")
        let expected = [
            Row("2026-03-02", ["22:00 300"]),
            Row("2026-03-03", ["08:00 300", "22:00 300"]),
            Row("2026-03-04", ["08:00 300", "14:00 300", "22:00 300"]),
            Row("2026-03-07", ["08:00 400", "14:00 400", "22:00 400"]),
            Row("2026-03-10", ["08:00 500", "14:00 500", "22:00 500"]),
            Row("2026-03-13", ["08:00 600", "14:00 600", "22:00 600"]),
            Row("2026-03-16", ["08:00 700", "14:00 700", "22:00 700"], beyond: true),
            Row("2026-03-19", ["08:00 800", "14:00 800", "22:00 800"], beyond: true),
            Row("2026-03-22", ["08:00 900", "14:00 900", "22:00 900"], beyond: true),
            Row("2026-03-25", ["08:00 1000", "14:00 1000", "22:00 1000"], beyond: true),
            Row("2026-03-28", ["08:00 1100", "14:00 1100", "22:00 1100"], beyond: true),
            Row("2026-03-31", ["08:00 1200", "14:00 1200", "22:00 1200"], beyond: true),
        ]
        #expect(s.steps.map(Row.init) == expected)
        #expect(s.steps.map(\.number) == Array(1...12))
        #expect(s.steps.map(\.minimumDays) == [1, 1] + Array(repeating: 2, count: 10))
        #expect(s.maximumDailyDose.value == 3600 && s.maximumDailyDose.sources == ["SD"])
        #expect(s.usualTarget.value == 1800)
        #expect(s.variant == "standard" && s.renalBand == nil && s.cautions.isEmpty && !s.offLabel)
        // 500 mg is made as 1 × 400 + 1 × 100.
        #expect(s.steps[4].administrations[0].units == [UnitCount(strength: Strength(mg: 400, form: "capsule"), count: 1),
                                                        UnitCount(strength: Strength(mg: 100, form: "capsule"), count: 1)])
    }

    @Test func gabapentinElderlyForFrailPatient() throws {
        var p = Fixtures.patient(crCl: 90)
        p.frail = true
        let s = try build("gabapentin", p)
        #expect(s.variant == "elderly")
        #expect(Array(s.steps.prefix(6).map(Row.init)) == [
            Row("2026-03-02", ["22:00 100"]),
            Row("2026-03-09", ["08:00 100", "22:00 100"]),
            Row("2026-03-16", ["08:00 100", "14:00 100", "22:00 100"]),
            Row("2026-03-23", ["08:00 100", "14:00 100", "22:00 200"]),
            Row("2026-03-30", ["08:00 100", "14:00 200", "22:00 200"]),
            Row("2026-04-06", ["08:00 200", "14:00 200", "22:00 200"]),
        ])
        // 900 is the target (step 9, 2026-04-27); then 1000 … 1800 beyond it: 18 steps in all.
        #expect(s.steps.count == 18)
        #expect(s.steps[8].dailyTotal == 900 && !s.steps[8].beyondTarget && s.steps[8].startDate == Fixtures.d("2026-04-27"))
        #expect(s.steps[9].beyondTarget)
        #expect(s.steps.last?.dailyTotal == 1800 && s.steps.last?.startDate == Fixtures.d("2026-06-29"))
        // The elderly variant's own maximum (1800, local) wins over the drug's 3600.
        #expect(s.maximumDailyDose.value == 1800 && s.maximumDailyDose.status == .local)
    }

    @Test func localCapLimitsTheSchedule() throws {
        let cap = Sourced<Milligrams>(1800, sources: ["S12"], status: .local)
        let s = try build("gabapentin", formulary: Fixtures.formulary(localCaps: ["gabapentin": cap]))
        #expect(s.steps.map(\.dailyTotal) == [300, 600, 900, 1200, 1500, 1800])
        #expect(s.steps.allSatisfy { !$0.beyondTarget })
        #expect(s.maximumDailyDose.value == 1800 && s.maximumDailyDose.sources == ["S12"])
    }

    @Test func pregabalinNormalRenalFunction() throws {
        let s = try build("pregabalin")
        #expect(s.steps.map(Row.init) == [
            Row("2026-03-02", ["08:00 75", "20:00 75"]),
            Row("2026-03-09", ["08:00 150", "20:00 150"]),
            Row("2026-03-16", ["08:00 300", "20:00 300"], beyond: true),
        ])
        #expect(s.renalBand == ">=60")
        // A tie between the drug's 600 and the band's 600 keeps the drug's limit.
        #expect(s.maximumDailyDose.value == 600 && s.maximumDailyDose.sources == ["SD"])
    }

    @Test func pregabalinBandWithItsOwnTitration() throws {
        let s = try build("pregabalin", Fixtures.patient(crCl: 45))
        #expect(s.renalBand == "30-60")
        #expect(s.steps.map(Row.init) == [
            Row("2026-03-02", ["08:00 25", "20:00 50"]),
            Row("2026-03-09", ["08:00 75", "20:00 75"]),
            Row("2026-03-16", ["08:00 150", "20:00 150"], beyond: true),
        ])
        #expect(s.maximumDailyDose.value == 300 && s.maximumDailyDose.sources == ["SB"])
        #expect(s.usualTarget.value == 150)
    }

    @Test func pregabalinLowBandsCapTheDose() throws {
        let low = try build("pregabalin", Fixtures.patient(crCl: 25))
        #expect(low.steps.map(Row.init) == [Row("2026-03-02", ["08:00 75", "20:00 75"])])
        #expect(low.usualTarget.value == 150 && low.usualTarget.sources == ["SB"])
        let veryLow = try build("pregabalin", Fixtures.patient(crCl: 10))
        // The 150 mg/day first step is above the 75 mg/day band maximum: one partial step at 75.
        #expect(veryLow.steps.map(Row.init) == [Row("2026-03-02", ["08:00 25", "20:00 50"])])
    }

    @Test func amitriptylineUpToSeventyFive() throws {
        let s = try build("amitriptyline")
        #expect(s.steps.map(Row.init) == [
            Row("2026-03-02", ["22:00 10"]),
            Row("2026-03-09", ["22:00 20"]),
            Row("2026-03-16", ["22:00 30"]),
            Row("2026-03-23", ["22:00 40"]),
            Row("2026-03-30", ["22:00 50"]),
            Row("2026-04-06", ["22:00 60"], beyond: true),
            Row("2026-04-13", ["22:00 70"], beyond: true),
            Row("2026-04-20", ["22:00 75"], beyond: true),
        ])
        #expect(s.steps.last?.administrations.first?.instruction == "75 mg: 1 × 50 mg tablet + 1 × 25 mg tablet at 22:00")
    }

    @Test func duloxetineMorningThenSplitAtTheTop() throws {
        let s = try build("duloxetine")
        #expect(s.steps.map(Row.init) == [
            Row("2026-03-02", ["08:00 30"]),
            Row("2026-03-09", ["08:00 60"]),
            Row("2026-03-16", ["08:00 60", "20:00 60"], beyond: true),
        ])
    }

    @Test func callerTimesAreUsed() throws {
        let s = try build("gabapentin", times: ["07:30", "13:00", "21:30"])
        #expect(Row(s.steps[0]).doses == ["21:30 300"])
        #expect(Row(s.steps[1]).doses == ["07:30 300", "21:30 300"])
        let a = try build("amitriptyline", times: ["21:00"])
        #expect(a.steps.allSatisfy { $0.administrations.map(\.time) == [Fixtures.t("21:00")] })
    }

    @Test func tooFewOrUnorderedTimesAreRefused() {
        #expect(throws: PainLadderError.self) { try build("gabapentin", times: ["22:00"]) }
        do {
            _ = try build("gabapentin", times: ["08:00", "22:00"])
            Issue.record("expected an error")
        } catch let PainLadderError.invalidValue(field, given, allowed) {
            #expect(field == .times && given == "08:00,22:00")
            #expect(allowed.contains("gabapentin needs 3 administrations a day"))
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try build("gabapentin", times: ["22:00", "14:00", "08:00"])
            Issue.record("expected an error")
        } catch let PainLadderError.invalidValue(field, _, allowed) {
            #expect(field == .times && allowed.contains("increasing"))
        } catch { Issue.record("unexpected \(error)") }
        // Duloxetine needs two times only because 120 mg/day is split.
        #expect(throws: PainLadderError.self) { try build("duloxetine", times: ["08:00"]) }
    }

    @Test func unknownDrugAndVariant() {
        #expect(throws: PainLadderError.unknownDrug("ibuprofen", known: ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])) {
            try build("ibuprofen")
        }
        #expect(throws: PainLadderError.invalidValue(field: .variant, given: "fast", allowed: "standard, elderly")) {
            try build("gabapentin", variant: "fast")
        }
        // Drug ids are case-insensitive.
        #expect((try? build("Gabapentin"))?.drug == "gabapentin")
    }

    @Test func frailWithoutElderlyVariantUsesStandard() throws {
        var p = Fixtures.patient(crCl: 90)
        p.frail = true
        #expect(try build("amitriptyline", p).variant == "standard")
        #expect(try build("gabapentin", variant: "standard", p).variant == "standard")
    }

    @Test func hardStopsAreThrownNamingTheRule() {
        #expect(throws: PainLadderError.hardStop(drug: "duloxetine", rule: "duloxetine-crcl-below-30",
                                                 message: "rule duloxetine-crcl-below-30", sources: ["SR"])) {
            try build("duloxetine", Fixtures.patient(crCl: 25))
        }
        #expect(throws: PainLadderError.hardStop(drug: "amitriptyline", rule: "amitriptyline-heart-block",
                                                 message: "rule amitriptyline-heart-block", sources: ["SR"])) {
            try build("amitriptyline", Fixtures.patient(crCl: 90, conditions: ["heart-block"]))
        }
        #expect(throws: PainLadderError.hardStop(drug: "gabapentin", rule: "gabapentin-with-pregabalin",
                                                 message: "rule gabapentin-with-pregabalin", sources: ["SR"])) {
            try build("gabapentin", alsoTaking: ["pregabalin"])
        }
        for drug in ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"] {
            #expect(throws: PainLadderError.hardStop(drug: drug, rule: "trigeminal-neuralgia",
                                                     message: "rule trigeminal-neuralgia", sources: ["SR"])) {
                try build(drug, Fixtures.patient(diagnosis: "trigeminal-neuralgia", crCl: 90))
            }
        }
    }

    @Test func cautionsAndOffLabelAreRecorded() throws {
        let s = try build("gabapentin", Fixtures.patient(diagnosis: "central-post-stroke-pain", crCl: 90, medicines: ["tramadol"]))
        #expect(s.cautions.map(\.rule) == ["gabapentinoid-with-opioid"])
        #expect(s.offLabel)
        let unknownRenal = try build("pregabalin", Fixtures.patient())
        #expect(unknownRenal.cautions.map(\.rule) == [SafetyEvaluator.renalFunctionUnknownRule])
        #expect(unknownRenal.renalBand == nil && unknownRenal.maximumDailyDose.value == 600)
    }

    @Test func clearanceOutsideEveryBandIsDosedAsNormal() throws {
        // Formularies list only the impaired ranges: above the highest band there is no band.
        var f = Fixtures.formulary()
        f.drugs[3].renalBands = [Fixtures.band("<60", from: nil, below: 60, max: 300)]
        let normal = try build("pregabalin", Fixtures.patient(crCl: 75), formulary: f)
        #expect(normal.renalBand == nil && normal.maximumDailyDose.value == 600 && normal.cautions.isEmpty)
        let impaired = try build("pregabalin", Fixtures.patient(crCl: 59.9), formulary: f)
        #expect(impaired.renalBand == "<60" && impaired.steps.last?.dailyTotal == 300)
    }

    @Test func listedStepThatCannotBeMadeIsAFormularyError() {
        var f = Fixtures.formulary()
        f.drugs[0].variants[0].steps.value = [StepTemplate(dailyDose: 15)]
        #expect {
            try build("amitriptyline", formulary: f)
        } throws: { error in
            if case PainLadderError.invalidFormulary(_, "amitriptyline", _, _) = error { return true }
            return false
        }
    }

    @Test func maximumBelowAnyMakeableFirstStepIsNotPossible() {
        // A 5 mg/day cap on amitriptyline: the first step (10 mg) is above it and 5 mg cannot be made.
        let cap5 = Sourced<Milligrams>(5, sources: ["L"], status: .local)
        #expect {
            try build("amitriptyline", formulary: Fixtures.formulary(localCaps: ["amitriptyline": cap5]))
        } throws: { error in
            guard case let PainLadderError.notPossible(message) = error else { return false }
            return message.contains("5 mg/day") && message.contains("local cap")
        }
    }

    @Test func stepsAboveTheMaximumAreDroppedNotMade() throws {
        // A cap that no step equals, and that the strengths cannot make as a partial step:
        // amitriptyline capped at 45 → 10 … 40, then 45 (25 + 10 + 10) is makeable.
        let cap45 = Sourced<Milligrams>(45, sources: ["L"], status: .local)
        let a = try build("amitriptyline", formulary: Fixtures.formulary(localCaps: ["amitriptyline": cap45]))
        #expect(a.steps.map(\.dailyTotal) == [10, 20, 30, 40, 45])
        // Gabapentin capped at 1850: 1850 cannot be made from 100 mg units → stop at 1800.
        let cap1850 = Sourced<Milligrams>(1850, sources: ["L"], status: .local)
        let g = try build("gabapentin", formulary: Fixtures.formulary(localCaps: ["gabapentin": cap1850]))
        #expect(g.steps.last?.dailyTotal == 1800)
    }
}

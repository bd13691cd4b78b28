import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The bundled formulary, spot-checked by hand against `clinical-reference.md`.
@Suite("Bundled formulary")
struct FormularyLoadTests {
    let formulary: Formulary

    init() throws {
        formulary = try FormularyLoader.bundled()
    }

    @Test func loadsTheFourDrugsInOrder() {
        #expect(formulary.drugs.map(\.id) == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
        #expect(formulary.pathway.ladderOrder == nil)  // NICE: free choice among the four [S7]
        #expect(formulary.localCaps.isEmpty)
        #expect(formulary.localName == nil)
    }

    @Test func bundledFolderIsTheSourceTreeData() throws {
        // The folder found at run time (resource bundle, or the #filePath fallback) holds
        // the same files as Data/formulary in this source tree: no stale copy.
        let found = try FormularyLoader.bundledDirectory()
        let tree = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/formulary")
        let names = try FileManager.default.contentsOfDirectory(atPath: tree.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["amitriptyline.json", "diagnoses.json", "duloxetine.json", "formulary.json",
                          "gabapentin.json", "medicine-names.json", "medicines.json", "pregabalin.json", "sources.json",
                          "switching.json"])
        for name in names {
            let a = try Data(contentsOf: found.appendingPathComponent(name))
            let b = try Data(contentsOf: tree.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between \(found.path) and the source tree")
        }
        // The source tree itself loads, as the #filePath fallback would find it.
        #expect(try FormularyLoader.load(directory: tree).drugs.count == 4)
    }

    @Test func amitriptylineNumbers() throws {
        let drug = try formulary.drug("amitriptyline")
        #expect(drug.maximumDailyDose.value == 75)
        #expect(drug.maximumDailyDose.status == .confirmed)
        #expect(Set(drug.maximumDailyDose.sources) == ["S17", "S11", "S12"])
        #expect(drug.maximumSingleDose?.value == 75)
        #expect(drug.renalBands.isEmpty)  // [S21]: no adjustment
        let standard = try #require(drug.variant("standard"))
        #expect(standard.steps.value.map(\.dailyDose) == [10])
        #expect(standard.thenIncrement?.value == 10)
        #expect(standard.daysBetweenSteps.value == StepInterval(usual: 7, minimum: 3))
        #expect(standard.usualTarget.value == 50)
        #expect(standard.defaultTimes.map(\.description) == ["22:00"])
        let elderly = try #require(drug.variant("elderly"))
        #expect(elderly.daysBetweenSteps.value == StepInterval(usual: 7, minimum: 7))
        #expect(elderly.usualTarget.value == 30)
        #expect(elderly.usualTarget.status == .unconfirmed)
        #expect(elderly.usualTarget.note != nil)
        #expect(drug.taper.value.longUseDays == 56)
        #expect(drug.taper.value.minimumDays == 28)
        #expect(drug.strengths.value.map(\.mg) == [10, 25, 50])
        #expect(drug.strengths.status == .unconfirmed)
        let hardStops = drug.rules.filter { $0.kind == .hardStop }.map(\.id)
        #expect(hardStops.contains("amitriptyline-maoi"))
        #expect(hardStops.contains("amitriptyline-recent-mi"))
        #expect(drug.codes["atc"] == "N06AA09")
    }

    @Test func duloxetineNumbers() throws {
        let drug = try formulary.drug("duloxetine")
        #expect(drug.maximumDailyDose.value == 120)
        #expect(drug.maximumDailyDose.status == .confirmed)
        #expect(drug.maximumSingleDose?.value == 60)
        #expect(drug.licensedFor.value == ["diabetic-peripheral-neuropathy"])
        let standard = try #require(drug.variant("standard"))
        #expect(standard.steps.value.map(\.dailyDose) == [30, 60, 120])
        #expect(standard.usualTarget.value == 60)
        #expect(standard.administrationsPerDay.value == 1)
        #expect(standard.defaultTimes.count == 2)
        let crCl = try #require(drug.rules.first { $0.when.crClBelow != nil })
        #expect(crCl.kind == .hardStop)
        #expect(crCl.when.crClBelow == 30)
        #expect(drug.rules.contains { $0.kind == .hardStop && $0.when.hepaticImpairment == true })
        #expect(drug.rules.contains { $0.kind == .hardStop && $0.when.medicinesAny == ["cyp1a2-inhibitor"] })
        #expect(drug.taper.value.reductionFraction == 0.5)
        #expect(drug.taper.value.minimumDays == 14)
        #expect(drug.controlledDrug == nil)
    }

    @Test func gabapentinNumbers() throws {
        let drug = try formulary.drug("gabapentin")
        #expect(drug.maximumDailyDose.value == 3600)
        #expect(drug.maximumDailyDose.status == .confirmed)
        let standard = try #require(drug.variant("standard"))
        #expect(standard.steps.value == [StepTemplate(dailyDose: 300, doses: [300], usualDays: 1, minimumDays: 1),
                                          StepTemplate(dailyDose: 600, doses: [300, 300], usualDays: 1, minimumDays: 1),
                                          StepTemplate(dailyDose: 900)])
        #expect(standard.thenIncrement?.value == 300)
        #expect(standard.usualTarget.value == 1800)
        #expect(standard.administrationsPerDay.value == 3)
        #expect(drug.variant("elderly")?.steps.value.map(\.dailyDose) == [100])
        #expect(drug.controlledDrug?.value.schedule == "3")
        #expect(drug.controlledDrug?.value.prescriptionValidDays == 28)
        #expect(drug.controlledDrug?.value.maximumSupplyDays == 30)
        #expect(drug.taper.value.reductionMg == 300)
        #expect(drug.taper.value.daysPerStep == 4)
        #expect(drug.strengths.value.map(\.mg) == [100, 300, 400, 600, 800])
        #expect(drug.rules.contains { $0.kind == .hardStop && $0.when.medicinesAny == ["pregabalin"] })
        #expect(drug.rules.contains { $0.kind == .hardStop && $0.when.diagnosesAny == ["sciatica"] })
    }

    @Test func gabapentinRenalBandsAreAllUnconfirmed() throws {
        let drug = try formulary.drug("gabapentin")
        #expect(drug.renalBands.map(\.maximumDailyDose.value) == [1800, 900, 600, 300])
        for band in drug.renalBands {
            #expect(band.maximumDailyDose.status == .unconfirmed, "\(band.label)")
            // The UK SmPC's table [S92], not the US ones; not read in full, so still unconfirmed.
            #expect(band.maximumDailyDose.sources == ["S92"], "\(band.label)")
            #expect(band.maximumDailyDose.note?.contains("check against the current SmPC") == true, "\(band.label)")
            // Every band: three divided doses (UK SmPC).
            #expect(band.titration?.administrationsPerDay.value == 3, "\(band.label)")
            #expect(band.titration?.defaultTimes.count == 3, "\(band.label)")
        }
        #expect(drug.renalBands.first { $0.contains(85) } == nil)  // ≥80: no change
        #expect(drug.renalBands.first { $0.contains(79.9) }?.maximumDailyDose.value == 1800)
        #expect(drug.renalBands.first { $0.contains(50) }?.maximumDailyDose.value == 1800)
        #expect(drug.renalBands.first { $0.contains(49.9) }?.maximumDailyDose.value == 900)
        #expect(drug.renalBands.first { $0.contains(14) }?.maximumDailyDose.value == 300)
        #expect(drug.renalBands.first { $0.contains(14) }?.titration?.administrationsPerDay.value == 3)
    }

    @Test func pregabalinNumbers() throws {
        let drug = try formulary.drug("pregabalin")
        #expect(drug.maximumDailyDose.value == 600)
        #expect(drug.maximumDailyDose.status == .confirmed)
        #expect(Set(drug.licensedFor.value) == ["peripheral", "central"])
        let standard = try #require(drug.variant("standard"))
        #expect(standard.steps.value.map(\.dailyDose) == [150, 300, 600])
        #expect(standard.steps.value.first?.minimumDays == 3)
        #expect(standard.usualTarget.value == 300)
        let band = try #require(drug.renalBands.first { $0.contains(45) })
        #expect(band.maximumDailyDose.value == 300)
        #expect(band.maximumDailyDose.status == .confirmed)
        #expect(band.titration?.administrationsPerDay.status == .unconfirmed)  // 1 or 2 vs 2 or 3 (§8)
        #expect(drug.renalBands.first { $0.contains(20) }?.maximumDailyDose.value == 150)
        #expect(drug.renalBands.first { $0.contains(10) }?.maximumDailyDose.value == 75)
        #expect(drug.renalBands.first { $0.contains(60) } == nil)
        let facial = try #require(drug.sideEffects.redFlags.value.first { $0.id == "facial-swelling" })
        #expect(facial.aliases?.contains("angioedema") == true)
        #expect(facial.action?.contains("999") == true)
        #expect(drug.rules.contains { $0.when.pregnancyPotential == true })
        #expect(drug.codes["atc"] == "N03AX16")
    }

    @Test func pathwayRoutesTrigeminalNeuralgiaOffTheLadder() throws {
        let rule = try #require(formulary.pathway.rules.first { $0.when.diagnosesAny == ["trigeminal-neuralgia"] })
        #expect(rule.kind == .hardStop)
        #expect(rule.message.contains("carbamazepine"))
        #expect(formulary.pathway.holdStepUpAtSeverity.value == "moderate")
        #expect(formulary.diagnosis("trigeminal-neuralgia")?.category == "trigeminal")
        #expect(formulary.diagnosis("sciatica")?.category == "excluded")
        #expect(formulary.medicineClasses["fluvoxamine"]?.contains("cyp1a2-inhibitor") == true)
    }

    @Test(arguments: ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
    func everyListedStepCanBeMade(_ id: String) throws {
        let drug = try formulary.drug(id)
        let titrations = drug.variants + drug.renalBands.compactMap(\.titration)
        for variant in titrations {
            for step in variant.steps.value {
                if let doses = step.doses {
                    for dose in doses {
                        #expect(Dispensing.units(for: dose, from: drug.strengths.value) != nil, "\(id) \(variant.id) \(dose) mg")
                    }
                } else {
                    #expect(DoseSplitter.split(step.dailyDose, administrationsPerDay: variant.administrationsPerDay.value,
                                               strengths: drug.strengths.value,
                                               maximumSingleDose: drug.maximumSingleDose?.value,
                                               timesAvailable: variant.defaultTimes.count) != nil,
                            "\(id) \(variant.id) \(step.dailyDose) mg/day")
                }
            }
        }
    }

    /// The validator splits with the engine's ``DoseSplitter`` (it once had an even split of its own).
    @Test func splitIsEvenWhereItCanBe() {
        let pregabalin = [25, 50, 75, 100, 150, 200, 225, 300].map { Strength(mg: $0, form: "capsule") }
        #expect(DoseSplitter.split(300, into: 2, strengths: pregabalin) == [150, 150])
        #expect(DoseSplitter.split(525, into: 2, strengths: pregabalin) == [250, 275])  // the heavier dose last
        let duloxetine = [20, 30, 40, 60].map { Strength(mg: $0, form: "capsule") }
        #expect(DoseSplitter.split(120, into: 1, strengths: duloxetine, maximumSingleDose: 60) == nil)
        #expect(DoseSplitter.split(120, into: 2, strengths: duloxetine, maximumSingleDose: 60) == [60, 60])
        let amitriptyline = [10, 25, 50].map { Strength(mg: $0, form: "tablet") }
        #expect(DoseSplitter.split(15, into: 1, strengths: amitriptyline) == nil)
    }
}

@Suite("Dose makeability")
struct FormularyMakeabilityTests {
    /// The validator's fast check agrees with `Dispensing.units` (what the core uses to make doses).
    @Test(arguments: ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
    func validatorAgreesWithDispensing(_ id: String) throws {
        let drug = try FormularyLoader.bundled().drug(id)
        let strengths = drug.strengths.value
        let stride = drug.maximumDailyDose.value > 1000 ? 50 : 1
        let products = FormularyValidator.Products(strengths, upTo: drug.maximumDailyDose.value)
        for dose in Swift.stride(from: 1, through: drug.maximumDailyDose.value, by: stride) {
            let fast = products.canMake(dose)
            let slow = Dispensing.units(for: dose, from: strengths) != nil
            #expect(fast == slow, "\(id) \(dose) mg")
        }
    }
}

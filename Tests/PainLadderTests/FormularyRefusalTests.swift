import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// Broken formulary folders are refused, naming the file, drug, field and problem.
/// Each test copies the bundled folder to a temp folder and breaks one JSON file.
@Suite("Formulary refusals")
struct FormularyRefusalTests {
    @Test func unchangedCopyLoads() throws {
        // Control: the copy-and-rewrite machinery itself does not break anything.
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        for file in ["amitriptyline.json", "gabapentin.json", "formulary.json", "medicines.json"] {
            try FormularyFixture.mutate(dir, file) { _ in }
        }
        #expect(try FormularyLoader.load(directory: dir).drugs.count == 4)
    }

    @Test func stepAboveTheMaximum() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "amitriptyline.json") {
            FormularyFixture.set(&$0, ["variants", 0, "steps", "value"], to: [10, 100])
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "amitriptyline.json")
        #expect(p.drug == "amitriptyline")
        #expect(p.field == "variants[0].steps.value[1]")
        #expect(p.problem.contains("above the maximum daily dose of 75 mg/day"))
    }

    @Test func renalBandStepAboveTheBandMaximum() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["renalBands", 2, "titration", "steps", "value"], to: [25, 50, 100])
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "pregabalin")
        #expect(p.field == "renalBands[2].titration.steps.value[2]")
        #expect(p.problem.contains("band's maximum of 75"))
    }

    @Test func dailyDoseNoStrengthCanMake() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "amitriptyline.json") {
            FormularyFixture.set(&$0, ["variants", 1, "steps", "value"], to: [15])
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "amitriptyline")
        #expect(p.field == "variants[1].steps.value[0]")
        #expect(p.problem.contains("cannot be made from 10 mg tablet, 25 mg tablet, 50 mg tablet"))
    }

    @Test func explicitDoseNoStrengthCanMake() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["variants", 0, "steps", "value", 0], to: ["doses": [250]])
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "gabapentin.json")
        #expect(p.drug == "gabapentin")
        #expect(p.field == "variants[0].steps.value[0].doses[0]")
        #expect(p.problem.contains("250 mg cannot be made"))
    }

    @Test func continuationStepNoStrengthCanMake() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["variants", 1, "thenIncrement", "value"], to: 150)
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "gabapentin")
        #expect(p.field == "variants[1].thenIncrement")
        #expect(p.problem.contains("250 mg/day cannot be made"))
    }

    @Test func emptySources() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["maximumDailyDose", "sources"], to: [String]())
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "pregabalin.json")
        #expect(p.drug == "pregabalin")
        #expect(p.field == "maximumDailyDose.sources")
        #expect(p.problem.contains("at least one source"))
    }

    @Test func unknownSourceTag() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") {
            FormularyFixture.set(&$0, ["variants", 0, "usualTarget", "sources"], to: ["S25", "S999"])
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "duloxetine")
        #expect(p.field == "variants[0].usualTarget.sources[1]")
        #expect(p.problem == "'S999' is not in sources.json")
    }

    @Test func ruleWithUnknownSource() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["rules", 1, "sources"], to: ["NG59"])
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "gabapentin")
        #expect(p.field == "rules[1].sources[0]")
    }

    @Test func unknownTopLevelField() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["maximumDailyDoes"], to: ["value": 1800, "sources": ["S12"], "status": "local"])
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "gabapentin.json")
        #expect(p.drug == "gabapentin")
        #expect(p.field == "maximumDailyDoes")
        #expect(p.problem == "is not a known field")
    }

    @Test func misspeltFieldInPlaceOfARequiredOne() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") { json in
            let maximum = (json as? [String: Any])?["maximumDailyDose"]
            FormularyFixture.set(&json, ["maximumDailyDose"], to: nil)
            FormularyFixture.set(&json, ["maximumDailyDoes"], to: maximum)
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "gabapentin.json")
        #expect(p.field == "maximumDailyDose")
        #expect(p.problem == "is missing")
    }

    @Test func unknownNestedField() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["variants", 0, "usualTarget", "notes"], to: "typo for note")
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "pregabalin")
        #expect(p.field == "variants[0].usualTarget.notes")
    }

    @Test func malformedJSON() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        let url = dir.appendingPathComponent("pregabalin.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.dropLast(40).utf8).write(to: url)
        let p = try #require(refusal(dir))
        #expect(p.file == "pregabalin.json")
        #expect(p.problem.localizedCaseInsensitiveContains("json"))
    }

    @Test func missingDrugFile() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("duloxetine.json"))
        let p = try #require(refusal(dir))
        #expect(p.file == "duloxetine.json")
        #expect(p.problem == "cannot be read")
    }

    @Test func usualTargetAboveTheMaximum() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") {
            FormularyFixture.set(&$0, ["maximumDailyDose", "value"], to: 60)
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "duloxetine")
        #expect(p.field == "variants[0].steps.value[2]")  // 120 mg step is now above 60
    }

    @Test func overlappingRenalBands() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["renalBands", 1, "belowCrCl"], to: 55)
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "gabapentin")
        #expect(p.field == "renalBands[0]")
        #expect(p.problem.contains("overlaps renalBands[1]"))
    }

    @Test func ruleNamingAnUnknownMedicine() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "amitriptyline.json") {
            FormularyFixture.set(&$0, ["rules", 5, "when", "medicinesAny"], to: ["mao-inhibitor"])
        }
        let p = try #require(refusal(dir))
        #expect(p.drug == "amitriptyline")
        #expect(p.field == "rules[5].when.medicinesAny[0]")
        #expect(p.problem.contains("not a medicine or class in medicines.json"))
    }

    @Test func ruleThatAppliesToEveryone() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") {
            FormularyFixture.set(&$0, ["rules", 0, "when"], to: [String: Any]())
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "rules[0].when")
        #expect(p.problem.contains("apply to everyone"))
    }

    @Test func duplicateRuleIds() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["rules", 1, "id"], to: "pregabalin-with-gabapentin")
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "rules[1].id")
    }

    @Test func licensedForAnUnknownDiagnosis() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") {
            FormularyFixture.set(&$0, ["licensedFor", "value"], to: ["diabetic-neuropathy"])
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "licensedFor.value[0]")
    }

    @Test func pathwayRuleWithUnknownDiagnosis() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "formulary.json") {
            FormularyFixture.set(&$0, ["pathway", "rules", 0, "when", "diagnosesAny"], to: ["trigeminal"])
        }
        // "trigeminal" is a category, so that is fine; a typo is not.
        #expect(try FormularyLoader.load(directory: dir).pathway.rules.count == 2)
        try FormularyFixture.mutate(dir, "formulary.json") {
            FormularyFixture.set(&$0, ["pathway", "rules", 0, "when", "diagnosesAny"], to: ["trigeminal-neuralgai"])
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "formulary.json")
        #expect(p.drug == nil)
        #expect(p.field == "pathway.rules[0].when.diagnosesAny[0]")
    }

    @Test func stepsThatDoNotIncrease() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["variants", 1, "steps", "value"], to: [50, 150, 100])
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "variants[1].steps.value[2]")
        #expect(p.problem.contains("steps must increase"))
    }

    @Test func explicitDosesThatDoNotAddUp() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["renalBands", 0, "titration", "steps", "value", 0], to: ["dailyDose": 100, "doses": [75]])
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "renalBands[0].titration.steps.value[0].doses")
        #expect(p.problem.contains("add up to 75 mg"))
    }

    @Test func moreDosesThanTimes() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "pregabalin.json") {
            FormularyFixture.set(&$0, ["renalBands", 0, "titration", "steps", "value", 0], to: ["doses": [25, 25, 25]])
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "renalBands[0].titration.steps.value[0].doses")
        #expect(p.problem.contains("only 2 default time"))
    }

    @Test func minimumIntervalLongerThanUsual() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "amitriptyline.json") {
            FormularyFixture.set(&$0, ["variants", 0, "daysBetweenSteps", "value"], to: ["usual": 7, "minimum": 0])
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "variants[0].daysBetweenSteps.value.minimum")
    }

    @Test func timesOutOfOrder() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["variants", 0, "defaultTimes"], to: ["08:00", "22:00", "14:00"])
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "variants[0].defaultTimes[2]")
    }

    @Test func taperWithNoReduction() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") {
            FormularyFixture.set(&$0, ["taper", "value", "reductionFraction"], to: nil)
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "taper.value")
        #expect(p.problem.contains("reductionMg or reductionFraction"))
    }

    @Test func adequateTrialMinimumAboveMaximum() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["adequateTrial", "value", "minimumWeeks"], to: 12)
        }
        let p = try #require(refusal(dir))
        #expect(p.field == "adequateTrial.value")
    }

    @Test func unknownDiagnosisCategory() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "diagnoses.json") {
            FormularyFixture.set(&$0, [0, "category"], to: "periferal")
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "diagnoses.json")
        #expect(p.field == "[0].category")
    }

    @Test func errorMessageNamesFileDrugAndField() throws {
        let error = PainLadderError.invalidFormulary(file: "gabapentin.json", drug: "gabapentin",
                                                     field: "variants[0].steps.value[0].doses[0]",
                                                     problem: "250 mg cannot be made from 100 mg capsule")
        #expect(error.localizedDescription
                == "formulary gabapentin.json: gabapentin: variants[0].steps.value[0].doses[0]: 250 mg cannot be made from 100 mg capsule")
    }
}

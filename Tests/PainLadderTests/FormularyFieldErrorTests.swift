import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// Mistakes in a formulary file name the file, the drug, the field path and the problem:
/// unknown fields at any depth, nulls, missing members, wrong types, malformed JSON.
@Suite("Formulary field errors")
struct FormularyFieldErrorTests {
    /// Breaks one file of a fresh copy of the bundled folder and returns the refusal.
    private func refusalAfter(_ file: String, sourceLocation: SourceLocation = #_sourceLocation,
                              _ change: (inout Any) -> Void) throws -> FormularyProblem? {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, file, change)
        return refusal(dir, sourceLocation: sourceLocation)
    }

    /// Replaces one file of a fresh copy with `text` and returns the refusal.
    private func refusalWithText(_ file: String, _ text: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> FormularyProblem? {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try Data(text.utf8).write(to: dir.appendingPathComponent(file))
        return refusal(dir, sourceLocation: sourceLocation)
    }

    // MARK: - Unknown fields

    @Test func unknownFieldInsideAStepObject() throws {
        let p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["variants", 0, "steps", "value", 0], to: ["doses": [300], "dose": 300])
        })
        #expect(p.file == "gabapentin.json")
        #expect(p.drug == "gabapentin")
        #expect(p.field == "variants[0].steps.value[0].dose")
        #expect(p.problem == "is not a known field")
    }

    @Test func unknownFieldInsideARuleCondition() throws {
        let p = try #require(try refusalAfter("amitriptyline.json") {
            FormularyFixture.set(&$0, ["rules", 0, "when", "ageAtMost"], to: 65)
        })
        #expect(p.drug == "amitriptyline")
        #expect(p.field == "rules[0].when.ageAtMost")
        #expect(p.problem == "is not a known field")
    }

    @Test func unknownFieldInsideADictionaryValue() throws {
        let p = try #require(try refusalAfter("sources.json") {
            FormularyFixture.set(&$0, ["S1", "titel"], to: "typo for title")
        })
        #expect(p.file == "sources.json")
        #expect(p.drug == nil)
        #expect(p.field == "S1.titel")
        #expect(p.problem == "is not a known field")
    }

    @Test func unknownFieldInTheSwitchingFile() throws {
        let p = try #require(try refusalAfter(SwitchingValidator.file) {
            FormularyFixture.set(&$0, ["pairs", 0, "crossTaper", "allowd"], to: true)
        })
        #expect(p.file == "switching.json")
        #expect(p.field == "pairs[0].crossTaper.allowd")
    }

    @Test func ofTwoUnknownFieldsTheFirstBySortedKeyIsNamed() throws {
        // "variants" sorts before "zzz", so the nested one is found first…
        var p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["zzz"], to: 1)
            FormularyFixture.set(&$0, ["variants", 1, "labels"], to: "x")
        })
        #expect(p.field == "variants[1].labels")
        // … and "aaa" before "variants".
        p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["aaa"], to: 1)
            FormularyFixture.set(&$0, ["variants", 1, "labels"], to: "x")
        })
        #expect(p.field == "aaa")
    }

    // MARK: - Nulls

    @Test func anUnknownFieldThatIsNullIsLetThrough() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "gabapentin.json") {
            FormularyFixture.set(&$0, ["maximumDailyDoes"], to: NSNull())
        }
        #expect(try FormularyLoader.load(directory: dir).drugs.count == 4)
    }

    @Test func anOptionalFieldMayBeNull() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "amitriptyline.json") {
            FormularyFixture.set(&$0, ["variants", 0, "description"], to: NSNull())
        }
        let drug = try FormularyLoader.load(directory: dir).drug("amitriptyline")
        #expect(drug.variants[0].description == nil)
    }

    @Test func aRequiredFieldThatIsNull() throws {
        let p = try #require(try refusalAfter("amitriptyline.json") {
            FormularyFixture.set(&$0, ["variants", 0, "label"], to: NSNull())
        })
        #expect(p.file == "amitriptyline.json")
        #expect(p.field == "variants[0].label")
        #expect(p.problem == "is null")
    }

    @Test func aRequiredListThatIsNull() throws {
        let p = try #require(try refusalAfter("duloxetine.json") {
            FormularyFixture.set(&$0, ["rules"], to: NSNull())
        })
        #expect(p.field == "rules")
        #expect(p.problem == "is null")
    }

    // MARK: - Missing members

    @Test func aMissingMemberOfAVariant() throws {
        let p = try #require(try refusalAfter("pregabalin.json") {
            FormularyFixture.set(&$0, ["variants", 1, "usualTarget"], to: nil)
        })
        #expect(p.file == "pregabalin.json")
        #expect(p.field == "variants[1].usualTarget")
        #expect(p.problem == "is missing")
    }

    @Test func aMissingValueInsideASourcedNumber() throws {
        let p = try #require(try refusalAfter("duloxetine.json") {
            FormularyFixture.set(&$0, ["maximumDailyDose", "value"], to: nil)
        })
        #expect(p.field == "maximumDailyDose.value")
        #expect(p.problem == "is missing")
    }

    @Test func aStepObjectWithNeitherDailyDoseNorDoses() throws {
        let p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["variants", 0, "steps", "value", 0], to: ["usualDays": 1])
        })
        #expect(p.field == "variants[0].steps.value[0].dailyDose")
        #expect(p.problem == "is missing")
    }

    // MARK: - Wrong types and values

    @Test func aNumberGivenAsText() throws {
        let p = try #require(try refusalAfter("amitriptyline.json") {
            FormularyFixture.set(&$0, ["maximumDailyDose", "value"], to: "75")
        })
        #expect(p.field == "maximumDailyDose.value")
        #expect(p.problem == "has the wrong type (expected Int)")
    }

    @Test func anObjectWhereAListBelongs() throws {
        let p = try #require(try refusalAfter("amitriptyline.json") {
            FormularyFixture.set(&$0, ["variants"], to: ["standard": [String: Any]()])
        })
        #expect(p.field == "variants")
        #expect(p.problem == "has the wrong type (expected Array<Any>)")
    }

    @Test func aListWhereAnObjectBelongs() throws {
        let p = try #require(try refusalAfter("pregabalin.json") {
            FormularyFixture.set(&$0, ["taper"], to: [Any]())
        })
        #expect(p.field == "taper")
        #expect(p.problem == "has the wrong type (expected Dictionary<String, Any>)")
    }

    @Test func aWholeFileOfTheWrongShape() throws {
        let p = try #require(try refusalWithText("sources.json", "[]"))
        #expect(p.file == "sources.json")
        #expect(p.field == "(top level)")
        #expect(p.problem == "has the wrong type (expected Dictionary<String, Any>)")
    }

    @Test func textWhereAClearanceBelongs() throws {
        let p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["renalBands", 0, "minimumCrCl"], to: "fifty")
        })
        #expect(p.field == "renalBands[0].minimumCrCl")
        #expect(p.problem == "has the wrong type (expected Double)")
    }

    @Test func textWhereAFlagBelongs() throws {
        let p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["controlledDrug", "value", "repeatable"], to: "no")
        })
        #expect(p.field == "controlledDrug.value.repeatable")
        #expect(p.problem == "has the wrong type (expected Bool)")
    }

    @Test func aFractionWhereWholeMilligramsBelong() throws {
        let p = try #require(try refusalAfter("amitriptyline.json") {
            FormularyFixture.set(&$0, ["strengths", "value", 0, "mg"], to: 10.5)
        })
        #expect(p.field == "strengths.value[0].mg")
        #expect(p.problem == "10.5 is not a whole number (expected Int)")
    }

    @Test func anUnknownEvidenceStatus() throws {
        let p = try #require(try refusalAfter("duloxetine.json") {
            FormularyFixture.set(&$0, ["maximumDailyDose", "status"], to: "confirmd")
        })
        #expect(p.field == "maximumDailyDose.status")
        #expect(p.problem == "Cannot initialize EvidenceStatus from invalid String value confirmd")
    }

    @Test func aTimeThatIsNotHHMM() throws {
        let p = try #require(try refusalAfter("gabapentin.json") {
            FormularyFixture.set(&$0, ["variants", 0, "defaultTimes", 0], to: "8am")
        })
        #expect(p.field == "variants[0].defaultTimes[0]")
        #expect(p.problem == "'8am' is not a time (HH:MM)")
    }

    // MARK: - Malformed JSON

    @Test func malformedJSONSaysWhatAndWhere() throws {
        let p = try #require(try refusalWithText("diagnoses.json", "[\n  {\"id\": \"x\",}\n]"))
        #expect(p.file == "diagnoses.json")
        #expect(p.field == "[0]")
        #expect(p.problem == "is not valid JSON: a comma before '}' with no member after it at line 2, column 14")
    }

    @Test func aKeyGivenTwiceIsRefused() throws {
        let p = try #require(try refusalWithText("medicines.json", #"{"tramadol": ["opioid"], "tramadol": ["serotonergic"]}"#))
        #expect(p.file == "medicines.json")
        #expect(p.field == "tramadol")
        #expect(p.problem == "is not valid JSON: 'tramadol' is given twice in the same object at line 1, column 26")
    }
}

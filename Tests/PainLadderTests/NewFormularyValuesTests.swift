import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The values issue 12 adds to `Data/` (`choice` status, `noAddedBenefitAbove`, the taper's
/// own strengths, a pair's `oldDrugActsForDays`) carry sources and a status like every other
/// number: the loader refuses one without, naming the field.
@Suite("Formulary: new values need sources and a status")
struct NewFormularyValuesTests {
    @Test func theBundledValuesLoadWithTheirStatuses() throws {
        let f = try FormularyLoader.bundled()
        let duloxetine = try f.drug("duloxetine")
        #expect(duloxetine.strengths.value.map(\.mg) == [30, 60])
        #expect(duloxetine.taper.value.taperStrengths?.map(\.mg) == [20])
        #expect(duloxetine.taper.status == .choice)
        #expect(duloxetine.noAddedBenefitAbove?.value == 60)
        #expect(duloxetine.noAddedBenefitAbove?.sources == ["S75", "S25"])
        #expect(f.pathway.holdStepUpAtSeverity.status == .choice)
        let pair = try #require(f.switching?.pair(from: "amitriptyline", to: "duloxetine"))
        #expect(pair.oldDrugActsForDays?.value == 14)
        #expect(pair.newStepUpAfterOldReducedBy?.value == 0.5)
        #expect(pair.newStepUpAfterOldReducedBy?.status == .choice)
    }

    @Test func aBadValueIsRefused() throws {
        let cases: [([Any], Any, String)] = [
            (["noAddedBenefitAbove", "sources"], [String](), "noAddedBenefitAbove.sources"),
            (["noAddedBenefitAbove", "sources"], ["S999"], "noAddedBenefitAbove.sources[0]"),
            (["noAddedBenefitAbove", "status"], "made-up", "noAddedBenefitAbove.status"),
            (["noAddedBenefitAbove", "value"], 200, "noAddedBenefitAbove.value"),
            (["taper", "value", "taperStrengths", 0, "mg"], 0, "taper.value.taperStrengths[0].mg"),
        ]
        for (path, value, field) in cases {
            let dir = try FormularyFixture.copyOfBundled()
            defer { FormularyFixture.remove(dir) }
            try FormularyFixture.mutate(dir, "duloxetine.json") { FormularyFixture.set(&$0, path, to: value) }
            let p = try #require(refusal(dir))
            #expect(p.file == "duloxetine.json")
            #expect(p.field == field, "\(p.problem)")
        }
    }

    @Test(arguments: ["noAddedBenefitAbove", "taper"])
    func aValueWithoutAStatusIsRefused(member: String) throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json") { FormularyFixture.set(&$0, [member, "status"], to: nil) }
        let p = try #require(refusal(dir))
        #expect(p.field == "\(member).status", "\(p.problem)")
    }

    @Test func aPairDurationWithoutAStatusIsRefused() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "switching.json") {
            FormularyFixture.set(&$0, ["pairs", 2, "oldDrugActsForDays", "status"], to: nil)
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "switching.json")
        #expect(p.field == "pairs[2].oldDrugActsForDays.status", "\(p.problem)")
    }
}

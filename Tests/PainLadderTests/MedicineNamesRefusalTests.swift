import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// `medicine-names.json` entries need sources and a status, like every clinical fact, and a
/// name may stand for one ingredient only; a washout rule needs the medicines it counts from.
@Suite("Formulary refusals: medicine names")
struct MedicineNamesRefusalTests {
    func refusalAfter(_ file: String, sourceLocation: SourceLocation = #_sourceLocation,
                      _ change: (inout Any) -> Void) throws -> FormularyProblem? {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, file, change)
        return refusal(dir, sourceLocation: sourceLocation)
    }

    @Test func anEntryWithoutSourcesIsRefused() throws {
        let p = try #require(try refusalAfter("medicine-names.json") { FormularyFixture.set(&$0, [0, "sources"], to: nil) })
        #expect(p.file == "medicine-names.json")
        #expect(p.field.contains("sources"), "\(p.field)")
    }

    @Test func anEntryWithEmptySourcesIsRefused() throws {
        let p = try #require(try refusalAfter("medicine-names.json") { FormularyFixture.set(&$0, [0, "sources"], to: [String]()) })
        #expect(p.field == "[0].sources")
        #expect(p.problem.contains("every entry needs at least one source"))
    }

    @Test func anEntryWithAnUnknownSourceIsRefused() throws {
        let p = try #require(try refusalAfter("medicine-names.json") { FormularyFixture.set(&$0, [0, "sources"], to: ["S9999"]) })
        #expect(p.field == "[0].sources[0]")
        #expect(p.problem.contains("not in sources.json"))
    }

    @Test func anEntryWithoutAStatusIsRefused() throws {
        let p = try #require(try refusalAfter("medicine-names.json") { FormularyFixture.set(&$0, [0, "status"], to: nil) })
        #expect(p.file == "medicine-names.json")
        #expect(p.field.contains("status"), "\(p.field)")
    }

    @Test func aNameForTwoIngredientsIsRefused() throws {
        let p = try #require(try refusalAfter("medicine-names.json") { FormularyFixture.set(&$0, [0, "names"], to: ["Cymbalta"]) })
        // Entry 0 (pregabalin) now claims Cymbalta first; entry 5, duloxetine's, is refused.
        #expect(p.field == "[5].names[0]")
        #expect(p.problem == "'Cymbalta' already stands for 'pregabalin'", "\(p.problem)")
    }

    @Test func anUnknownIngredientWithoutClassesIsRefused() throws {
        let p = try #require(try refusalAfter("medicine-names.json") { FormularyFixture.set(&$0, [0, "ingredient"], to: "zapain") })
        #expect(p.field == "[0].ingredient")
    }

    @Test func aWashoutWithoutMedicinesIsRefused() throws {
        let p = try #require(try refusalAfter("duloxetine.json") {
            FormularyFixture.set(&$0, ["rules", 0, "when"], to: ["stoppedWithinDays": 14, "crClBelow": 30])
        })
        #expect(p.field == "rules[0].when.stoppedWithinDays")
        #expect(p.problem.contains("needs medicinesAny"))
    }
}

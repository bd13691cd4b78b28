import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// A drug's `afterStopping` wait (an MAOI 5 days after duloxetine) is a number like any other:
/// refused without sources, with an unknown tag, an unknown medicine or an impossible count.
@Suite("Formulary refusals: afterStopping")
struct AfterStoppingRefusalTests {
    func refused(_ change: @escaping (inout Any) -> Void) throws -> FormularyProblem {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "duloxetine.json", change)
        return try #require(refusal(dir))
    }

    @Test func theBundledWaitsAreRead() throws {
        let f = try FormularyLoader.bundled()
        let duloxetine = try #require(try f.drug("duloxetine").afterStopping?.first)
        #expect(duloxetine.days.value == 5 && duloxetine.days.sources == ["S27"] && duloxetine.days.status == .confirmed)
        let amitriptyline = try #require(try f.drug("amitriptyline").afterStopping?.first)
        #expect(amitriptyline.days.value == 14 && amitriptyline.days.sources == ["S20"] && amitriptyline.medicinesAny == ["maoi"])
    }

    @Test func withoutSources() throws {
        let p = try refused { FormularyFixture.set(&$0, ["afterStopping", 0, "days", "sources"], to: []) }
        #expect(p.drug == "duloxetine" && p.field.hasPrefix("afterStopping[0].days"), "\(p)")
    }

    @Test func anUnknownTag() throws {
        let p = try refused { FormularyFixture.set(&$0, ["afterStopping", 0, "days", "sources"], to: ["S9999"]) }
        #expect(p.field.hasPrefix("afterStopping[0].days"), "\(p)")
    }

    @Test func withoutStatus() throws {
        let p = try refused { FormularyFixture.set(&$0, ["afterStopping", 0, "days", "status"], to: nil) }
        #expect(p.field.hasPrefix("afterStopping[0].days"), "\(p)")
    }

    @Test func anUnknownMedicine() throws {
        let p = try refused { FormularyFixture.set(&$0, ["afterStopping", 0, "medicinesAny"], to: ["maois"]) }
        #expect(p.field == "afterStopping[0].medicinesAny[0]" && p.problem.contains("'maois' is not a medicine"), "\(p)")
    }

    @Test func zeroDays() throws {
        let p = try refused { FormularyFixture.set(&$0, ["afterStopping", 0, "days", "value"], to: 0) }
        #expect(p.field == "afterStopping[0].days.value" && p.problem.contains("from 1 to 366"), "\(p)")
    }
}

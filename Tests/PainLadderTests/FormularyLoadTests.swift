import Foundation
import Testing
@testable import PainLadder

@Suite("Bundled formulary")
struct FormularyLoadTests {
    @Test func bundledFormularyLoads() throws {
        let formulary = try FormularyLoader.bundled()
        #expect(formulary.drugs.map(\.id) == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
    }
}

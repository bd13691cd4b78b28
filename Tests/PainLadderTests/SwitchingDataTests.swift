import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// `Data/formulary/switching.json`: loaded as an optional file, validated, and the Toth
/// conversion read in both directions (clinical-reference.md §3 [S44, S45, S46]).
@Suite("Switching data")
struct SwitchingDataTests {
    @Test func theShippedFileLoads() throws {
        let switching = try #require(try FormularyLoader.bundled().switching)
        #expect(switching.pairs.count == 12, "every ordered pair of the four drugs")
        #expect(switching.pair(from: "gabapentin", to: "pregabalin")?.crossTaper.allowed == false)
        #expect(switching.pair(from: "amitriptyline", to: "duloxetine")?.crossTaper.sources == ["S47"])
        let toth = try #require(switching.conversion(between: "gabapentin", and: "pregabalin"))
        #expect(toth.rows.status == .unconfirmed)
        #expect(toth.rows.value.map(\.fromMg) == [150, 225, 300, 450, 600])
        #expect(toth.rows.value.map(\.toMinMg) == [1, 901, 1501, 2101, 2701])
        #expect(toth.rows.value.map(\.toMaxMg) == [900, 1500, 2100, 2700, 3600])
    }

    @Test(arguments: [
        // Pregabalin → gabapentin: the row at or below the dose, its typical gabapentin dose.
        ("pregabalin", 150, 900), ("pregabalin", 225, 1200), ("pregabalin", 300, 1800), ("pregabalin", 450, 2400),
        ("pregabalin", 200, 900),
        // Gabapentin → pregabalin: the row whose range holds the dose.
        ("gabapentin", 900, 150), ("gabapentin", 901, 225), ("gabapentin", 1500, 225), ("gabapentin", 1800, 300),
        ("gabapentin", 2100, 300), ("gabapentin", 2700, 450),
        // The first and last rows: up to 900 → 150; over 2,700 → 600 (and back: 600 → 3,600).
        ("gabapentin", 300, 150), ("gabapentin", 600, 150), ("gabapentin", 2701, 600), ("gabapentin", 3600, 600),
        ("pregabalin", 600, 3600),
    ])
    func tothConversion(drug: String, mg: Int, expected: Int) throws {
        let toth = try #require(try FormularyLoader.bundled().switching?.conversion(id: "toth-pregabalin-gabapentin"))
        #expect(toth.convert(mg, from: drug)?.mg == expected)
    }

    @Test(arguments: [("pregabalin", 75), ("gabapentin", 3601), ("duloxetine", 60)])
    func outsideTheTableIsNotConverted(drug: String, mg: Int) throws {
        let toth = try #require(try FormularyLoader.bundled().switching?.conversion(id: "toth-pregabalin-gabapentin"))
        #expect(toth.convert(mg, from: drug) == nil)
    }

    @Test func withoutTheFileThereIsNoSwitchingGuidance() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("switching.json"))
        let formulary = try FormularyLoader.load(directory: dir)
        #expect(formulary.switching == nil)
    }

    @Test func badSwitchingDataIsRefusedNamingTheField() throws {
        let cases: [([Any], Any, String)] = [
            (["conversions", 0, "rows", "value", 1, "toMinMg"], 800, "conversions[0].rows.value[1]"),
            (["conversions", 0, "rows", "sources"], ["S999"], "conversions[0].rows.sources[0]"),
            (["conversions", 0, "to"], "ibuprofen", "conversions[0].to"),
            (["pairs", 0, "from"], "pregabalin", "pairs[0].to"),
            (["pairs", 2, "directConversion"], "toth-pregabalin-gabapentin", "pairs[2].directConversion"),
            (["pairs", 0, "crossTaper", "message"], " ", "pairs[0].crossTaper.message"),
            (["pairs", 0, "crossTaperr"], true, "pairs[0].crossTaperr"),
            (["pairs", 4, "newStepUpAfterOldReducedBy", "value"], 1.5, "pairs[4].newStepUpAfterOldReducedBy.value"),
            // How long the old drug acts: a number with sources and a status, never below 0.
            (["pairs", 2, "oldDrugActsForDays", "sources"], [String](), "pairs[2].oldDrugActsForDays.sources"),
            (["pairs", 2, "oldDrugActsForDays", "sources"], ["S999"], "pairs[2].oldDrugActsForDays.sources[0]"),
            (["pairs", 2, "oldDrugActsForDays", "value"], -1, "pairs[2].oldDrugActsForDays.value"),
        ]
        for (path, value, field) in cases {
            try refuses(path: path, value: value, field: field)
        }
    }

    func refuses(path: [Any], value: Any, field: String) throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "switching.json") { FormularyFixture.set(&$0, path, to: value) }
        #expect { _ = try FormularyLoader.load(directory: dir) } throws: { error in
            guard case let .invalidFormulary(file, _, f, _) = error as? PainLadderError else { return false }
            return file == "switching.json" && f == field
        }
        do { _ = try FormularyLoader.load(directory: dir) } catch { #expect("\(error)".contains(field), "\(error)") }
    }
}

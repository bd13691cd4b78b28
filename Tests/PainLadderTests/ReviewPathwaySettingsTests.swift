import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The review's thresholds live in the formulary's pathway settings, with sources.
@Suite("Formulary: review thresholds")
struct ReviewPathwaySettingsTests {
    @Test func bundledBandsAndSevereThreshold() throws {
        let f = try FormularyLoader.bundled()
        let bands = try #require(f.pathway.painChangeBands)
        // IMMPACT 2008 [S52]: 10 % minimal, 30 % moderate, 50 % substantial.
        #expect(bands.value == PainChangeBands(minimalPercent: 10, moderatePercent: 30, substantialPercent: 50))
        #expect(bands.sources == ["S52"])
        #expect(bands.status == .confirmed)
        #expect(f.sources["S52"]?.title.contains("IMMPACT") == true)
        let severe = try #require(f.pathway.referralSeverePain)
        #expect(severe.value == 7)
        #expect(severe.status == .choice)
        #expect(severe.note?.contains("PainLadder's choice") == true)
    }

    @Test func bandsThatDoNotRiseAreRefused() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "formulary.json") {
            FormularyFixture.set(&$0, ["pathway", "painChangeBands", "value", "moderatePercent"], to: 60)
        }
        let p = try #require(refusal(dir))
        #expect(p.file == "formulary.json")
        #expect(p.field == "pathway.painChangeBands.value")
    }

    @Test func aSevereThresholdOffTheScaleIsRefused() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "formulary.json") {
            FormularyFixture.set(&$0, ["pathway", "referralSeverePain", "value"], to: 11)
        }
        #expect(try #require(refusal(dir)).field == "pathway.referralSeverePain.value")
    }

    @Test func aMisspeltFieldIsRefused() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "formulary.json") {
            FormularyFixture.set(&$0, ["pathway", "painChangeBands", "value", "moderatPercent"], to: 30)
        }
        #expect(try #require(refusal(dir)).problem.contains("not a known field"))
    }

    @Test func anUncitedBandIsRefused() throws {
        let dir = try FormularyFixture.copyOfBundled()
        defer { FormularyFixture.remove(dir) }
        try FormularyFixture.mutate(dir, "formulary.json") {
            FormularyFixture.set(&$0, ["pathway", "painChangeBands", "sources"], to: ["S999"])
        }
        #expect(try #require(refusal(dir)).field == "pathway.painChangeBands.sources[0]")
    }
}

import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// A clinic's local overlay: caps and a drug order, checked before use.
@Suite("Formulary overlay")
struct FormularyOverlayTests {
    @Test func capOnGabapentinLoads() throws {
        let url = try FormularyFixture.write("""
        {"name": "Test clinic",
         "caps": {"gabapentin": {"value": 1800, "sources": ["S12"], "status": "local",
                                 "note": "600 mg three times daily"}}}
        """)
        defer { FormularyFixture.remove(url.deletingLastPathComponent()) }
        let formulary = try FormularyLoader.bundled(overlay: url)
        #expect(formulary.localName == "Test clinic")
        #expect(formulary.localCaps["gabapentin"]?.value == 1800)
        #expect(formulary.localCaps["gabapentin"]?.status == .local)
        #expect(formulary.localCaps["gabapentin"]?.sources == ["S12"])
        // The drug itself keeps its national maximum; the cap is applied per patient by the core.
        #expect(try formulary.drug("gabapentin").maximumDailyDose.value == 3600)
        #expect(formulary.pathway.ladderOrder == nil)
    }

    @Test func bundledExampleOverlayLoads() throws {
        let url = try FormularyLoader.bundledDirectory().deletingLastPathComponent()
            .appendingPathComponent("local/west-suffolk-example.json")
        let formulary = try FormularyLoader.bundled(overlay: url)
        #expect(formulary.localCaps["gabapentin"]?.value == 1800)
        #expect(formulary.pathway.ladderOrder?.value == ["amitriptyline", "gabapentin", "duloxetine", "pregabalin"])
        #expect(formulary.pathway.ladderOrder?.status == .local)
    }

    @Test func overlayMayCiteItsOwnSources() throws {
        let url = try FormularyFixture.write("""
        {"name": "Clinic with its own pathway",
         "sources": {"L1": {"title": "Our pathway, 2025", "url": "https://example.org/pathway"}},
         "caps": {"pregabalin": {"value": 300, "sources": ["L1"], "status": "local"}}}
        """)
        defer { FormularyFixture.remove(url.deletingLastPathComponent()) }
        let formulary = try FormularyLoader.bundled(overlay: url)
        #expect(formulary.localCaps["pregabalin"]?.value == 300)
        #expect(formulary.sources["L1"]?.title == "Our pathway, 2025")
    }

    static let refused: [(name: String, json: String, drug: String?, field: String, problem: String)] = [
        ("cap above the drug maximum",
         #"{"name": "X", "caps": {"gabapentin": {"value": 4800, "sources": ["S12"], "status": "local"}}}"#,
         "gabapentin", "caps.gabapentin.value", "above the drug's maximum of 3600"),
        ("unknown drug",
         #"{"name": "X", "caps": {"morphine": {"value": 60, "sources": ["S12"], "status": "local"}}}"#,
         nil, "caps.morphine", "not a drug in the formulary"),
        ("no sources",
         #"{"name": "X", "caps": {"gabapentin": {"value": 1800, "sources": [], "status": "local"}}}"#,
         "gabapentin", "caps.gabapentin.sources", "at least one source"),
        ("unknown source tag",
         #"{"name": "X", "caps": {"gabapentin": {"value": 1800, "sources": ["L9"], "status": "local"}}}"#,
         "gabapentin", "caps.gabapentin.sources[0]", "'L9' is not in sources.json"),
        ("cap of zero",
         #"{"name": "X", "caps": {"pregabalin": {"value": 0, "sources": ["S11"], "status": "local"}}}"#,
         "pregabalin", "caps.pregabalin.value", "above 0"),
        ("cap no strength can make",
         #"{"name": "X", "caps": {"gabapentin": {"value": 1850, "sources": ["S12"], "status": "local"}}}"#,
         "gabapentin", "caps.gabapentin.value", "cannot be made"),
        ("order naming an unknown drug",
         #"{"name": "X", "ladderOrder": {"value": ["amitriptyline", "nortriptyline"], "sources": ["S12"], "status": "local"}}"#,
         nil, "ladderOrder.value[1]", "not a drug in the formulary"),
        ("order with a repeat",
         #"{"name": "X", "ladderOrder": {"value": ["gabapentin", "pregabalin", "gabapentin"], "sources": ["S12"], "status": "local"}}"#,
         nil, "ladderOrder.value[2]", "listed twice"),
        ("order without sources",
         #"{"name": "X", "ladderOrder": {"value": ["gabapentin"], "sources": [], "status": "local"}}"#,
         nil, "ladderOrder.sources", "at least one source"),
        ("redefined source tag",
         #"{"name": "X", "sources": {"S12": {"title": "Something else"}}}"#,
         nil, "sources.S12", "already defined differently"),
        ("unknown field",
         #"{"name": "X", "cap": {"gabapentin": {"value": 1800, "sources": ["S12"], "status": "local"}}}"#,
         nil, "cap", "is not a known field"),
    ]

    @Test(arguments: 0..<refused.count)
    func overlayIsRefused(_ index: Int) throws {
        let c = Self.refused[index]
        let url = try FormularyFixture.write(c.json, name: "clinic.json")
        defer { FormularyFixture.remove(url.deletingLastPathComponent()) }
        let p = try #require(refusal(try FormularyLoader.bundledDirectory(), overlay: url), "\(c.name)")
        #expect(p.file == "clinic.json", "\(c.name)")
        #expect(p.drug == c.drug, "\(c.name)")
        #expect(p.field == c.field, "\(c.name)")
        #expect(p.problem.contains(c.problem), "\(c.name): \(p.problem)")
    }
}

/// A clinic's cap is checked with the schedule engine's own splitter (``DoseSplitter``), so
/// the overlay check and the schedules agree where the validator's old even split did not.
@Suite("Formulary overlay cap and the engine")
struct FormularyOverlayCapSplitTests {
    /// The bundled formulary with `drug`'s products (and maximum single dose) replaced.
    func formulary(_ drug: String, strengths: [Int], maximumSingleDose: Milligrams? = nil) throws -> Formulary {
        var formulary = try FormularyLoader.bundled()
        let index = try #require(formulary.drugs.firstIndex { $0.id == drug })
        formulary.drugs[index].strengths.value = strengths.map { Strength(mg: $0, form: "capsule") }
        formulary.drugs[index].maximumSingleDose = maximumSingleDose.map { Sourced($0, sources: ["S25"], status: .local) }
        return formulary
    }

    func overlay(_ drug: String, cap: Milligrams) -> LocalOverlay {
        LocalOverlay(name: "Test clinic", caps: [drug: Sourced(cap, sources: ["S12"], status: .local)])
    }

    @Test func capTheEngineCannotSplitIsRefused() throws {
        // Gabapentin, three times a day, from 300 and 400 mg only. 1,100 mg is one dose of
        // 300 + 400 + 400, which the old check took; but the engine gives it three doses, and
        // no three makeable parts add up to it (300 + 300 + 500 …): titration would stop below.
        let formulary = try formulary("gabapentin", strengths: [300, 400])
        let strengths = try formulary.drug("gabapentin").strengths.value
        #expect(DoseSplitter.split(1100, administrationsPerDay: 3, strengths: strengths) == nil)
        let error = #expect(throws: PainLadderError.self) {
            _ = try FormularyValidator.apply(overlay("gabapentin", cap: 1100), to: formulary, file: "local.json")
        }
        let p = try #require(FormularyProblem(error))
        #expect(p.field == "caps.gabapentin.value")
        #expect(p.problem == "1100 mg/day cannot be made from 300 mg capsule, 400 mg capsule in up to 3 doses")
    }

    @Test func capTheEngineSplitsIsAccepted() throws {
        // Duloxetine, once a day but two times listed, from 10 and 25 mg at most 25 mg a dose:
        // the old even split (20 + 15) refused 35 mg; the engine, and so the schedule, gives 10 + 25.
        let formulary = try formulary("duloxetine", strengths: [10, 25], maximumSingleDose: 25)
        #expect(DoseSplitter.split(35, administrationsPerDay: 1, strengths: try formulary.drug("duloxetine").strengths.value,
                                   maximumSingleDose: 25, timesAvailable: 2) == [10, 25])
        let capped = try FormularyValidator.apply(overlay("duloxetine", cap: 35), to: formulary, file: "local.json")
        #expect(capped.localCaps["duloxetine"]?.value == 35)
    }
}

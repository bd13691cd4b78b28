import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The hand-written readers (`Drug(json:)`…) against the types' own `Decodable`
/// conformance: every bundled file must give the same values both ways.
@Suite("Formulary reading agrees with JSONDecoder")
struct FormularyReadingTests {
    private static func url(_ file: String) throws -> URL {
        try FormularyLoader.bundledDirectory().appendingPathComponent(file)
    }

    /// Reads `file` with the loader's reader and with JSONDecoder.
    private static func both<T: Decodable>(_ file: String, _ type: T.Type,
                                           _ read: (JSONTreeReader) throws -> T) throws -> (reader: T, decoder: T) {
        let url = try url(file)
        let viaReader = try FormularyLoader.read(url, as: read)
        let viaDecoder = try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        return (viaReader, viaDecoder)
    }

    @Test(arguments: ["amitriptyline.json", "duloxetine.json", "gabapentin.json", "pregabalin.json"])
    func drugFiles(_ file: String) throws {
        let (reader, decoder) = try Self.both(file, Drug.self, Drug.init(json:))
        #expect(reader == decoder)
    }

    @Test func indexFile() throws {
        let (reader, decoder) = try Self.both(FormularyLoader.indexFile, FormularyIndex.self, FormularyIndex.init(json:))
        #expect(reader.name == decoder.name)
        #expect(reader.version == decoder.version)
        #expect(reader.drugs == decoder.drugs)
        #expect(reader.pathway == decoder.pathway)
        // The file gives every optional pathway setting but the order (an explicit null).
        #expect(reader.pathway.ladderOrder == nil)
        #expect(reader.pathway.painChangeBands != nil)
        #expect(reader.pathway.referralSeverePain != nil)
    }

    @Test func sourcesFile() throws {
        let (reader, decoder) = try Self.both("sources.json", [String: Source].self) { try $0.dictionary(Source.init(json:)) }
        #expect(reader == decoder)
        #expect(!reader.isEmpty)
    }

    @Test func diagnosesFile() throws {
        let (reader, decoder) = try Self.both("diagnoses.json", [Diagnosis].self) { try $0.array(Diagnosis.init(json:)) }
        #expect(reader == decoder)
    }

    @Test func medicinesFile() throws {
        let (reader, decoder) = try Self.both("medicines.json", [String: [String]].self) { medicines in
            try medicines.dictionary { try $0.strings() }
        }
        #expect(reader == decoder)
    }

    @Test func switchingFile() throws {
        let (reader, decoder) = try Self.both(SwitchingValidator.file, SwitchingRules.self, SwitchingRules.init(json:))
        #expect(reader == decoder)
    }

    @Test func exampleOverlay() throws {
        let url = try FormularyLoader.bundledDirectory().deletingLastPathComponent()
            .appendingPathComponent("local/west-suffolk-example.json")
        let viaReader = try FormularyLoader.read(url, as: LocalOverlay.init(json:))
        #expect(viaReader == (try JSONDecoder().decode(LocalOverlay.self, from: Data(contentsOf: url))))
        #expect(viaReader.caps?["gabapentin"]?.value == 1800)
    }

    @Test func theWholeFormularyLoads() throws {
        let formulary = try FormularyLoader.bundled()
        #expect(formulary.drugs.map(\.id) == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
        #expect(formulary.switching != nil)
    }

    @Test func aStepIsANumberOrAnObject() throws {
        let document = try JSONTreeParser.parse(#"[300, {"doses": [300, 300]}, {"dailyDose": 900, "usualDays": 3}]"#)
        let steps = try JSONTreeReader(document, marks: ReadMarks(document)).array(StepTemplate.init(json:))
        #expect(steps == [StepTemplate(dailyDose: 300), StepTemplate(dailyDose: 600, doses: [300, 300]),
                          StepTemplate(dailyDose: 900, usualDays: 3)])
    }
}

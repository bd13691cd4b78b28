import Foundation
import Testing

/// A replaced formulary never looks official: a `PAINLADDER_DATA` copy whose pregabalin
/// maximum is ×4 is marked as not the bundled release on every screen that shows a clinical
/// number, and a `PAINLADDER_DATA` folder without `formulary/` is an error.
@Suite("Reliability: formulary provenance")
struct FormularyProvenanceTests {
    static let mark = "NOT the bundled release"

    /// The bundled Data folder copied, with pregabalin's maximum 600 → 2400 mg/day.
    static func editedData(in cli: CLI) throws -> URL {
        let bundled = CLI.binary.deletingLastPathComponent()
            .appendingPathComponent("PainLadder_FormularyData.resources/Data/formulary")
        let data = cli.directory.appendingPathComponent("Data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bundled, to: data.appendingPathComponent("formulary"))
        let file = data.appendingPathComponent("formulary/pregabalin.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"value\": 600,", with: "\"value\": 2400,")
        #expect(edited != text, "precondition: pregabalin's maximum was found")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        return data
    }

    static let screens: [[String]] = [
        ["formulary", "list"], ["formulary", "show", "pregabalin"], ["review", "P001"],
        ["schedule", "P001"], ["today", "P001"],
    ]

    @Test func editedDataIsMarkedOnEveryScreenWithANumber() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let env = ["PAINLADDER_DATA": try Self.editedData(in: cli).path]
        let version = try cli.run(["--version"], db: false, environment: env)
        #expect(version.status == 0)
        #expect(version.stdout.contains(Self.mark), "--version: \(version.stdout)")
        for args in Self.screens {
            let r = try cli.run(args + ["--now", Reliability.now], environment: env)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.stdout.hasPrefix("WARNING: formulary data \(Self.mark)"), "\(args): \(r.stdout.prefix(200))")
            let json = try cli.run(args + ["--json", "--now", Reliability.now], environment: env)
            #expect(json.stderr.contains(Self.mark), "\(args) --json says it on stderr: \(json.stderr)")
            #expect(!json.stdout.contains(Self.mark), "the JSON keeps its shape")
        }
        let show = try cli.run(["formulary", "show", "pregabalin"], environment: env)
        #expect(show.stdout.contains("maximum: 2400 mg/day"))
        _ = try cli.run(Reliability.addP001.replacingFirst("P001", with: "P009") + ["--now", Reliability.now], environment: env)
        let start = try cli.run(["start", "P009", "pregabalin", "--on", "2026-03-20", "--now", Reliability.now], environment: env)
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.hasPrefix("WARNING: formulary data \(Self.mark)"), "start: \(start.stdout.prefix(200))")
    }

    @Test func bundledDataIsNotMarked() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let version = try cli.run(["--version"], db: false)
        #expect(version.stdout.split(separator: "\n").count == 1, "\(version.stdout)")
        for args in Self.screens {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.stdout.contains("WARNING") && r.stderr.isEmpty, "\(args)")
        }
    }

    @Test func dataFolderWithoutFormularyIsAnError() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let empty = cli.directory.appendingPathComponent("NoFormulary")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let env = ["PAINLADDER_DATA": empty.path]
        for args in [["formulary", "list"], ["review", "P001"]] {
            let r = try cli.run(args + ["--now", Reliability.now], environment: env)
            #expect(r.status == 65, "\(args): exit \(r.status), \(r.stderr)")
            #expect(r.errorLines.count == 1)
            #expect(r.stderr.contains("PAINLADDER_DATA names a folder without formulary/"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        let version = try cli.run(["--version"], db: false, environment: env)
        #expect(version.stdout.contains("PAINLADDER_DATA names a folder without formulary/"), "\(version.stdout)")
    }
}

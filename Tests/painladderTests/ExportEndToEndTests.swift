import Foundation
import Testing

@Suite("End to end: export for the doctor (csv, json)")
struct ExportEndToEndTests {
    @Test func csvHasEveryEntryQuotedSafelyAndJsonHasEveryPlanVersion() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        func run(_ args: [String], _ now: String) throws -> CLI.Result { try cli.run(args + ["--now", now]) }
        #expect(try run(["patient", "add", "P1", "--born", "1960-01-01", "--sex", "male", "--tz", "Europe/London",
                         "--diagnosis", "post-herpetic-neuralgia"], "2026-03-01T09:00:00Z").status == 0)
        #expect(try run(["start", "P1", "amitriptyline", "--on", "2026-03-02", "--by", "Dr A"], "2026-03-01T09:00:00Z").status == 0)
        #expect(try run(["take", "P1", "--note", "with food, then \"slept\""], "2026-03-02T22:05:00Z").status == 0)
        #expect(try run(["pain", "P1", "6", "--impact", "=HYPERLINK(\"x\")"], "2026-03-03T09:00:00Z").status == 0)
        #expect(try run(["correct", "P1", "2", "--score", "5", "--reason", "typo"], "2026-03-03T09:05:00Z").status == 0)

        let csv = try run(["export", "P1", "--format", "csv"], "2026-03-03T10:00:00Z")
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Header, the dose (#1), the pain score (#2) and its correction (#3): nothing dropped.
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("entry,kind,drug,"))
        // RFC 4180: a cell with a comma or quote is quoted, quotes doubled.
        #expect(rows[1].contains("\"with food, then \"\"slept\"\"\""))
        // A formula is kept as text, not run by a spreadsheet.
        #expect(rows[2].contains("'=HYPERLINK"))
        #expect(rows[2].hasSuffix(",3,"), "the original pain entry names its replacement: \(rows[2])")

        let json = try run(["export", "P1", "--format", "json"], "2026-03-03T10:00:00Z")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let courses = object?["courses"] as? [[String: Any]]
        #expect(courses?.count == 1)
        #expect((courses?.first?["planVersions"] as? [Any])?.count == 1)
        #expect((object?["journal"] as? [Any])?.count == 3)
    }
}

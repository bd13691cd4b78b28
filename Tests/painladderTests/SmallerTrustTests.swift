import Foundation
import Testing

/// The smaller items of the trust review: a malformed `--now` on the reading commands,
/// `.` and `..` as patient ids, a CSV cell starting with TAB or CR, and the path in a
/// 100,000-deep JSON error.
@Suite("Reliability: smaller trust items")
struct SmallerTrustTests {
    @Test(arguments: [["patient", "list"], ["history", "P001"], ["formulary", "list"]],
          ["2026-13-45T99:00:00Z", "yesterday", "2026-03-20", "2026-03-20T12:00:00"])
    func malformedNowIsRefused(_ args: [String], _ now: String) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        let r = try cli.run(args + ["--now", now])
        #expect(r.status == 65, "\(args) --now \(now): exit \(r.status)")
        #expect(r.errorLines.count == 1)
        #expect(r.stderr.contains("--now"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try cli.dump() == before)
    }

    @Test(arguments: [".", ".."])
    func dotPatientIDsAreRefused(_ id: String) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        for args in [Reliability.addP001.replacingFirst("P001", with: id), ["history", id], ["pain", id, "4"]] {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 65, "\(args): exit \(r.status), \(r.stderr)")
            #expect(r.errorLines.count == 1)
            #expect(r.stderr.contains("not '.' or '..'"), "\(r.stderr)")
        }
        #expect(try cli.dump() == before)
    }

    /// Rows an older release could store (written here with sqlite3, as the text checks now
    /// refuse such input): a `recorded_by` starting with TAB and an impact starting with CR.
    @Test func csvCellsStartingWithTabOrCarriageReturnAreDefused() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        try Reliability.sqlite(cli.database, """
            INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, detail)
            SELECT patient_id, course_id, plan_version_id, kind, at, recorded_at, char(9) || '=1+2',
                   json_set(detail, '$.pain.impact', char(13) || '=HYPERLINK("http://x")')
              FROM journal_entry WHERE kind = 'pain' LIMIT 1;
            """, write: true)
        let r = try cli.run(["export", "P001", "--format", "csv", "--now", Reliability.now])
        #expect(r.status == 0, "\(r.stderr)")
        // Guarded, then the control character shown escaped (StoredText.escaped).
        #expect(r.stdout.contains("'\\t=1+2"), "TAB guarded")
        #expect(r.stdout.contains("'\\r=HYPERLINK(\"\"http://x\"\")"), "CR guarded")
        #expect(!r.stdout.contains("\t=") && !r.stdout.contains("\r="))
    }

    @Test func deepJSONErrorNamesAShortPath() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let overlay = cli.directory.appendingPathComponent("deep.json")
        for document in [String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
                         String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)] {
            try document.write(to: overlay, atomically: true, encoding: .utf8)
            let r = try cli.run(["formulary", "list", "--formulary", overlay.path], db: false)
            #expect(r.status == 65)
            #expect(r.errorLines.count == 1)
            #expect(r.stderr.utf8.count < 300, "\(r.stderr.utf8.count) bytes: \(r.stderr.prefix(400))")
            #expect(r.stderr.contains("levels)…"), "\(r.stderr)")
        }
    }
}

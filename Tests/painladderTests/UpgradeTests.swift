import Foundation
import PainLadderTestSupport
import Testing

/// A database written by the first schema version opens with the current build, migrates,
/// keeps every row, and works for reading and writing.
@Suite("Reliability: upgrades")
struct UpgradeTests {
    static let fixture = fixtureFolder.appendingPathComponent("v1-clinic.sql")
    static let v1Tables = ["patient", "course", "plan_version", "audit"]

    /// Replays the fixture into the test's database file, as mode 0600.
    static func replay(into cli: CLI) throws {
        try Reliability.sqlite(cli.database, ".read '\(fixture.path)'", write: true)
        chmod(cli.database.path, 0o600)
    }

    /// Every row of the v1 tables, in the v1 columns only (later migrations may add columns).
    static func v1Rows(_ cli: CLI, columns: [String: String]) throws -> [String: String] {
        var rows: [String: String] = [:]
        for table in v1Tables {
            rows[table] = try Reliability.sqlite(cli.database, "SELECT \(columns[table]!) FROM \(table) ORDER BY rowid")
        }
        return rows
    }

    @Test func v1DatabaseMigratesAndKeepsEveryRow() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try Self.replay(into: cli)
        #expect(try Reliability.sqlite(cli.database, "SELECT group_concat(identifier) FROM grdb_migrations") == "v1")
        var columns: [String: String] = [:]
        for table in Self.v1Tables {
            columns[table] = try Reliability.sqlite(cli.database, "SELECT group_concat(name) FROM pragma_table_info('\(table)')")
        }
        let before = try Self.v1Rows(cli, columns: columns)
        // The fixture holds 2 patients, 2 courses, 5 plan versions, 8 audit rows.
        #expect(try Reliability.sqlite(cli.database, "SELECT (SELECT count(*) FROM patient) || ' ' || (SELECT count(*) FROM course) || ' ' || (SELECT count(*) FROM plan_version) || ' ' || (SELECT count(*) FROM audit)") == "2 2 5 8")

        // A reading command opens it: the migrations run, nothing else changes.
        let list = try cli.run(["patient", "list", "--json", "--now", Reliability.now])
        #expect(list.status == 0, "\(list.stderr)")
        let fresh = try Reliability.clinic()   // a database the current build made from scratch
        defer { fresh.cleanUp() }
        let expected = try Reliability.sqlite(fresh.database, "SELECT group_concat(identifier) FROM (SELECT identifier FROM grdb_migrations ORDER BY rowid)")
        #expect(try Reliability.sqlite(cli.database, "SELECT group_concat(identifier) FROM (SELECT identifier FROM grdb_migrations ORDER BY rowid)") == expected)
        #expect(try Self.v1Rows(cli, columns: columns) == before, "every v1 row, unchanged")
        #expect(try Reliability.sqlite(cli.database, "PRAGMA integrity_check") == "ok")
        #expect(try Reliability.sqlite(cli.database, "PRAGMA foreign_key_check") == "")
        #expect(try Reliability.sqlite(cli.database, "PRAGMA application_id") == "1347175506")

        // Its records read back through the current code: the names with quotes, the held
        // then resumed plan (version 3 with its override), the stopped course.
        let patients = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["patients"] as? [[String: Any]] ?? []
        #expect(patients.map { $0["patientID"] as? String } == ["P001", "P002"])
        #expect(patients.first?["name"] as? String == "Ann O'Neill \"Annie\"; née Müller")
        #expect(patients.first?["creatinineClearance"] as? Double == 52)
        let schedule = try cli.run(["schedule", "P001", "--json", "--now", Reliability.now])
        #expect(schedule.status == 0, "\(schedule.stderr)")
        let plan = (try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any])?["plan"] as? [String: Any]
        #expect(plan?["version"] as? Int == 3)
        #expect(plan?["nextReviewDate"] as? String == "2026-02-17")
        #expect((plan?["overrides"] as? [[String: Any]])?.first?["limit"] as? String == "minimumInterval")
        let history = try cli.run(["history", "P001", "--now", Reliability.now])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("plan version 2 by painladder (hold rule)"))
        #expect(history.stdout.contains("plan version 3 by dr.rao: reviewed: continue"))
        let stopped = try cli.run(["schedule", "P002", "--now", Reliability.now])
        #expect(stopped.status == 65 && stopped.stderr.contains("no course in progress"), "\(stopped.stderr)")

        // And it takes new writes of every later kind.
        for args in [["take", "P001", "--at", "2026-03-19 22:10"], ["pain", "P001", "3"],
                     ["patient", "update", "P002", "--tz", "Europe/London", "--reason", "moved"],
                     ["start", "P002", "pregabalin", "--on", "2026-03-21"]] {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(try Reliability.sqlite(cli.database, "SELECT count(*) FROM journal_entry") == "2")
        #expect(try Reliability.sqlite(cli.database, "PRAGMA integrity_check") == "ok")
        // The append-only v1 rows are still all there, unchanged, after the new writes (the
        // patient row itself is updated in place by design; its audit row keeps the before).
        let after = try Self.v1Rows(cli, columns: columns)
        for table in ["course", "plan_version", "audit"] {
            #expect(after[table]!.hasPrefix(before[table]!), "\(table): old rows kept, new ones appended")
        }
    }
}

import ClinicGenerator
import Foundation
import GRDB
import FormularyData
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import Testing

/// The benchmark's generator, small: row counts worked out by hand, and the same seed gives
/// the same database.
@Suite("Synthetic clinic generator (smoke)")
struct GeneratorSmokeTests {
    static func temporaryStore() throws -> (Store, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("painladder-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (try Store(path: dir + "/clinic.sqlite", createIfMissing: true), dir)
    }

    static func count(_ store: Store, _ sql: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// 5 patients × 30 days ending 2026-03-20 (first day 2026-02-19, "now" 2026-03-20 12:00 UTC),
    /// all on gabapentin with normal renal function, every dose taken.
    @Test func fivePatientsThirtyDaysHaveTheHandWorkedCounts() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = ClinicGenerator.Options(patients: 5, days: 30, seed: 42, firstDrugs: [("gabapentin", 1)],
                                              secondCourseRate: 0, takenRate: 1, skippedRate: 0, measuredClearance: 100,
                                              startSpread: 0)
        let summary = try ClinicGenerator.generate(options, formulary: try FormularyLoader.bundled(), into: store)

        let zones = try store.patients().map(\.timeZone)
        #expect(zones.count == 5)
        // Gabapentin standard from 2026-02-20 (day 1 of history is the baseline day): 300 mg at
        // 22:00 on day 1, 08:00 + 22:00 on day 2, then three a day (08:00, 14:00, 22:00).
        // 2026-02-20 … 2026-03-19 (28 days): 1 + 2 + 26 × 3 = 81 doses. On 2026-03-20 only slots before
        // 12:00 UTC count: 08:00 in London/Dublin (08:00 UTC) and Paris (07:00 UTC); none in
        // New York (08:00 EDT = 12:00 UTC, not before); all three in Sydney (AEDT, UTC+11).
        let lastDay = ["Europe/London": 1, "Europe/Dublin": 1, "Europe/Paris": 1, "America/New_York": 0,
                       "Australia/Sydney": 3]
        let doses = zones.reduce(0) { $0 + 81 + lastDay[$1]! }
        // A pain score at 20:30 local every day from 2026-02-19; on 2026-03-20 20:30 is before
        // 12:00 UTC only in Sydney (09:30 UTC).
        let pain = zones.reduce(0) { $0 + 29 + ($1 == "Australia/Sydney" ? 1 : 0) }
        // Side effects on history days 3, 10, 17, 24 (every 7 days from day 3) while on the course.
        let sideEffects = 5 * 4
        // Plan versions: v1 at the start, and the early review 14 days later (2026-03-06); the
        // next review (28–35 days on) falls after the end.
        let planVersions = 5 * 2
        #expect(try Self.count(store, "SELECT count(*) FROM patient") == 5)
        #expect(try Self.count(store, "SELECT count(*) FROM course WHERE drug = 'gabapentin'") == 5)
        #expect(try Self.count(store, "SELECT count(*) FROM plan_version") == planVersions)
        #expect(try Self.count(store, "SELECT count(*) FROM journal_entry WHERE kind = 'taken'") == doses)
        #expect(try Self.count(store, "SELECT count(*) FROM journal_entry WHERE kind = 'pain'") == pain)
        #expect(try Self.count(store, "SELECT count(*) FROM journal_entry WHERE kind = 'side-effect'") == sideEffects)
        #expect(try Self.count(store, "SELECT count(*) FROM journal_entry WHERE json_extract(detail, '$.pain.baseline')") == 5)
        // Titration reaches its last planned step (1800 mg/day) on 2026-03-03, before the review:
        // the review moves the course to maintaining.
        #expect(try Self.count(store, "SELECT count(*) FROM course WHERE status = 'maintaining'") == 5)
        // One audit row per patient, course start, later plan version and journal entry.
        let journal = doses + pain + sideEffects
        #expect(try Self.count(store, "SELECT count(*) FROM audit") == 5 + 5 + 5 + journal)
        #expect(summary.doseEntries == doses && summary.painEntries == pain && summary.unrecordedDoses == 0)
        // Rows: 5 patients, 5 courses, 10 plan versions, the journal, its audit, 5 course updates.
        #expect(summary.rows == 5 + 5 + 10 + journal + (15 + journal) + 5)
    }

    /// The same seed gives the same database (every row, byte for byte); another seed does not.
    @Test func sameSeedSameDatabase() throws {
        func digest(seed: UInt64) throws -> String {
            let (store, dir) = try Self.temporaryStore()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            // 400 days so that about half the patients stop a course and start a second.
            _ = try ClinicGenerator.generate(ClinicGenerator.Options(patients: 4, days: 400, seed: seed),
                                             formulary: try FormularyLoader.bundled(), into: store)
            return try store.read { db in
                var text = ""
                for table in ["patient", "course", "plan_version", "journal_entry", "audit"] {
                    text += "\(table)\n" + (try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
                        .map(\.description).joined(separator: "\n"))
                }
                return text
            }
        }
        let first = try digest(seed: 7)
        #expect(try digest(seed: 7) == first)
        #expect(try digest(seed: 8) != first)
        #expect(first.contains("status:\"stopped\""), "some patient moved to a second course")
    }

    @Test func refusesADatabaseThatHoldsPatients() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = ClinicGenerator.Options(patients: 1, days: 3)
        _ = try ClinicGenerator.generate(options, formulary: try FormularyLoader.bundled(), into: store)
        #expect(throws: PainLadderError.self) {
            try ClinicGenerator.generate(options, formulary: try FormularyLoader.bundled(), into: store)
        }
    }
}

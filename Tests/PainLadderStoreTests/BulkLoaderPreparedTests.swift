import Foundation
import GRDB
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

/// Entries encoded ahead (``BulkLoader/PreparedEntries``, text bound in place) give the rows
/// one ``BulkLoader/append(_:)`` at a time gives.
@Suite("Bulk loader, prepared entries")
struct BulkLoaderPreparedTests {
    /// The three sample entries, plus two undos: one recorded by a name holding a NUL, one by
    /// an empty name (no CHECK forbids it): text is bound with its length, and an empty text
    /// must stay '' (not NULL, which NOT NULL would refuse).
    static func entries(course: Int64, plan: Int64) -> [JournalEntry] {
        BulkLoaderTests.entries(course: course, plan: plan, held: plan) + [
            JournalEntry(patientID: "P001", courseID: course, planVersionID: plan, at: t0 + 40 * 3600,
                         recordedAt: t0 + 40 * 3600, recordedBy: "nurse\u{0}lee", supersedes: 3, reason: "wrong day", event: .undo),
            JournalEntry(patientID: "P001", at: t0 + 41 * 3600, recordedAt: t0 + 41 * 3600, recordedBy: "",
                         supersedes: 2, event: .undo),
        ]
    }

    @Test func preparedEntriesWriteTheRowsAppendWrites() throws {
        try withTemporaryDirectory { dir in
            func load(_ path: String, prepared: Bool) throws -> (Store, Int) {
                let store = try Store(path: path, createIfMissing: true)
                let rows = try store.bulkLoad { loader in
                    try loader.addPatient(samplePatient(), at: t0, by: "dr.khan")
                    #expect(try loader.nextID(.course) == 1 && loader.nextID(.planVersion) == 1)
                    let (course, plan) = try loader.startCourse(sampleCourse(), plan: samplePlan())
                    #expect(try loader.nextID(.course) == 2 && loader.nextID(.planVersion) == 2)
                    let entries = Self.entries(course: course, plan: plan)
                    if prepared {
                        var packed = BulkLoader.PreparedEntries()
                        for e in entries { try packed.append(e) }
                        #expect(packed.count == 5)
                        // Two calls, so that a range not starting at 0 is exercised.
                        #expect(try loader.append(packed, 0 ..< 2) == 2)
                        #expect(try loader.append(packed, 2 ..< 5) == 5)
                    } else {
                        for e in entries { try loader.append(e) }
                    }
                    return loader.rowsWritten
                }
                return (store, rows)
            }
            let (single, singleRows) = try load(dir + "/single.sqlite", prepared: false)
            let (packed, packedRows) = try load(dir + "/packed.sqlite", prepared: true)
            #expect(try BulkLoaderTests.contents(packed) == BulkLoaderTests.contents(single))
            #expect(packedRows == singleRows)
            // 1 patient, 1 course, 1 plan version, 5 entries; audit: patient, course, 5 entries.
            #expect(packedRows == 15)
            let recorders = try packed.read { db in
                try Row.fetchAll(db, sql: "SELECT recorded_by, length(CAST(recorded_by AS BLOB)) AS n FROM journal_entry WHERE kind = 'undo' ORDER BY id")
            }
            #expect(recorders.map { $0["n"] as Int } == [9, 0])
        }
    }
}

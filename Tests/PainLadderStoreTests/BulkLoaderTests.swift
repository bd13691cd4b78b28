import Foundation
import GRDB
import PainLadder
@testable import PainLadderStore
import Testing

/// The bulk loader is a faster road to the same rows: loading a record through it writes
/// exactly what the one-at-a-time API writes, and the indexes it drops come back.
@Suite("Bulk loader")
struct BulkLoaderTests {
    static func entries(course: Int64, plan: Int64, held: Int64) -> [JournalEntry] {
        let slot = SlotKey(date: day("2026-03-02"), time: LocalTime(hour: 22, minute: 0)!)
        return [
            JournalEntry(patientID: "P001", courseID: course, planVersionID: plan, kind: .taken, at: t0 + 13 * 3600,
                         recordedAt: t0 + 13 * 3600 + 60, recordedBy: "P001", note: "with 'quotes'; and ; semicolons",
                         dose: DoseDetail(slot: slot, doseMg: 10, plannedDoseMg: 10, stepNumber: 1, late: false)),
            JournalEntry(patientID: "P001", courseID: course, planVersionID: held, kind: .pain, at: t0 + 20 * 3600,
                         recordedAt: t0 + 20 * 3600, recordedBy: "P001", pain: PainDetail(score: 6, sleep: 4, impact: "ünïcödé")),
            JournalEntry(patientID: "P001", courseID: course, planVersionID: held, kind: .sideEffect, at: t0 + 30 * 3600,
                         recordedAt: t0 + 30 * 3600, recordedBy: "P001",
                         sideEffect: SideEffectDetail(symptom: "drowsiness", known: true, severity: .moderate, stepNumber: 1),
                         flags: [ClinicianFlag(.stepUpHeld, "held")]),
        ]
    }

    /// Every row of every table, in order: what "the same database" means here.
    static func contents(_ store: Store) throws -> [String: [Row]] {
        try store.read { db in
            var all: [String: [Row]] = [:]
            for table in ["patient", "course", "plan_version", "journal_entry", "audit", "patient_zone"] {
                all[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            }
            return all
        }
    }

    @Test func bulkWritesWhatTheOneAtATimeAPIWrites() throws {
        try withTemporaryDirectory { dir in
            // One at a time.
            let single = try Store(path: dir + "/single.sqlite", createIfMissing: true)
            try single.addPatient(samplePatient(), at: t0, by: "dr.khan")
            let (course, v1) = try single.startCourse(sampleCourse(), plan: samplePlan())
            var hold = nextVersion(of: v1, schedule: v1.schedule, reason: "held", at: t0 + 86_400)
            hold.holdReason = "moderate drowsiness"
            hold.decision = Decision(kind: .automaticHold, by: "painladder (hold rule)", reason: "held")
            let v2 = try single.addPlanVersion(hold, courseStatus: .held)
            let entries = Self.entries(course: course.id!, plan: v1.id!, held: v2.id!)
            _ = try single.recordJournal(patientID: "P001") { _ in JournalWrite(entries: entries) }

            // The same records in bulk.
            let bulk = try Store(path: dir + "/bulk.sqlite", createIfMissing: true)
            let rows = try bulk.bulkLoad { loader in
                try loader.addPatient(samplePatient(), at: t0, by: "dr.khan")
                let (courseID, planID) = try loader.startCourse(sampleCourse(), plan: samplePlan())
                #expect(courseID == course.id && planID == v1.id)
                var held = hold
                held.replacesID = planID
                let heldID = try loader.addPlanVersion(held, patientID: "P001", statusBefore: .titrating, courseStatus: .held)
                #expect(heldID == v2.id)
                for e in entries { try loader.append(e) }
                return loader.rowsWritten
            }
            #expect(try Self.contents(bulk) == Self.contents(single))
            // 1 patient + 1 course + 2 plan versions + 3 entries + 6 audit rows (patient, course,
            // plan version 2, three entries), and 1 course status update.
            #expect(rows == 14)
        }
    }

    @Test func indexesAreBackAfterTheLoadAndARefusedLoadChangesNothing() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            let indexes = { try store.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name") } }
            let before = try indexes()
            #expect(before.contains { $0.contains("journal_by_patient") })
            try store.bulkLoad { loader in try loader.addPatient(samplePatient(), at: t0, by: "dr.khan") }
            #expect(try indexes() == before)
            // A load that fails part-way (a duplicate patient) leaves nothing of itself behind.
            #expect(throws: PainLadderError.duplicatePatient("P001")) {
                try store.bulkLoad { loader in
                    try loader.addPatient(samplePatient("P002"), at: t0, by: "dr.khan")
                    try loader.addPatient(samplePatient("P001"), at: t0, by: "dr.khan")
                }
            }
            #expect(try store.patients().map(\.id) == ["P001"])
            #expect(try indexes() == before)
        }
    }
}

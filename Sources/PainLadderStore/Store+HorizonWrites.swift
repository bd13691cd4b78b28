import Foundation
import GRDB
import PainLadder
import PainLadderClinic

/// The upcoming slots rewritten in the transaction of the change that moves them (issue 17):
/// a start, a decision, a hold, a zone move, supply recorded. The triggers of ``SlotSchema``
/// mark the courses such a write touches out of date; before it commits, the write lists
/// those courses' horizons afresh by the ``HorizonPlanning`` in effect. Without one (a bulk
/// load, a program writing the store directly) or when the course cannot be planned, the
/// mark stays, and the next reminder run rebuilds the course (the safety net).
extension Store {
    /// One IMMEDIATE transaction for a write on one patient that may move slots.
    func writeMovingSlots<T>(patientID: String, _ body: (Database) throws -> T) throws -> T {
        let planning = HorizonPlanning.current
        return try write { db in
            let result = try body(db)
            if let planning { try Self.rewriteMovedHorizons(patientID: patientID, planning, db) }
            return result
        }
    }

    /// Lists again each of the patient's courses in progress whose horizon is marked out of
    /// date (`covered_through = ''`: the index `dose_slot_horizon_by_end`).
    static func rewriteMovedHorizons(patientID: String, _ planning: HorizonPlanning, _ db: Database) throws {
        guard try db.tableExists("dose_slot_horizon") else { return }
        let moved = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT h.course_id FROM dose_slot_horizon h JOIN course c ON c.id = h.course_id
             WHERE h.in_progress = 1 AND h.covered_through = '' AND c.patient_id = ?
            """), arguments: [patientID])
        guard !moved.isEmpty else { return }
        let lastRun = try Row.fetchOne(db, sql: "SELECT last_run_at FROM reminder_run WHERE id = 1")
            .map { try Rows.instant($0, "last_run_at", table: "reminder_run") }
        for courseID in moved {
            guard let record = try fetchReminderRecord(courseID, journalFrom: { planning.journalFrom($0, lastRun: lastRun) }, db),
                  // A course the policy cannot plan (its drug gone from the formulary) keeps
                  // its mark: the run reports it, as before; the change itself stands.
                  let horizon = try? planning.build(record) else { continue }
            try replaceHorizon(courseID, with: horizon, db)
        }
    }
}

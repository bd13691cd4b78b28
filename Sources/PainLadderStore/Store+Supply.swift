import Foundation
import GRDB
import PainLadder

extension Store {
    /// Records a supply event (a pack collected, or a count) for the patient's course in
    /// progress, with an audit row `supply.add` or `supply.count`.
    ///
    /// - Throws: ``PainLadderError/notPossible(_:)`` when the course is not the patient's
    ///   course in progress.
    @discardableResult
    public func addSupply(_ e: SupplyEvent, recordedAt: Date) throws -> SupplyEvent {
        try writeMovingSlots(patientID: e.patientID) { db in
            guard let course = try Self.fetchActiveCourse(e.patientID, db), course.id == e.courseID else {
                throw PainLadderError.notPossible("\(e.patientID) has no course in progress with id \(e.courseID); supply is recorded for the course in progress")
            }
            var saved = e
            saved.id = try db.insertRow(into: "supply_event", [
                "patient_id": e.patientID, "course_id": e.courseID, "drug": e.drug, "strength_mg": e.strength.mg,
                "form": e.strength.form, "kind": e.kind.rawValue, "units": e.units, "at": StoreTime.string(e.at),
                "recorded_at": StoreTime.string(recordedAt), "recorded_by": e.recordedBy,
            ])
            try Self.audit(db, .supply(saved, recordedAt: recordedAt))
            return saved
        }
    }

    /// The course's supply events in time order.
    public func supplyEvents(courseID: Int64) throws -> [SupplyEvent] {
        try read { db in try Self.fetchSupply(courseID, db) }
    }

    static func fetchSupply(_ courseID: Int64, _ db: Database) throws -> [SupplyEvent] {
        try SupplyEvent.fetchAll(try db.cachedStatement(sql: "SELECT * FROM supply_event WHERE course_id = ? ORDER BY at, id"),
                                 arguments: [courseID])
    }
}

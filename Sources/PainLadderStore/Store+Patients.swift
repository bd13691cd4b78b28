import Foundation
import GRDB
import PainLadder
import PainLadderClinic

extension Store {
    /// Records a new patient (and an audit row `patient.add`).
    ///
    /// ```swift
    /// let p = Patient(id: "P001", birthDate: LocalDate(year: 1958, month: 4, day: 12)!, sex: .female,
    ///                 timeZone: "Europe/London", diagnosis: "diabetic-peripheral-neuropathy")
    /// try store.addPatient(p, at: Date(), by: "dr.khan")
    /// ```
    /// - Throws: ``PainLadderError/duplicatePatient(_:)`` when the id is taken.
    public func addPatient(_ p: Patient, at: Date, by: String) throws {
        try write { db in try Self.insertPatient(p, at: at, by: by, db) }
    }

    /// The checks and writes of ``addPatient(_:at:by:)``, inside the caller's transaction.
    static func insertPatient(_ p: Patient, at: Date, by: String, _ db: Database) throws {
            if try Self.patientExists(p.id, db) { throw PainLadderError.duplicatePatient(p.id) }
            try StoredPatient(patient: p, createdAt: at, updatedAt: at).insert(db)
            try Self.audit(db, .patientAdded(p, by: by, at: at))
    }

    /// Updates a patient in one transaction: `change` gets the stored record and returns the
    /// new one. Nothing is lost: the audit row `patient.update` holds the record before and
    /// after, who changed it, when and why. When the time zone changes, the new zone applies
    /// from `zoneFrom(new record)` on (past entries keep their instants; local dose times
    /// follow the patient).
    public func updatePatient(id: String, at: Date, by: String, reason: String?, zoneFrom: (Patient) -> LocalDate,
                              _ change: (Patient) throws -> Patient) throws -> PatientUpdate {
        try writeMovingSlots(patientID: id) { db in
            let before = try Self.fetchPatient(id, db)
            var after = try change(before)
            after.id = before.id
            if before.timeZone != after.timeZone {
                let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM patient_zone WHERE patient_id = ?",
                                             arguments: [id]) ?? 0
                if known == 0 {
                    try db.insertRow(into: "patient_zone", ["patient_id": id, "from_date": "0001-01-01",
                                                            "zone": before.timeZone, "recorded_at": StoreTime.string(at)])
                }
                try db.insertRow(into: "patient_zone", ["patient_id": id, "from_date": zoneFrom(after).description,
                                                        "zone": after.timeZone, "recorded_at": StoreTime.string(at)])
            }
            let changed = try Self.updatePatientRow(after, at: at, by: by, reason: reason, db)
            return PatientUpdate(before: before, after: after, changed: changed)
        }
    }

    static func updatePatientRow(_ p: Patient, at: Date, by: String, reason: String?, _ db: Database) throws -> Bool {
            let before = try Self.fetchPatient(p.id, db)
            if before == p { return false }
            // Writes the columns that changed and `updated_at` (neither side knows `created_at`).
            try StoredPatient(patient: p, updatedAt: at).updateChanges(db, from: StoredPatient(patient: before))
            try Self.audit(db, .patientUpdated(before: before, after: p, reason: reason, by: by, at: at))
            return true
    }

    /// The patient with this id.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func patient(_ id: String) throws -> Patient {
        try read { db in try Self.fetchPatient(id, db) }
    }

    /// All patients, ordered by id.
    public func patients() throws -> [Patient] {
        try read { db in
            try Patient.orderByPrimaryKey().fetchAll(db)
        }
    }

    // MARK: - Inside a transaction

    static func patientExists(_ id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM patient WHERE id = ?)", arguments: [id]) ?? false
    }

    static func requirePatient(_ id: String, _ db: Database) throws {
        guard try patientExists(id, db) else { throw PainLadderError.unknownPatient(id) }
    }

    static func fetchPatient(_ id: String, _ db: Database) throws -> Patient {
        // Not `fetchOne(db, key:)`: its first use reads the table's schema (4 M instructions, 2 % of a `take`).
        guard let patient = try SQLRequest<Patient>("SELECT * FROM patient WHERE id = \(id)").fetchOne(db) else {
            throw PainLadderError.unknownPatient(id)
        }
        return patient
    }
}

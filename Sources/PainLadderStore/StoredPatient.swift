import Foundation
import GRDB
import PainLadder

/// A patient's row as written: the patient's columns and the row's timestamps, which are
/// the store's bookkeeping, not part of ``Patient``.
struct StoredPatient: PersistableRecord {
    static var databaseTableName: String { Patient.databaseTableName }

    var patient: Patient
    /// `nil` when only the patient's details are compared (see ``Store/updatePatientRow``).
    var createdAt: Date? = nil
    var updatedAt: Date? = nil

    func encode(to container: inout PersistenceContainer) throws {
        try patient.encode(to: &container)
        container["created_at"] = createdAt.map(StoreTime.string)
        container["updated_at"] = updatedAt.map(StoreTime.string)
    }
}

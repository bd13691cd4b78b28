import Foundation
import GRDB
import PainLadder

/// A patient is a row of `patient`: `Patient.fetchOne(db, key: id)` and friends come from GRDB.
/// Written through ``StoredPatient``, which adds the row's timestamps.
extension Patient: FetchableRecord, TableRecord, EncodableRecord {
    public static var databaseTableName: String { "patient" }

    public init(row: Row) throws {
        let t = "patient"
        var creatinine: SerumCreatinine?
        if let value: Double = row["serum_creatinine"] {
            creatinine = SerumCreatinine(value: value, unit: try Rows.enumValue(row, "serum_creatinine_unit", table: t))
        }
        self.init(id: row["id"], name: row["name"], birthDate: try Rows.date(row, "birth_date", table: t),
                  sex: try Rows.enumValue(row, "sex", table: t), timeZone: row["time_zone"],
                  weightKg: row["weight_kg"], serumCreatinine: creatinine,
                  creatinineClearance: row["creatinine_clearance"],
                  hepaticImpairment: row["hepatic_impairment"], frail: row["frail"],
                  pregnancyPotential: row["pregnancy_potential"], diagnosis: row["diagnosis"],
                  conditions: try Rows.json(row, "conditions", as: [String].self, table: t),
                  medicines: try Rows.json(row, "medicines", as: [String].self, table: t))
        // A column since "v6-prior-treatment" (older rows read '[]'; a file a read-only command
        // opens may not have it yet: ``Schema/readableWithout``); none is `nil`.
        let prior = row.hasColumn("prior_treatments")
            ? try Rows.json(row, "prior_treatments", as: [PriorTreatment].self, table: t) : []
        priorTreatments = prior.isEmpty ? nil : prior
        // A column since "v7-medicines", read like prior_treatments.
        let stopped = row.hasColumn("stopped_medicines")
            ? try Rows.json(row, "stopped_medicines", as: [StoppedMedicine].self, table: t) : []
        stoppedMedicines = stopped.isEmpty ? nil : stopped
        // A column since "v7-patient-safety" (absent from an older file a read-only command opens).
        heightCm = row.hasColumn("height_cm") ? row["height_cm"] : nil
    }

    /// Every column but `created_at` and `updated_at` (see ``StoredPatient``).
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["birth_date"] = birthDate.description
        container["sex"] = sex.rawValue
        container["time_zone"] = timeZone
        container["weight_kg"] = weightKg
        container["height_cm"] = heightCm
        container["serum_creatinine"] = serumCreatinine?.value
        container["serum_creatinine_unit"] = serumCreatinine?.unit.rawValue
        container["creatinine_clearance"] = creatinineClearance
        container["hepatic_impairment"] = hepaticImpairment
        container["frail"] = frail
        container["pregnancy_potential"] = pregnancyPotential
        container["diagnosis"] = diagnosis
        container["conditions"] = try StoreJSON.encode(conditions)
        container["medicines"] = try StoreJSON.encode(medicines)
        container["prior_treatments"] = try StoreJSON.encode(priorTreatments ?? [])
        container["stopped_medicines"] = try StoreJSON.encode(stoppedMedicines ?? [])
    }
}

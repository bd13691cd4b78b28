import Foundation
import PainLadder

/// Patients: the record a plan is built from, added and changed with every change audited.
extension Clinic {
    /// Adds a patient after checking the record against the formulary (a known diagnosis,
    /// conditions the rules can act on) and the calendar (born in the past, a plausible age).
    ///
    /// ```swift
    /// let p = Patient(id: "P001", birthDate: LocalDate(year: 1958, month: 4, day: 12)!, sex: .female,
    ///                 timeZone: "Europe/London", diagnosis: "diabetic-peripheral-neuropathy")
    /// try clinic.addPatient(p, by: "dr.khan", now: .now)
    /// ```
    /// - Throws: `invalidValue` naming the first field that is wrong; `duplicatePatient`.
    public func addPatient(_ patient: Patient, by: String, now: Date) throws {
        try permit(.clinician)
        try StoredText.check(by, field: .by, required: true)
        try PatientRules.check(patient, formulary: formulary, now: now)
        try store.addPatient(patient, at: now, by: by)
    }

    /// The patient with this id.
    public func patient(_ id: String) throws -> Patient { try store.patient(id) }

    /// All patients, ordered by id.
    public func patients() throws -> [Patient] { try store.patients() }

    /// Changes a patient's record in one unit of work: the stored record is read, `changes`
    /// applied and checked, and the result saved with an audit row holding before and after.
    /// A move to another time zone applies from the patient's new local today.
    ///
    /// - Throws: `invalidValue` for a change that does not apply (an unknown diagnosis or
    ///   condition, removing what is not recorded, no change at all, text ``StoredText`` refuses).
    public func updatePatient(_ id: String, _ changes: PatientChanges, reason: String?, by: String,
                              now: Date) throws -> PatientUpdate {
        try permit(.clinician)
        try changes.checkText()
        if let reason { try StoredText.check(reason, field: .reason) }
        try StoredText.check(by, field: .by, required: true)
        return try movingSlots(now: now) {
            try store.updatePatient(id: id, at: now, by: by, reason: reason, zoneFrom: { LocalDate(now, in: $0.zone) }) { before in
                let after = try changes.applied(to: before, formulary: formulary)
                guard after != before else {
                    throw PainLadderError.invalidValue(field: .patientUpdate, given: "(no change)", allowed: "at least one changed field")
                }
                return after
            }
        }
    }

    /// Records a drug tried before PainLadder (``PriorTreatment``) in one unit of work, with an
    /// audit row `patient.update` holding before and after. A second record of the same drug
    /// replaces the first (a correction; the audit keeps the old one).
    /// - Throws: `unknownDrug`; `invalidValue` for a bad month, a month after this one, a dose
    ///   above the drug's maximum, or text ``StoredText`` refuses.
    public func recordPriorTreatment(_ patientID: String, _ treatment: PriorTreatment, now: Date) throws -> PatientUpdate {
        if let reason = treatment.reason { try StoredText.check(reason, field: .reason) }
        try StoredText.check(treatment.recordedBy, field: .by, required: true)
        return try store.updatePatient(id: patientID, at: now, by: treatment.recordedBy, reason: treatment.reason,
                                       zoneFrom: { LocalDate(now, in: $0.zone) }) { before in
            try treatment.check(formulary: formulary, today: LocalDate(now, in: before.zone))
            var after = before
            after.priorTreatments = (before.priorTreatments ?? []).filter { $0.drug != treatment.drug } + [treatment]
            return after
        }
    }

    /// Medicines recorded for the patient that no rule can match (not in the formulary's list).
    public func unknownMedicines(_ patient: Patient) -> [String] {
        PatientRules.unknownMedicines(patient, formulary)
    }
}

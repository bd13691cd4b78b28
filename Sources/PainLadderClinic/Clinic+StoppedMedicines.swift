import Foundation
import PainLadder

extension Clinic {
    /// Records that the patient stopped a medicine on a day, in one unit of work with an audit
    /// row `patient.update` holding before and after. The medicine leaves the list of medicines
    /// taken (matched by name, brand or synonym) and is kept, as typed, with its stop date, so
    /// that washout rules ("not within 14 days of stopping an MAOI") are checked when a course
    /// starts. A second record of the same medicine replaces the first (the audit keeps it).
    ///
    /// ```swift
    /// try clinic.recordStoppedMedicine("P001", StoppedMedicine(name: "Nardil", stopped: day),
    ///                                  reason: "GP letter", by: "dr.rao", now: .now)
    /// ```
    /// - Throws: `invalidValue` for a stop date after today or text ``StoredText`` refuses.
    public func recordStoppedMedicine(_ patientID: String, _ stopped: StoppedMedicine, reason: String?, by: String,
                                      now: Date) throws -> PatientUpdate {
        try permit(.clinician)
        try StoredText.check(stopped.name, field: .stoppedMedicine, required: true)
        if let reason { try StoredText.check(reason, field: .reason) }
        try StoredText.check(by, field: .by, required: true)
        return try store.updatePatient(id: patientID, at: now, by: by, reason: reason,
                                       zoneFrom: { LocalDate(now, in: $0.zone) }) { before in
            let today = LocalDate(now, in: before.zone)
            guard stopped.stopped <= today else {
                throw PainLadderError.invalidValue(field: .stoppedOn, given: stopped.stopped.description,
                                                   allowed: Phrase("a date not after today (\(today))"))
            }
            return PatientRules.stopping(stopped, for: before, formulary: formulary)
        }
    }
}

import PainLadder

/// `patient list --json`: every patient, each as `patient show --json` writes it. Schema:
/// schemas/patient-list.schema.json. (The earlier output was a bare array of the core's
/// patients: `id` is now `patientID`, inside `patients`.)
struct PatientListDocument: Encodable {
    var schemaVersion = JSONContract.schemaVersion
    var patients: [PatientDocument]

    init(_ patients: [Patient]) {
        self.patients = patients.map(PatientDocument.init)
    }
}

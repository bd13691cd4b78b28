import PainLadder

/// `patient show|add|update|tried --json`: the patient's facts that change dosing or rule a
/// drug out. Schema: schemas/patient.schema.json. (`id` of the earlier output is `patientID`;
/// `priorTreatments` is always there, empty when none.)
struct PatientDocument: Encodable {
    struct Creatinine: Encodable {
        var value: Double
        var unit: String
    }

    struct Prior: Encodable {
        var drug: String
        var outcome: String
        /// The month it was last taken, `YYYY-MM`.
        var until: String
        var maxDoseMg: Int?
        var recordedBy: String
        var reason: String?

        init(_ t: PriorTreatment) {
            drug = t.drug
            outcome = t.outcome.rawValue
            until = t.until
            maxDoseMg = t.maxDoseMg
            recordedBy = t.recordedBy
            reason = t.reason
        }
    }

    /// A medicine the patient stopped, and the day (a washout counts from it).
    struct Stopped: Encodable {
        var name: String
        var stopped: String
    }

    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var name: String?
    var birthDate: String
    var sex: String
    var timeZone: String
    var weightKg: Double?
    var heightCm: Double?
    var serumCreatinine: Creatinine?
    var creatinineClearance: Double?
    var hepaticImpairment: Bool
    var frail: Bool
    var pregnancyPotential: Bool
    var diagnosis: String
    var conditions: [String]
    var medicines: [String]
    var priorTreatments: [Prior]
    /// Always there, empty when none.
    var stoppedMedicines: [Stopped]

    init(_ p: Patient) {
        patientID = p.id
        name = p.name
        birthDate = p.birthDate.description
        sex = p.sex.rawValue
        timeZone = p.timeZone
        weightKg = p.weightKg
        heightCm = p.heightCm
        serumCreatinine = p.serumCreatinine.map { Creatinine(value: $0.value, unit: $0.unit.rawValue) }
        creatinineClearance = p.creatinineClearance
        hepaticImpairment = p.hepaticImpairment
        frail = p.frail
        pregnancyPotential = p.pregnancyPotential
        diagnosis = p.diagnosis
        conditions = p.conditions
        medicines = p.medicines
        priorTreatments = (p.priorTreatments ?? []).map(Prior.init)
        stoppedMedicines = (p.stoppedMedicines ?? []).map { Stopped(name: $0.name, stopped: $0.stopped.description) }
    }
}

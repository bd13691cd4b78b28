import Foundation
import PainLadder
import PainLadderClinic
import PostgresNIO

extension PostgresStore {
    /// Records a new patient with its audit row `patient.add`, in one transaction.
    ///
    /// ```swift
    /// try store.addPatient(p, at: Date(), by: "dr.khan")
    /// ```
    /// - Throws: ``PainLadderError/duplicatePatient(_:)`` when the id is taken (also when
    ///   another login adds it at the same moment: the loser's transaction fails to serialize,
    ///   runs again and finds the id).
    public func addPatient(_ p: Patient, at: Date, by: String) throws {
        try session.transaction {
            if try exists(p.id) { throw PainLadderError.duplicatePatient(p.id) }
            try insert(p, at: at)
            try audit(.patientAdded(p, by: by, at: at))
        }
    }

    /// The patient with this id.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func patient(_ id: String) throws -> Patient {
        try session.transaction(readOnly: true) { try fetchPatient(id) }
    }

    /// All patients, ordered by id.
    public func patients() throws -> [Patient] {
        try session.transaction(readOnly: true) {
            try session.run("SELECT \(unescaped: Self.patientColumns) FROM patient ORDER BY id").map(Self.patient(from:))
        }
    }

    /// Every recorded change for a patient, oldest first.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func auditTrail(patientID: String) throws -> [AuditEntry] {
        try session.transaction(readOnly: true) {
            guard try exists(patientID) else { throw PainLadderError.unknownPatient(patientID) }
            return try session.run("""
                SELECT id, at, actor, action, patient_id, course_id, detail::text
                FROM audit WHERE patient_id = \(patientID) ORDER BY id
                """).map { row in
                let (id, at, actor, action, patient, course, detail) =
                    try row.decode((Int64, Date, String, String, String, Int64?, String).self)
                return AuditEntry(id: id, at: PostgresTime.rounded(at), actor: actor, action: action, patientID: patient, courseID: course,
                                  detail: detail)
            }
        }
    }

    func exists(_ id: String) throws -> Bool {
        try !session.run("SELECT 1 FROM patient WHERE id = \(id)").isEmpty
    }

    func fetchPatient(_ id: String) throws -> Patient {
        guard let row = try session.run("SELECT \(unescaped: Self.patientColumns) FROM patient WHERE id = \(id)").first
        else { throw PainLadderError.unknownPatient(id) }
        return try Self.patient(from: row)
    }

    private func insert(_ p: Patient, at: Date) throws {
        let at = PostgresTime.rounded(at)
        try session.run("""
            INSERT INTO patient (id, name, birth_date, sex, time_zone, weight_kg, height_cm, serum_creatinine,
                serum_creatinine_unit, creatinine_clearance, hepatic_impairment, frail, pregnancy_potential,
                diagnosis, conditions, medicines, prior_treatments, stopped_medicines, created_at, updated_at)
            VALUES (\(p.id), \(p.name), \(p.birthDate.description)::date, \(p.sex.rawValue), \(p.timeZone),
                \(p.weightKg), \(p.heightCm), \(p.serumCreatinine?.value), \(p.serumCreatinine?.unit.rawValue),
                \(p.creatinineClearance), \(p.hepaticImpairment), \(p.frail), \(p.pregnancyPotential),
                \(p.diagnosis), \(try PostgresJSON.encode(p.conditions))::jsonb,
                \(try PostgresJSON.encode(p.medicines))::jsonb,
                \(try PostgresJSON.encode(p.priorTreatments ?? []))::jsonb,
                \(try PostgresJSON.encode(p.stoppedMedicines ?? []))::jsonb, \(at), \(at))
            """)
    }

    /// Rewrites every column of the patient's row but `created_at`.
    func writePatient(_ p: Patient, updatedAt: Date) throws {
        try session.run("""
            UPDATE patient SET name = \(p.name), birth_date = \(p.birthDate.description)::date, sex = \(p.sex.rawValue),
                time_zone = \(p.timeZone), weight_kg = \(p.weightKg), height_cm = \(p.heightCm),
                serum_creatinine = \(p.serumCreatinine?.value), serum_creatinine_unit = \(p.serumCreatinine?.unit.rawValue),
                creatinine_clearance = \(p.creatinineClearance), hepatic_impairment = \(p.hepaticImpairment),
                frail = \(p.frail), pregnancy_potential = \(p.pregnancyPotential), diagnosis = \(p.diagnosis),
                conditions = \(try PostgresJSON.encode(p.conditions))::jsonb,
                medicines = \(try PostgresJSON.encode(p.medicines))::jsonb,
                prior_treatments = \(try PostgresJSON.encode(p.priorTreatments ?? []))::jsonb,
                stopped_medicines = \(try PostgresJSON.encode(p.stoppedMedicines ?? []))::jsonb,
                updated_at = \(updatedAt)
            WHERE id = \(p.id)
            """)
    }

    /// Dates and JSON read back as text, so the core's own parsers read them.
    static let patientColumns = """
        id, name, birth_date::text, sex, time_zone, weight_kg, height_cm, serum_creatinine, serum_creatinine_unit,
        creatinine_clearance, hepatic_impairment, frail, pregnancy_potential, diagnosis, conditions::text,
        medicines::text, prior_treatments::text, stopped_medicines::text
        """

    static func patient(from row: PostgresRow) throws -> Patient {
        let c = row.makeRandomAccess()
        func column<T: PostgresDecodable>(_ i: Int, _ type: T.Type) throws -> T { try c[i].decode(T.self) }
        let birthDate = try date(try column(2, String.self), "patient.birth_date")
        guard let sex = Patient.Sex(rawValue: try column(3, String.self)) else {
            throw PainLadderError.internalError("patient.sex is not a known value")
        }
        var creatinine: SerumCreatinine?
        if let value = try column(7, Double?.self), let unit = try column(8, String?.self).flatMap(SerumCreatinine.Unit.init) {
            creatinine = SerumCreatinine(value: value, unit: unit)
        }
        let prior = try PostgresJSON.decode([PriorTreatment].self, from: try column(16, String.self))
        let stopped = try PostgresJSON.decode([StoppedMedicine].self, from: try column(17, String.self))
        var p = Patient(id: try column(0, String.self), name: try column(1, String?.self), birthDate: birthDate, sex: sex,
                        timeZone: try column(4, String.self), weightKg: try column(5, Double?.self),
                        serumCreatinine: creatinine, creatinineClearance: try column(9, Double?.self),
                        hepaticImpairment: try column(10, Bool.self), frail: try column(11, Bool.self),
                        pregnancyPotential: try column(12, Bool.self), diagnosis: try column(13, String.self),
                        conditions: try PostgresJSON.decode([String].self, from: try column(14, String.self)),
                        medicines: try PostgresJSON.decode([String].self, from: try column(15, String.self)))
        p.heightCm = try column(6, Double?.self)
        p.priorTreatments = prior.isEmpty ? nil : prior
        p.stoppedMedicines = stopped.isEmpty ? nil : stopped
        return p
    }
}

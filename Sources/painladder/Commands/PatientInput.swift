import Foundation
import PainLadder

/// Reads the patient fields typed on `patient add` and `patient update`, and builds the
/// record; a bad field is named (the record's clinical checks are ``PatientRules``).
enum PatientInput {
    static let sex = Parse.choice("--sex", as: Patient.Sex.self, allowed: "male or female")
    static let weight = Parse.number("--weight", 20...400, unit: "kg")
    static let height = Parse.number("--height", 100...250, unit: "cm")
    static let crcl = Parse.number("--crcl", 1...250, unit: "mL/min")

    /// The unit as written ("umol/L", "µmol/L", "mg/dL"), in any case.
    static let creatinineUnit: @Sendable (String) throws -> SerumCreatinine.Unit = { unit in
        let spelled: [String: SerumCreatinine.Unit] = ["umol/l": .micromolPerLitre, "µmol/l": .micromolPerLitre,
                                                      "mg/dl": .milligramsPerDecilitre]
        guard let u = SerumCreatinine.Unit(rawValue: unit) ?? spelled[unit.lowercased()] else {
            throw BadArgument(field: "--creatinine-unit", given: unit, allowed: "umol/L or mg/dL")
        }
        return u
    }

    static func patient(id: String, name: String?, born: LocalDate, sex: Patient.Sex, timeZone: TimeZone, diagnosis: String,
                        weight: Double?, height: Double? = nil, creatinine: String?, creatinineUnit: SerumCreatinine.Unit?, crcl: Double?,
                        hepaticImpairment: Bool, frail: Bool, pregnancyPotential: Bool,
                        conditions: [String], medicines: [String]) throws -> Patient {
        let id = try Parse.patientID(id)
        let serum = try serumCreatinine(creatinine, unit: creatinineUnit)
        return Patient(id: id, name: name, birthDate: born, sex: sex, timeZone: timeZone.identifier,
                       weightKg: weight, heightCm: height, serumCreatinine: serum, creatinineClearance: crcl,
                       hepaticImpairment: hepaticImpairment, frail: frail, pregnancyPotential: pregnancyPotential,
                       diagnosis: diagnosis, conditions: conditions, medicines: medicines)
    }

    /// Serum creatinine from `--creatinine` and `--creatinine-unit`: both or neither, the
    /// unit explicit (mixing µmol/L and mg/dL is an 88-fold error), the value plausible for it.
    static func serumCreatinine(_ value: String?, unit: SerumCreatinine.Unit?) throws -> SerumCreatinine? {
        switch (value, unit) {
        case (nil, nil):
            return nil
        case (.some, nil):
            throw BadArgument(field: "--creatinine-unit", given: "(missing)",
                              allowed: "umol/L or mg/dL (the unit must be explicit)")
        case (nil, let unit?):
            throw BadArgument(field: "--creatinine", given: "(missing)",
                              allowed: "a serum creatinine value to go with --creatinine-unit \(unit.rawValue)")
        case let (value?, unit?):
            let range: ClosedRange<Double> = unit == .micromolPerLitre ? 10...2000 : 0.1...25
            return SerumCreatinine(value: try Parse.number(value, field: "--creatinine", range: range, unit: unit.rawValue),
                                   unit: unit)
        }
    }
}

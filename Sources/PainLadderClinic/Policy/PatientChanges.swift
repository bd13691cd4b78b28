import Foundation
import PainLadder

/// A change to a patient's record as a clinician asks for it: each field `nil` when unchanged.
public struct PatientChanges: Sendable, Equatable {
    public var timeZone: String?
    public var weightKg: Double?
    public var heightCm: Double?
    /// `.some(nil)` clears the value.
    public var serumCreatinine: SerumCreatinine??
    public var creatinineClearance: Double?
    public var hepaticImpairment: Bool?
    public var frail: Bool?
    public var pregnancyPotential: Bool?
    public var diagnosis: String?
    public var addConditions: [String] = []
    public var removeConditions: [String] = []
    public var addMedicines: [String] = []
    public var removeMedicines: [String] = []

    public init() {}

    /// The record with these changes applied, checked against the formulary.
    /// Refuses condition and medicine names ``StoredText`` would not store.
    func checkText() throws {
        try StoredText.check(addConditions, field: .addCondition)
        try StoredText.check(removeConditions, field: .removeCondition)
        for m in addMedicines { try StoredText.check(m, field: .addMedicine, required: true) }
        try StoredText.check(removeMedicines, field: .removeMedicine)
    }

    public func applied(to before: Patient, formulary: Formulary) throws -> Patient {
        var p = before
        if let timeZone { p.timeZone = timeZone }
        if let weightKg { p.weightKg = weightKg }
        if let heightCm { p.heightCm = heightCm }
        if let serumCreatinine { p.serumCreatinine = serumCreatinine }
        if let creatinineClearance { p.creatinineClearance = creatinineClearance }
        if let hepaticImpairment { p.hepaticImpairment = hepaticImpairment }
        if let frail { p.frail = frail }
        if let pregnancyPotential { p.pregnancyPotential = pregnancyPotential }
        if let diagnosis {
            try PatientRules.checkDiagnosis(diagnosis, field: .diagnosis, formulary: formulary)
            p.diagnosis = diagnosis
        }
        let known = PatientRules.knownConditions(formulary)
        for c in addConditions where !known.contains(c) {
            throw PainLadderError.invalidValue(field: .addCondition, given: c, allowed: Phrase(known.sorted().joined(separator: ", ")))
        }
        for c in removeConditions where !p.conditions.contains(c) {
            throw PainLadderError.invalidValue(field: .removeCondition, given: c,
                                               allowed: Phrase(p.conditions.isEmpty ? "(no conditions recorded)" : p.conditions.joined(separator: ", ")))
        }
        for m in removeMedicines where !p.medicines.contains(where: { PatientRules.sameMedicine($0, m, formulary) }) {
            throw PainLadderError.invalidValue(field: .removeMedicine, given: m,
                                               allowed: Phrase(p.medicines.isEmpty ? "(no medicines recorded)" : p.medicines.joined(separator: ", ")))
        }
        p.conditions = p.conditions.filter { !removeConditions.contains($0) } + addConditions.filter { !p.conditions.contains($0) }
        // Kept as typed ("Lyrica"); matched by ingredient, or by text when unknown.
        p.medicines = p.medicines.filter { m in !removeMedicines.contains { PatientRules.sameMedicine(m, $0, formulary) } }
        for m in addMedicines where !p.medicines.contains(where: { PatientRules.sameMedicine($0, m, formulary) }) {
            p.medicines.append(m)
        }
        return p
    }
}

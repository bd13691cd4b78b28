import Foundation
import PainLadder

/// What a patient record must satisfy before it is stored.
public enum PatientRules {
    /// The oldest age a birth date may give: above it the date is taken as a typing mistake.
    public static let oldestAge = 120

    /// Checks a new patient: born not after today and aged at most ``oldestAge``, a known diagnosis, conditions the
    /// formulary's rules act on, medicine names and a name that ``StoredText`` accepts.
    public static func check(_ p: Patient, formulary: Formulary, now: Date) throws {
        let today = LocalDate(now, in: p.zone)
        guard p.birthDate <= today else {
            throw PainLadderError.invalidValue(field: .born, given: p.birthDate.description, allowed: "a date not after today (\(today))")
        }
        guard p.birthDate.wholeYears(until: today) <= oldestAge else {
            throw PainLadderError.invalidValue(field: .born, given: p.birthDate.description,
                                               allowed: "a date giving an age of at most \(oldestAge) years today (\(today))")
        }
        try checkDiagnosis(p.diagnosis, field: .diagnosis, formulary: formulary)
        if let name = p.name { try StoredText.check(name, field: .name) }
        try StoredText.check(p.conditions, field: .condition)
        for medicine in p.medicines { try StoredText.check(medicine, field: .medicine, required: true) }
        let known = knownConditions(formulary)
        for condition in p.conditions where !known.contains(condition) {
            throw PainLadderError.invalidValue(field: .condition, given: condition,
                                               allowed: Phrase(known.sorted().joined(separator: ", ")))
        }
    }

    static func checkDiagnosis(_ diagnosis: String, field: Field, formulary: Formulary) throws {
        guard formulary.diagnosis(diagnosis) != nil else {
            throw PainLadderError.invalidValue(field: field, given: diagnosis,
                                               allowed: Phrase(formulary.diagnoses.map(\.id).joined(separator: ", ")))
        }
    }

    /// The conditions the formulary's rules can act on: a misspelt one would silently match nothing.
    public static func knownConditions(_ formulary: Formulary) -> Set<String> {
        let rules = formulary.drugs.flatMap(\.rules) + formulary.pathway.rules
        return Set(rules.flatMap { $0.when.conditionsAny ?? [] })
    }

    /// Medicines taken or stopped that no rule can match (see ``Formulary/uncheckedMedicines(of:)``).
    static func unknownMedicines(_ patient: Patient, _ formulary: Formulary) -> [String] {
        formulary.uncheckedMedicines(of: patient)
    }

    /// Whether two typed medicine names are the same medicine: the same ingredient, or the
    /// same text (case, accents and spacing aside) when the formulary does not know them.
    static func sameMedicine(_ a: String, _ b: String, _ formulary: Formulary) -> Bool {
        if let x = formulary.ingredient(named: a), let y = formulary.ingredient(named: b) { return x == y }
        return MedicineNameKey.key(a) == MedicineNameKey.key(b)
    }

    /// The record with `stopped` recorded: taken no more, kept with its stop date (replacing
    /// an earlier stop of the same medicine).
    static func stopping(_ stopped: StoppedMedicine, for before: Patient, formulary: Formulary) -> Patient {
        var after = before
        after.medicines = before.medicines.filter { !sameMedicine($0, stopped.name, formulary) }
        let others = (before.stoppedMedicines ?? []).filter { !sameMedicine($0.name, stopped.name, formulary) }
        after.stoppedMedicines = others + [stopped]
        return after
    }
}

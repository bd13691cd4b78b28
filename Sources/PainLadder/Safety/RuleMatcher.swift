import Foundation

/// Decides whether a ``RuleCondition`` holds for one patient on one date.
///
/// - Every field that is set must hold (AND); a condition with no field set holds.
/// - List fields hold when the patient has any listed item (case-insensitive).
/// - `medicinesAny` matches a medicine taken on the date by its name, its ingredient (a brand
///   or synonym, case- and accent-insensitive: "Lyrica" is pregabalin) or any of the
///   ingredient's classes in ``Formulary/medicineClasses`` ("tramadol" matches "opioid"). A
///   stopped medicine counts as taken before its stop date.
/// - With `stoppedWithinDays`, `medicinesAny` matches instead a medicine stopped fewer than
///   that many days before the date (0 on the stop day itself).
/// - `diagnosesAny` matches the diagnosis id or its category ("peripheral").
/// - `crClBelow` needs a known creatinine clearance: unknown never matches (the evaluator
///   reports that renal function is unknown instead).
/// - `hepaticImpairment` and `pregnancyPotential` hold when the patient's flag equals them.
///
/// ```swift
/// let matcher = RuleMatcher(patient: patient, date: today, formulary: formulary)
/// matcher.matches(rule.when)   // rule: a SafetyRule from the formulary
/// ```
public struct RuleMatcher: Sendable {
    public let patient: Patient
    public let date: LocalDate
    /// The creatinine clearance on `date`, if known.
    public let crCl: Double?
    /// Lower-cased medicine names and their lower-cased classes.
    let medicineTerms: Set<String>
    /// The same for medicines stopped on or before the date → the fewest days since a stop.
    let stoppedTerms: [String: Int]
    /// Lower-cased diagnosis id and category.
    let diagnosisTerms: Set<String>
    let conditionTerms: Set<String>

    public init(patient: Patient, date: LocalDate, formulary: Formulary, alsoTaking: [String] = []) {
        self.patient = patient
        self.date = date
        self.crCl = patient.creatinineClearance(on: date, in: formulary)
        /// The name as typed, its ingredient and the ingredient's classes.
        func terms(_ name: String) -> [String] {
            var out = [Self.key(name)]
            guard let ingredient = formulary.ingredient(named: name) else { return out }
            out.append(Self.key(ingredient))
            for cls in formulary.medicineClasses[ingredient] ?? [] { out.append(Self.key(cls)) }
            return out
        }
        var medicines = Set<String>()
        var stopped: [String: Int] = [:]
        for name in patient.medicines + alsoTaking { medicines.formUnion(terms(name)) }
        for s in patient.stoppedMedicines ?? [] {
            let days = s.daysSinceStopped(on: date)
            if days < 0 {
                medicines.formUnion(terms(s.name))
            } else {
                for t in terms(s.name) { stopped[t] = min(stopped[t] ?? days, days) }
            }
        }
        self.medicineTerms = medicines
        self.stoppedTerms = stopped
        var diagnoses: Set<String> = [Self.key(patient.diagnosis)]
        if let known = formulary.diagnoses.first(where: { Self.key($0.id) == Self.key(patient.diagnosis) }) {
            diagnoses.insert(Self.key(known.category))
        }
        self.diagnosisTerms = diagnoses
        self.conditionTerms = Set(patient.conditions.map(Self.key))
    }

    public func matches(_ c: RuleCondition) -> Bool {
        if let limit = c.crClBelow {
            guard let crCl, crCl < limit else { return false }
        }
        if let wanted = c.hepaticImpairment, wanted != patient.hepaticImpairment { return false }
        if let wanted = c.pregnancyPotential, wanted != patient.pregnancyPotential { return false }
        if let age = c.ageAtLeast, patient.age(on: date) < age { return false }
        if let age = c.ageBelow, patient.age(on: date) >= age { return false }
        if let any = c.conditionsAny, !Self.intersects(any, conditionTerms) { return false }
        if let any = c.medicinesAny {
            if let within = c.stoppedWithinDays {
                guard any.contains(where: { (stoppedTerms[Self.key($0)] ?? within) < within }) else { return false }
            } else if !Self.intersects(any, medicineTerms) {
                return false
            }
        }
        if let any = c.diagnosesAny, !Self.intersects(any, diagnosisTerms) { return false }
        return true
    }

    static func intersects(_ listed: [String], _ terms: Set<String>) -> Bool {
        listed.contains { terms.contains(key($0)) }
    }

    /// Trimmed of spaces and tabs at the ends, lower-cased. ASCII text (every formulary term
    /// so far) is done on its bytes, where `.whitespaces` is exactly space and tab and
    /// lower-casing is A–Z to a–z; anything else the Foundation way. Foundation's trimming
    /// was most of the ladder check a review runs for every drug.
    static func key(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { u -> String? in
            for b in u where b >= 0x80 { return nil }
            var lo = 0, hi = u.count
            while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo += 1 }
            while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 { hi -= 1 }
            guard hi > lo else { return "" }
            return String(unsafeUninitializedCapacity: hi - lo) { out in
                for i in lo..<hi { out[i - lo] = (65...90).contains(u[i]) ? u[i] + 32 : u[i] }
                return hi - lo
            }
        }
        return ascii ?? keyFoundation(text)
    }

    /// The rule itself: what ``key(_:)`` must agree with.
    static func keyFoundation(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

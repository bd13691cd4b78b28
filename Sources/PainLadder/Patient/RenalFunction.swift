/// A creatinine clearance and how it was obtained: recorded (measured), or computed by
/// Cockcroft–Gault with the weight it used.
public struct RenalEstimate: Sendable, Equatable {
    /// mL/min.
    public var crCl: Double
    /// The weight Cockcroft–Gault used; `nil` for a recorded (measured) clearance.
    public var weight: DosingWeight?

    public init(crCl: Double, weight: DosingWeight?) {
        self.crCl = crCl
        self.weight = weight
    }

    public var measured: Bool { weight == nil }
}

extension Patient {
    /// The creatinine clearance (mL/min) to dose by on `date`.
    ///
    /// A measured or clinician-entered value (``creatinineClearance``) wins; otherwise it is
    /// computed by ``CockcroftGault`` from the age on `date`, serum creatinine and a weight:
    /// with a height and the formulary's ``DosingWeightRule`` the actual, ideal or adjusted
    /// body weight; without a height the actual weight. `nil` when neither is possible
    /// (renal function unknown).
    ///
    /// ```swift
    /// var p = Patient(id: "P1", birthDate: LocalDate(year: 1966, month: 1, day: 1)!, sex: .male,
    ///                 timeZone: "Europe/London", diagnosis: "diabetic-peripheral-neuropathy")
    /// p.weightKg = 72
    /// p.serumCreatinine = SerumCreatinine(value: 88, unit: .micromolPerLitre)
    /// p.renalEstimate(on: LocalDate(year: 2026, month: 6, day: 1)!, weightRule: nil)?.crCl  // ≈ 80.5
    /// ```
    public func renalEstimate(on date: LocalDate, weightRule: DosingWeightRule?) -> RenalEstimate? {
        if let measured = creatinineClearance { return RenalEstimate(crCl: measured, weight: nil) }
        guard let weightKg, let serumCreatinine else { return nil }
        let weight = dosingWeight(actualKg: weightKg, heightCm: heightCm, rule: weightRule)
        return CockcroftGault.creatinineClearance(ageYears: age(on: date), weightKg: weight.kg, sex: sex,
                                                  creatinine: serumCreatinine)
            .map { RenalEstimate(crCl: $0, weight: weight) }
    }

    /// ``renalEstimate(on:weightRule:)`` with the formulary's rule.
    public func renalEstimate(on date: LocalDate, in formulary: Formulary) -> RenalEstimate? {
        renalEstimate(on: date, weightRule: formulary.pathway.cockcroftGaultWeight?.value)
    }

    /// The creatinine clearance (mL/min) on `date` with the formulary's weight rule, if known.
    public func creatinineClearance(on date: LocalDate, in formulary: Formulary) -> Double? {
        renalEstimate(on: date, in: formulary)?.crCl
    }

    func dosingWeight(actualKg: Double, heightCm: Double?, rule: DosingWeightRule?) -> DosingWeight {
        guard let heightCm, let rule else { return DosingWeight(kg: actualKg, kind: .actual, idealKg: nil) }
        return rule.weight(actualKg: actualKg, heightCm: heightCm, sex: sex)
    }
}

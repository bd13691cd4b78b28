extension Patient {
    /// The creatinine clearance (mL/min) to dose by on `date`.
    ///
    /// A measured or clinician-entered value (``creatinineClearance``) wins; otherwise it is
    /// computed by ``CockcroftGault`` from the age on `date`, weight and serum creatinine;
    /// `nil` when neither is possible (renal function unknown).
    ///
    /// ```swift
    /// var p = Patient(id: "P1", birthDate: LocalDate(year: 1966, month: 1, day: 1)!, sex: .male,
    ///                 timeZone: "Europe/London", diagnosis: "diabetic-peripheral-neuropathy")
    /// p.weightKg = 72
    /// p.serumCreatinine = SerumCreatinine(value: 88, unit: .micromolPerLitre)
    /// p.creatinineClearance(on: LocalDate(year: 2026, month: 6, day: 1)!)  // ≈ 80.5
    /// ```
    public func creatinineClearance(on date: LocalDate) -> Double? {
        if let measured = creatinineClearance { return measured }
        guard let weightKg, let serumCreatinine else { return nil }
        return CockcroftGault.creatinineClearance(ageYears: age(on: date), weightKg: weightKg,
                                                  sex: sex, creatinine: serumCreatinine)
    }
}

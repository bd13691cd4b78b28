/// Creatinine clearance (mL/min) by the Cockcroft–Gault equation, in the unit the
/// creatinine was measured in.
///
/// - SI (creatinine in µmol/L), as UK references give it:
///   `CrCl = (140 − age) × weightKg × F / creatinine`, F = 1.23 male, 1.04 female.
/// - Conventional (creatinine in mg/dL), as US references give it:
///   `CrCl = (140 − age) × weightKg / (72 × creatinine)`, × 0.85 female.
///
/// The unit is never guessed: using one formula with the other unit is an 88-fold error.
/// The weight passed in is the one to dose by: ``Patient/renalEstimate(on:weightRule:)``
/// chooses actual, ideal or adjusted body weight (``DosingWeightRule``). No creatinine floor
/// is applied; a clinician who uses one can record the result as a measured clearance.
///
/// ```swift
/// CockcroftGault.creatinineClearance(ageYears: 60, weightKg: 72, sex: .male,
///                                    creatinine: SerumCreatinine(value: 88, unit: .micromolPerLitre))
/// // (80 × 72 × 1.23) / 88 ≈ 80.5 mL/min
/// ```
public enum CockcroftGault {
    /// µmol/L in one mg/dL of creatinine (about 88.4; one source uses 88.42).
    public static let micromolPerLitrePerMilligramPerDecilitre = 88.4

    /// The SI factor F: 1.23 for men, 1.04 for women.
    public static func siFactor(_ sex: Patient.Sex) -> Double {
        switch sex {
        case .male: 1.23
        case .female: 1.04
        }
    }

    /// Creatinine clearance in mL/min, or `nil` when an input cannot give a meaningful
    /// value (age 140 or more, a weight or creatinine that is not positive, or not finite).
    public static func creatinineClearance(ageYears: Int, weightKg: Double, sex: Patient.Sex,
                                           creatinine: SerumCreatinine) -> Double? {
        guard ageYears < 140, weightKg.isFinite, weightKg > 0,
              creatinine.value.isFinite, creatinine.value > 0 else { return nil }
        let years = Double(140 - ageYears)
        switch creatinine.unit {
        case .micromolPerLitre:
            return years * weightKg * siFactor(sex) / creatinine.value
        case .milligramsPerDecilitre:
            let male = years * weightKg / (72 * creatinine.value)
            return sex == .female ? male * 0.85 : male
        }
    }
}

extension SerumCreatinine {
    /// The value in µmol/L (mg/dL × 88.4).
    public var micromolPerLitre: Double {
        switch unit {
        case .micromolPerLitre: value
        case .milligramsPerDecilitre: value * CockcroftGault.micromolPerLitrePerMilligramPerDecilitre
        }
    }

    /// The value in mg/dL (µmol/L ÷ 88.4).
    public var milligramsPerDecilitre: Double {
        switch unit {
        case .micromolPerLitre: value / CockcroftGault.micromolPerLitrePerMilligramPerDecilitre
        case .milligramsPerDecilitre: value
        }
    }
}

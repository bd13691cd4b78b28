/// Which body weight Cockcroft–Gault uses once height is known (the numbers come from the
/// formulary's `pathway.cockcroftGaultWeight`, with their sources).
///
/// - actual weight at or below ideal body weight;
/// - ideal body weight up to ``idealUpToPercent`` % of it;
/// - adjusted body weight above that: `IBW + adjustedFraction × (actual − IBW)`.
///
/// ```swift
/// let rule = DosingWeightRule(idealUpToPercent: 120, adjustedFraction: 0.4)
/// rule.weight(actualKg: 150, heightCm: 175, sex: .male)
/// // IBW 50 + 2.3 × (175 / 2.54 − 60) ≈ 70.5 kg; 150 > 120 % of it: adjusted ≈ 102.3 kg
/// ```
public struct DosingWeightRule: Codable, Sendable, Equatable {
    public var idealUpToPercent: Double
    public var adjustedFraction: Double

    public init(idealUpToPercent: Double, adjustedFraction: Double) {
        self.idealUpToPercent = idealUpToPercent
        self.adjustedFraction = adjustedFraction
    }

    /// The weight to put in Cockcroft–Gault for this patient.
    public func weight(actualKg: Double, heightCm: Double, sex: Patient.Sex) -> DosingWeight {
        let ideal = DosingWeight.idealKg(heightCm: heightCm, sex: sex)
        if actualKg <= ideal { return DosingWeight(kg: actualKg, kind: .actual, idealKg: ideal) }
        if actualKg <= ideal * idealUpToPercent / 100 { return DosingWeight(kg: ideal, kind: .ideal, idealKg: ideal) }
        return DosingWeight(kg: ideal + adjustedFraction * (actualKg - ideal), kind: .adjusted, idealKg: ideal)
    }
}

/// The weight Cockcroft–Gault used, and which one it is.
public struct DosingWeight: Codable, Sendable, Equatable {
    public var kg: Double
    public var kind: Kind
    /// Ideal body weight, when height was known.
    public var idealKg: Double?

    public enum Kind: String, Codable, Sendable {
        /// Actual weight: at or below ideal, or height unknown.
        case actual
        case ideal
        case adjusted
    }

    public init(kg: Double, kind: Kind, idealKg: Double?) {
        self.kg = kg
        self.kind = kind
        self.idealKg = idealKg
    }

    /// Ideal body weight by Devine (1974), as GlobalRPH gives it [S102]: 50 kg (men) or
    /// 45.5 kg (women) + 2.3 kg per inch over 5 feet. Part of the formula, like
    /// Cockcroft–Gault's own factors.
    public static func idealKg(heightCm: Double, sex: Patient.Sex) -> Double {
        let base = sex == .male ? 50.0 : 45.5
        return base + 2.3 * (heightCm / 2.54 - 60)
    }
}

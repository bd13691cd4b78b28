import Foundation

/// A person on the ladder, with the facts that change dosing or rule a drug out.
public struct Patient: Codable, Sendable, Equatable {
    /// The identifier people type: "P001", an NHS number, a clinic code.
    public var id: String
    public var name: String?
    public var birthDate: LocalDate
    public var sex: Sex
    /// IANA time zone ("Europe/London"): dose times are wall-clock times in this zone.
    public var timeZone: String
    public var weightKg: Double?
    /// Height in cm: with it Cockcroft–Gault uses ideal or adjusted body weight (``DosingWeightRule``).
    public var heightCm: Double?
    /// Serum creatinine with its unit, for Cockcroft–Gault.
    public var serumCreatinine: SerumCreatinine?
    /// A measured or clinician-entered creatinine clearance (mL/min); wins over a computed one.
    public var creatinineClearance: Double?
    public var hepaticImpairment: Bool
    public var frail: Bool
    public var pregnancyPotential: Bool
    /// Diagnosis id from the formulary ("diabetic-peripheral-neuropathy", "trigeminal-neuralgia").
    public var diagnosis: String
    /// Conditions safety rules look at ("heart-block", "recent-myocardial-infarction", …).
    public var conditions: [String]
    /// Other medicines by name or class ("tramadol", "sertraline", "opioid", …).
    public var medicines: [String]

    /// Drugs tried before PainLadder; `nil` when none is recorded.
    public var priorTreatments: [PriorTreatment]?
    /// Medicines stopped, with the day each was stopped; `nil` when none is recorded.
    public var stoppedMedicines: [StoppedMedicine]?

    public enum Sex: String, Codable, Sendable, CaseIterable {
        case male, female
    }

    public init(id: String, name: String? = nil, birthDate: LocalDate, sex: Sex, timeZone: String,
                weightKg: Double? = nil, heightCm: Double? = nil, serumCreatinine: SerumCreatinine? = nil,
                creatinineClearance: Double? = nil, hepaticImpairment: Bool = false, frail: Bool = false,
                pregnancyPotential: Bool = false, diagnosis: String, conditions: [String] = [],
                medicines: [String] = [], priorTreatments: [PriorTreatment]? = nil,
                stoppedMedicines: [StoppedMedicine]? = nil) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.timeZone = timeZone
        self.weightKg = weightKg
        self.heightCm = heightCm
        self.serumCreatinine = serumCreatinine
        self.creatinineClearance = creatinineClearance
        self.hepaticImpairment = hepaticImpairment
        self.frail = frail
        self.pregnancyPotential = pregnancyPotential
        self.diagnosis = diagnosis
        self.conditions = conditions
        self.medicines = medicines
        self.priorTreatments = priorTreatments
        self.stoppedMedicines = stoppedMedicines
    }

    /// Age in whole years on `date`.
    public func age(on date: LocalDate) -> Int { birthDate.wholeYears(until: date) }

    /// The patient's zone; the id was validated when the patient was recorded.
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }
}

/// Serum creatinine with an explicit unit: mixing µmol/L and mg/dL is an 88-fold error.
public struct SerumCreatinine: Codable, Sendable, Equatable {
    public var value: Double
    public var unit: Unit

    public enum Unit: String, Codable, Sendable, CaseIterable {
        case micromolPerLitre = "umol/L"
        case milligramsPerDecilitre = "mg/dL"
    }

    public init(value: Double, unit: Unit) {
        self.value = value
        self.unit = unit
    }
}

/// Milligrams. Every strength and dose in the four drugs' UK products is a whole number of mg.
public typealias Milligrams = Int

/// One drug of the ladder as the formulary describes it: products, titration, limits,
/// safety rules, taper, side effects, trial length and review intervals.
///
/// Loaded from `Data/formulary/<id>.json`; never hard-coded.
public struct Drug: Codable, Sendable, Equatable {
    /// Lower-case identifier used on the command line: `amitriptyline`.
    public var id: String
    public var name: String
    /// Pharmacological class, for display ("tricyclic antidepressant").
    public var drugClass: String
    /// Terminology codes where known (RxNorm, SNOMED CT, ATC, BNF), for export.
    public var codes: [String: String]
    /// The diagnoses (ids or categories from `diagnoses.json`) within the UK licence.
    /// A start outside them is shown as off-label, never refused.
    public var licensedFor: Sourced<[String]>
    /// Products that exist: what every dose must be made of.
    public var strengths: Sourced<[Strength]>
    /// Maximum total daily dose for any adult, before variant, renal band or local caps.
    public var maximumDailyDose: Sourced<Milligrams>
    /// Largest single administration, where a source sets one (drives how a daily dose is split).
    public var maximumSingleDose: Sourced<Milligrams>?
    /// Titration variants: `standard` first, then e.g. `elderly`.
    public var variants: [TitrationVariant]
    /// Renal bands by creatinine clearance; empty when the drug needs no renal adjustment.
    public var renalBands: [RenalBand]
    /// Contraindications, cautions and interactions, as rules the code evaluates.
    public var rules: [SafetyRule]
    public var taper: Sourced<TaperProfile>
    public var sideEffects: SideEffects
    public var adequateTrial: Sourced<AdequateTrial>
    /// Default review intervals (local practice: NICE sets none).
    public var reviews: Sourced<ReviewIntervals>
    /// UK controlled-drug supply rules (gabapentin, pregabalin); `nil` for the others.
    public var controlledDrug: Sourced<ControlledDrugRules>?
    /// What to do if a dose above the maximum was really taken, in the source's words;
    /// `nil` where the formulary has none.
    public var overdose: Sourced<String>?
    /// A dose typed above this (mg) is taken as a typing mistake and refused, not recorded:
    /// PainLadder's choice, a stated multiple of ``maximumDailyDose``; `nil` for no bound.
    public var doseEntryLimit: Sourced<Milligrams>?
    /// Above this daily dose (mg) more is not known to help people who did not respond to
    /// it (duloxetine: 60 mg), so a review does not suggest going higher; `nil`: up to the
    /// patient's maximum.
    public var noAddedBenefitAbove: Sourced<Milligrams>?
    /// The ``codes`` whose sources were checked, each with its source tags and status (for
    /// export: a code without an entry here is exported as `unconfirmed`); `nil` when none.
    public var codeSources: [String: Sourced<String>]?
    /// Waits after this drug's last dose before other medicines start (an MAOI 5 days after
    /// duloxetine); `nil` when the data gives none.
    public var afterStopping: [WashoutAfterStopping]?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(id: String, name: String, drugClass: String, codes: [String: String],
                 licensedFor: Sourced<[String]>, strengths: Sourced<[Strength]>,
                 maximumDailyDose: Sourced<Milligrams>, maximumSingleDose: Sourced<Milligrams>? = nil,
                 variants: [TitrationVariant], renalBands: [RenalBand], rules: [SafetyRule],
                 taper: Sourced<TaperProfile>, sideEffects: SideEffects, adequateTrial: Sourced<AdequateTrial>,
                 reviews: Sourced<ReviewIntervals>, controlledDrug: Sourced<ControlledDrugRules>? = nil,
                 overdose: Sourced<String>? = nil, doseEntryLimit: Sourced<Milligrams>? = nil,
                 noAddedBenefitAbove: Sourced<Milligrams>? = nil,
                 codeSources: [String: Sourced<String>]? = nil, afterStopping: [WashoutAfterStopping]? = nil) {
        self.id = id
        self.name = name
        self.drugClass = drugClass
        self.codes = codes
        self.licensedFor = licensedFor
        self.strengths = strengths
        self.maximumDailyDose = maximumDailyDose
        self.maximumSingleDose = maximumSingleDose
        self.variants = variants
        self.renalBands = renalBands
        self.rules = rules
        self.taper = taper
        self.sideEffects = sideEffects
        self.adequateTrial = adequateTrial
        self.reviews = reviews
        self.controlledDrug = controlledDrug
        self.overdose = overdose
        self.doseEntryLimit = doseEntryLimit
        self.noAddedBenefitAbove = noAddedBenefitAbove
        self.codeSources = codeSources
        self.afterStopping = afterStopping
    }

    enum CodingKeys: String, CodingKey {
        case id, name, drugClass = "class", codes, licensedFor, strengths, maximumDailyDose,
             maximumSingleDose, variants, renalBands, rules, taper, sideEffects, adequateTrial,
             reviews, controlledDrug, overdose, doseEntryLimit, noAddedBenefitAbove, codeSources, afterStopping
    }

    public func variant(_ id: String) -> TitrationVariant? { variants.first { $0.id == id } }
}

/// A product strength: "10 mg tablet", "300 mg capsule".
public struct Strength: Codable, Sendable, Equatable, Hashable {
    public var mg: Milligrams
    public var form: String

    public init(mg: Milligrams, form: String) {
        self.mg = mg
        self.form = form
    }
}

/// A titration profile: start, steps, intervals, target and limits.
///
/// Steps are listed explicitly (`steps`) and may continue by a fixed increment
/// (`thenIncrement`) up to the patient's maximum. A step is either a daily total, split
/// across administrations by the core, or an object with explicit per-administration
/// `doses` (gabapentin's 300 mg once on day 1, twice on day 2).
public struct TitrationVariant: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var description: String?
    /// How many administrations a day at full regimen.
    public var administrationsPerDay: Sourced<Int>
    /// Default wall-clock times for the full regimen, earliest first.
    public var defaultTimes: [LocalTime]
    /// When a step has fewer doses than times: keep the `evening` (latest) or `morning` (earliest) times.
    public var fewerDosesAt: DayPart
    public var steps: Sourced<[StepTemplate]>
    /// After the listed steps, keep adding this many mg/day per step until the maximum.
    public var thenIncrement: Sourced<Milligrams>?
    /// Days on each step before the next, unless a step says otherwise.
    public var daysBetweenSteps: Sourced<StepInterval>
    /// The usual target daily dose: the dated plan stops here; steps above wait for a decision.
    public var usualTarget: Sourced<Milligrams>
    /// A lower maximum for this variant than the drug's.
    public var maximumDailyDose: Sourced<Milligrams>?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(id: String, label: String, description: String? = nil, administrationsPerDay: Sourced<Int>,
                 defaultTimes: [LocalTime], fewerDosesAt: DayPart, steps: Sourced<[StepTemplate]>,
                 thenIncrement: Sourced<Milligrams>? = nil, daysBetweenSteps: Sourced<StepInterval>,
                 usualTarget: Sourced<Milligrams>, maximumDailyDose: Sourced<Milligrams>? = nil) {
        self.id = id
        self.label = label
        self.description = description
        self.administrationsPerDay = administrationsPerDay
        self.defaultTimes = defaultTimes
        self.fewerDosesAt = fewerDosesAt
        self.steps = steps
        self.thenIncrement = thenIncrement
        self.daysBetweenSteps = daysBetweenSteps
        self.usualTarget = usualTarget
        self.maximumDailyDose = maximumDailyDose
    }
}

public enum DayPart: String, Codable, Sendable {
    case morning, evening
}

/// One step of a titration template.
public struct StepTemplate: Sendable, Equatable {
    public var dailyDose: Milligrams
    /// Explicit doses per administration, when the core must not split the total itself.
    public var doses: [Milligrams]?
    /// Days on this step before the next (overrides the variant's usual interval).
    public var usualDays: Int?
    /// The shortest time on this step before the next (overrides the variant's minimum).
    public var minimumDays: Int?

    public init(dailyDose: Milligrams, doses: [Milligrams]? = nil, usualDays: Int? = nil, minimumDays: Int? = nil) {
        self.dailyDose = dailyDose
        self.doses = doses
        self.usualDays = usualDays
        self.minimumDays = minimumDays
    }
}

extension StepTemplate: Codable {
    enum CodingKeys: String, CodingKey { case dailyDose, doses, usualDays, minimumDays }

    /// A bare number is a daily total; an object may give `doses` instead of `dailyDose`.
    public init(from decoder: Decoder) throws {
        if let total = try? decoder.singleValueContainer().decode(Milligrams.self) {
            self.init(dailyDose: total)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let doses = try c.decodeIfPresent([Milligrams].self, forKey: .doses)
        let given = try c.decodeIfPresent(Milligrams.self, forKey: .dailyDose)
        guard let total = given ?? doses?.reduce(0, +) else {
            throw DecodingError.keyNotFound(CodingKeys.dailyDose, .init(
                codingPath: c.codingPath, debugDescription: "a step needs dailyDose or doses"))
        }
        self.init(dailyDose: total, doses: doses,
                  usualDays: try c.decodeIfPresent(Int.self, forKey: .usualDays),
                  minimumDays: try c.decodeIfPresent(Int.self, forKey: .minimumDays))
    }

    public func encode(to encoder: Encoder) throws {
        if doses == nil, usualDays == nil, minimumDays == nil {
            var single = encoder.singleValueContainer()
            try single.encode(dailyDose)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dailyDose, forKey: .dailyDose)
        try c.encodeIfPresent(doses, forKey: .doses)
        try c.encodeIfPresent(usualDays, forKey: .usualDays)
        try c.encodeIfPresent(minimumDays, forKey: .minimumDays)
    }
}

/// Days between titration steps: the usual pace and the fastest allowed.
public struct StepInterval: Codable, Sendable, Equatable {
    public var usual: Int
    public var minimum: Int

    public init(usual: Int, minimum: Int) {
        self.usual = usual
        self.minimum = minimum
    }
}

/// A creatinine-clearance band that caps the dose and may replace the titration.
///
/// `minimumCrCl` is inclusive, `belowCrCl` exclusive, both in mL/min; either may be absent.
public struct RenalBand: Codable, Sendable, Equatable {
    public var label: String
    public var minimumCrCl: Double?
    public var belowCrCl: Double?
    public var maximumDailyDose: Sourced<Milligrams>
    /// The titration to use in this band instead of the chosen variant's, if the source gives one.
    public var titration: TitrationVariant?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(label: String, minimumCrCl: Double? = nil, belowCrCl: Double? = nil,
                 maximumDailyDose: Sourced<Milligrams>, titration: TitrationVariant? = nil) {
        self.label = label
        self.minimumCrCl = minimumCrCl
        self.belowCrCl = belowCrCl
        self.maximumDailyDose = maximumDailyDose
        self.titration = titration
    }

    public func contains(_ crCl: Double) -> Bool {
        (minimumCrCl.map { crCl >= $0 } ?? true) && (belowCrCl.map { crCl < $0 } ?? true)
    }
}

/// A rule the core evaluates against a patient: a hard stop refuses, a caution warns and is recorded.
public struct SafetyRule: Codable, Sendable, Equatable {
    public var id: String
    public var kind: Kind
    public var when: RuleCondition
    /// What the clinician reads: the rule in plain words.
    public var message: String
    public var sources: [String]
    public var status: EvidenceStatus

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(id: String, kind: Kind, when: RuleCondition, message: String, sources: [String],
                 status: EvidenceStatus) {
        self.id = id
        self.kind = kind
        self.when = when
        self.message = message
        self.sources = sources
        self.status = status
    }

    public enum Kind: String, Codable, Sendable {
        case hardStop, caution
    }
}

/// The facts a rule looks at. Every field given must hold (they are joined by AND);
/// list fields hold when the patient has any of the listed items.
public struct RuleCondition: Codable, Sendable, Equatable {
    /// Creatinine clearance below this (mL/min).
    public var crClBelow: Double?
    public var hepaticImpairment: Bool?
    /// Any of these conditions ("recent-myocardial-infarction", "heart-block", …).
    public var conditionsAny: [String]?
    /// Any of these medicines or medicine classes ("opioid", "maoi", "pregabalin", …).
    public var medicinesAny: [String]?
    public var ageAtLeast: Int?
    /// Younger than this (whole years on the day the rule is checked).
    public var ageBelow: Int?
    public var pregnancyPotential: Bool?
    /// Any of these diagnoses or diagnosis categories.
    public var diagnosesAny: [String]?
    /// With `medicinesAny`: the medicine was stopped fewer than this many days before the day
    /// (a washout: "14 days after stopping an MAOI"), instead of being taken on it.
    public var stoppedWithinDays: Int?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(crClBelow: Double? = nil, hepaticImpairment: Bool? = nil, conditionsAny: [String]? = nil,
                 medicinesAny: [String]? = nil, ageAtLeast: Int? = nil, pregnancyPotential: Bool? = nil,
                 diagnosesAny: [String]? = nil, stoppedWithinDays: Int? = nil,
                 ageBelow: Int? = nil) {
        self.crClBelow = crClBelow
        self.ageBelow = ageBelow
        self.hepaticImpairment = hepaticImpairment
        self.conditionsAny = conditionsAny
        self.medicinesAny = medicinesAny
        self.ageAtLeast = ageAtLeast
        self.pregnancyPotential = pregnancyPotential
        self.diagnosesAny = diagnosesAny
        self.stoppedWithinDays = stoppedWithinDays
    }
}

/// How a drug is withdrawn.
public struct TaperProfile: Codable, Sendable, Equatable {
    /// The shortest taper, in days, once the drug has been taken at least `longUseDays`.
    public var minimumDays: Int
    /// Reduce by at most this many mg/day per step …
    public var reductionMg: Milligrams?
    /// … or by this fraction of the current dose per step.
    public var reductionFraction: Double?
    public var daysPerStep: Int
    /// Taken for fewer days than this, withdrawal effects are unlikely and the taper may be shorter.
    public var longUseDays: Int?
    /// The taper after short use (days); 0 means it may stop without a taper.
    public var shortUseMinimumDays: Int?
    /// Strengths a taper may use that titration never does (duloxetine 20 mg, marketed in the
    /// UK for another indication, as the last step down from 30 mg); `nil` when none.
    public var taperStrengths: [Strength]?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(minimumDays: Int, reductionMg: Milligrams? = nil, reductionFraction: Double? = nil,
                 daysPerStep: Int, longUseDays: Int? = nil, shortUseMinimumDays: Int? = nil,
                 taperStrengths: [Strength]? = nil) {
        self.minimumDays = minimumDays
        self.reductionMg = reductionMg
        self.reductionFraction = reductionFraction
        self.daysPerStep = daysPerStep
        self.longUseDays = longUseDays
        self.shortUseMinimumDays = shortUseMinimumDays
        self.taperStrengths = taperStrengths
    }
}

public struct SideEffects: Codable, Sendable, Equatable {
    public var common: Sourced<[SideEffect]>
    /// "Stop and seek help" effects: a report tells the patient what to do now and flags the course.
    public var redFlags: Sourced<[SideEffect]>

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(common: Sourced<[SideEffect]>, redFlags: Sourced<[SideEffect]>) {
        self.common = common
        self.redFlags = redFlags
    }
}

public struct SideEffect: Codable, Sendable, Equatable {
    /// Short id a patient can type: `drowsiness`, `facial-swelling`.
    public var id: String
    public var label: String
    /// Other words a patient may use for it.
    public var aliases: [String]?
    /// For red flags: what to do now, in plain words.
    public var action: String?
    /// SNOMED CT finding code where known, for export.
    public var snomed: String?

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(id: String, label: String, aliases: [String]? = nil, action: String? = nil,
                 snomed: String? = nil) {
        self.id = id
        self.label = label
        self.aliases = aliases
        self.action = action
        self.snomed = snomed
    }
}

/// What counts as an adequate trial before calling a drug ineffective.
public struct AdequateTrial: Codable, Sendable, Equatable {
    public var minimumWeeks: Int
    public var maximumWeeks: Int
    /// Weeks needed at the highest tolerated dose within the trial.
    public var weeksAtHighestTolerated: Int

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(minimumWeeks: Int, maximumWeeks: Int, weeksAtHighestTolerated: Int) {
        self.minimumWeeks = minimumWeeks
        self.maximumWeeks = maximumWeeks
        self.weeksAtHighestTolerated = weeksAtHighestTolerated
    }
}

/// Default review timing after a start or change, and thereafter.
public struct ReviewIntervals: Codable, Sendable, Equatable {
    public var earlyDays: Int
    public var regularDays: Int

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(earlyDays: Int, regularDays: Int) {
        self.earlyDays = earlyDays
        self.regularDays = regularDays
    }
}

/// UK Schedule 3 supply rules (gabapentin, pregabalin).
public struct ControlledDrugRules: Codable, Sendable, Equatable {
    public var schedule: String
    public var maximumSupplyDays: Int
    public var prescriptionValidDays: Int
    public var repeatable: Bool
    public var emergencySupply: Bool

    /// Every stored property, in declaration order: for the formulary reader, inlined there.
    @inlinable
    package init(schedule: String, maximumSupplyDays: Int, prescriptionValidDays: Int, repeatable: Bool,
                 emergencySupply: Bool) {
        self.schedule = schedule
        self.maximumSupplyDays = maximumSupplyDays
        self.prescriptionValidDays = prescriptionValidDays
        self.repeatable = repeatable
        self.emergencySupply = emergencySupply
    }
}

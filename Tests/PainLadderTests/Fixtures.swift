@testable import PainLadder

/// Small formularies built in code, so the engine is tested apart from the shipped data.
/// The numbers follow clinical-reference.md but are test inputs, not the product's data.
enum Fixtures {
    static func s<V>(_ value: V, _ sources: [String] = ["S0"], _ status: EvidenceStatus = .confirmed) -> Sourced<V> {
        Sourced(value, sources: sources, status: status)
    }

    static func t(_ text: String) -> LocalTime { LocalTime(parsing: text)! }
    static func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

    static func variant(_ id: String, perDay: Int, times: [String], fewerAt: DayPart = .evening,
                        steps: [StepTemplate], increment: Milligrams?, usual: Int, minimum: Int,
                        target: Milligrams, max: Milligrams? = nil) -> TitrationVariant {
        TitrationVariant(id: id, label: id, description: nil, administrationsPerDay: s(perDay),
                         defaultTimes: times.map(t), fewerDosesAt: fewerAt, steps: s(steps),
                         thenIncrement: increment.map { s($0) },
                         daysBetweenSteps: s(StepInterval(usual: usual, minimum: minimum)),
                         usualTarget: s(target), maximumDailyDose: max.map { s($0, ["SV"], .local) })
    }

    static func drug(_ id: String, strengths: [Milligrams], form: String = "tablet", max: Milligrams,
                     singleMax: Milligrams? = nil, licensedFor: [String] = ["peripheral"],
                     variants: [TitrationVariant], bands: [RenalBand] = [], rules: [SafetyRule] = []) -> Drug {
        Drug(id: id, name: id.capitalized, drugClass: "test", codes: [:], licensedFor: s(licensedFor),
             strengths: s(strengths.map { Strength(mg: $0, form: form) }),
             maximumDailyDose: s(max, ["SD"]), maximumSingleDose: singleMax.map { s($0) },
             variants: variants, renalBands: bands, rules: rules,
             taper: s(TaperProfile(minimumDays: 7, reductionMg: nil, reductionFraction: 0.5, daysPerStep: 7,
                                   longUseDays: nil, shortUseMinimumDays: nil)),
             sideEffects: SideEffects(common: s([]), redFlags: s([])),
             adequateTrial: s(AdequateTrial(minimumWeeks: 6, maximumWeeks: 8, weeksAtHighestTolerated: 2)),
             reviews: s(ReviewIntervals(earlyDays: 14, regularDays: 56)), controlledDrug: nil)
    }

    static func rule(_ id: String, _ kind: SafetyRule.Kind = .hardStop, _ when: RuleCondition) -> SafetyRule {
        SafetyRule(id: id, kind: kind, when: when, message: "rule \(id)", sources: ["SR"], status: .confirmed)
    }

    static func band(_ label: String, from: Double?, below: Double?, max: Milligrams,
                     titration: TitrationVariant? = nil) -> RenalBand {
        RenalBand(label: label, minimumCrCl: from, belowCrCl: below,
                  maximumDailyDose: s(max, ["SB"], .confirmed), titration: titration)
    }

    // MARK: drugs shaped like the reference

    static let gabapentin = drug(
        "gabapentin", strengths: [100, 300, 400, 600, 800], form: "capsule", max: 3600,
        variants: [
            variant("standard", perDay: 3, times: ["08:00", "14:00", "22:00"],
                    steps: [StepTemplate(dailyDose: 300, doses: [300], usualDays: 1, minimumDays: 1),
                            StepTemplate(dailyDose: 600, doses: [300, 300], usualDays: 1, minimumDays: 1),
                            StepTemplate(dailyDose: 900, doses: [300, 300, 300])],
                    increment: 300, usual: 3, minimum: 2, target: 1800),
            variant("elderly", perDay: 3, times: ["08:00", "14:00", "22:00"],
                    steps: [StepTemplate(dailyDose: 100)], increment: 100, usual: 7, minimum: 3,
                    target: 900, max: 1800),
        ],
        rules: [rule("gabapentin-with-pregabalin", .hardStop, RuleCondition(medicinesAny: ["pregabalin"])),
                rule("gabapentinoid-with-opioid", .caution, RuleCondition(medicinesAny: ["opioid"]))])

    static let pregabalinRenal30 = variant("renal-30-60", perDay: 2, times: ["08:00", "20:00"],
                                           steps: [StepTemplate(dailyDose: 75), StepTemplate(dailyDose: 150)],
                                           increment: 150, usual: 7, minimum: 3, target: 150)

    static let pregabalin = drug(
        "pregabalin", strengths: [25, 50, 75, 100, 150, 200, 225, 300], form: "capsule", max: 600,
        licensedFor: ["peripheral", "central"],
        variants: [
            variant("standard", perDay: 2, times: ["08:00", "20:00"],
                    steps: [StepTemplate(dailyDose: 150), StepTemplate(dailyDose: 300), StepTemplate(dailyDose: 600)],
                    increment: nil, usual: 7, minimum: 3, target: 300),
            variant("elderly", perDay: 2, times: ["08:00", "20:00"],
                    steps: [StepTemplate(dailyDose: 50)], increment: 50, usual: 7, minimum: 7, target: 300),
        ],
        bands: [band(">=60", from: 60, below: nil, max: 600),
                band("30-60", from: 30, below: 60, max: 300, titration: pregabalinRenal30),
                band("15-30", from: 15, below: 30, max: 150),
                band("<15", from: nil, below: 15, max: 75)])

    static let amitriptyline = drug(
        "amitriptyline", strengths: [10, 25, 50], max: 75, singleMax: 75, licensedFor: ["peripheral", "central"],
        variants: [
            variant("standard", perDay: 1, times: ["22:00"], steps: [StepTemplate(dailyDose: 10)],
                    increment: 10, usual: 7, minimum: 3, target: 50),
        ],
        rules: [rule("amitriptyline-heart-block", .hardStop, RuleCondition(conditionsAny: ["heart-block", "arrhythmia"])),
                rule("amitriptyline-elderly", .caution, RuleCondition(ageAtLeast: 65))])

    static let duloxetine = drug(
        "duloxetine", strengths: [30, 60], form: "capsule", max: 120, singleMax: 60,
        licensedFor: ["diabetic-peripheral-neuropathy"],
        variants: [
            variant("standard", perDay: 1, times: ["08:00", "20:00"], fewerAt: .morning,
                    steps: [StepTemplate(dailyDose: 30), StepTemplate(dailyDose: 60)],
                    increment: 60, usual: 7, minimum: 7, target: 60),
        ],
        rules: [rule("duloxetine-crcl-below-30", .hardStop, RuleCondition(crClBelow: 30)),
                rule("duloxetine-hepatic", .hardStop, RuleCondition(hepaticImpairment: true))])

    static let pathwayRules = [
        rule("trigeminal-neuralgia", .hardStop, RuleCondition(diagnosesAny: ["trigeminal"])),
    ]

    static func formulary(localCaps: [String: Sourced<Milligrams>] = [:]) -> Formulary {
        Formulary(
            name: "test", version: "0", drugs: [amitriptyline, duloxetine, gabapentin, pregabalin],
            sources: [:],
            diagnoses: [
                Diagnosis(id: "diabetic-peripheral-neuropathy", label: "DPN", category: "peripheral"),
                Diagnosis(id: "post-herpetic-neuralgia", label: "PHN", category: "peripheral"),
                Diagnosis(id: "central-post-stroke-pain", label: "CPSP", category: "central"),
                Diagnosis(id: "trigeminal-neuralgia", label: "TN", category: "trigeminal"),
            ],
            medicineClasses: ["tramadol": ["opioid", "serotonergic"], "Morphine": ["Opioid"],
                              "phenelzine": ["maoi"]],
            pathway: PathwaySettings(ladderOrder: nil, rules: pathwayRules, holdStepUpAtSeverity: s("moderate")),
            localCaps: localCaps)
    }

    static func patient(born: String = "1966-01-01", sex: Patient.Sex = .male, frail: Bool = false,
                        diagnosis: String = "diabetic-peripheral-neuropathy", crCl: Double? = nil,
                        conditions: [String] = [], medicines: [String] = [], hepatic: Bool = false) -> Patient {
        Patient(id: "P1", birthDate: d(born), sex: sex, timeZone: "Europe/London", creatinineClearance: crCl,
                hepaticImpairment: hepatic, frail: frail, diagnosis: diagnosis, conditions: conditions,
                medicines: medicines)
    }
}

/// A step as (date, [(time, mg)]) for comparing with a hand-written table.
struct Row: Equatable, CustomStringConvertible {
    var date: String
    var doses: [String]
    var beyond: Bool

    init(_ date: String, _ doses: [String], beyond: Bool = false) {
        self.date = date
        self.doses = doses
        self.beyond = beyond
    }

    init(_ step: TitrationStep) {
        date = step.startDate.description
        doses = step.administrations.map { "\($0.time) \($0.doseMg)" }
        beyond = step.beyondTarget
    }

    var description: String { "\(date) \(doses)\(beyond ? " beyond" : "")" }
}

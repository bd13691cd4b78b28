import PainLadder

/// How the old drug is withdrawn: its steps down, the stop date and the formulary's rule.
struct TaperJSON: Encodable {
    struct Rule: Encodable {
        var minimumDays: Int
        var reductionMg: Int?
        var reductionFraction: Double?
        var daysPerStep: Int
        var longUseDays: Int?
        var shortUseMinimumDays: Int?
        var taperStrengths: [AdministrationJSON.Strength]?
    }

    var drug: String
    var fromDailyMg: Int
    var daysOnDrug: Int
    var longUse: Bool?
    var minimumDays: Int
    var steps: [StepJSON]
    var stopDate: String
    var abrupt: Bool
    var direct: Bool
    var rule: SourcedValueJSON<Rule>
    var note: String?

    init(_ t: TaperPlan) {
        drug = t.drug
        fromDailyMg = t.fromDailyMg
        daysOnDrug = t.daysOnDrug
        longUse = t.longUse
        minimumDays = t.minimumDays
        steps = t.steps.map { StepJSON($0, held: false) }
        stopDate = t.stopDate.description
        abrupt = t.abrupt
        direct = t.direct
        rule = SourcedValueJSON(t.rule) {
            Rule(minimumDays: $0.minimumDays, reductionMg: $0.reductionMg, reductionFraction: $0.reductionFraction,
                 daysPerStep: $0.daysPerStep, longUseDays: $0.longUseDays, shortUseMinimumDays: $0.shortUseMinimumDays,
                 taperStrengths: $0.taperStrengths?.map { AdministrationJSON.Strength(mg: $0.mg, form: $0.form) })
        }
        note = t.note
    }
}

import PainLadder

/// A drug on the ladder for this patient: ruled out (the refusal's message and exit code, as
/// the command would say it), or usable with this patient's maximum, renal band and cautions.
struct LadderOptionJSON: Encodable {
    struct RuledOut: Encodable {
        var message: String
        var exitCode: Int32
    }

    var drug: String
    var ruledOutBy: RuledOut?
    var maximumDailyDose: SourcedJSON?
    var renalBand: String?
    var cautions: [FindingJSON]
    var offLabel: Bool

    init(_ o: LadderOption) {
        drug = o.drug
        ruledOutBy = o.ruledOutBy.map { RuledOut(message: ErrorText.message($0), exitCode: ErrorText.exitCode($0)) }
        maximumDailyDose = o.maximumDailyDose.map(SourcedJSON.init)
        renalBand = o.renalBand
        cautions = o.cautions.map(FindingJSON.init)
        offLabel = o.offLabel
    }
}

import PainLadder

enum LadderText {
    static func render(_ options: [LadderOption], formulary: Formulary) -> String {
        var l = ["The ladder for this patient (NICE CG173 offers a choice among these):"]
        for option in options { l += lines(option, ruledOut: "ruled out — ") }
        return l.joined(separator: "\n")
    }

    /// One option of the ladder: ruled out and why, or its maximum for this patient (with the
    /// limit's source), renal band, licence and cautions. `ruledOut` introduces the reason.
    static func lines(_ option: LadderOption, ruledOut: String) -> [String] {
        if let reason = option.ruledOutBy { return ["  ✗ \(option.drug): \(ruledOut)\(ErrorText.message(reason))"] }
        var line = "  ✓ \(option.drug)"
        if let max = option.maximumDailyDose { line += ": up to \(max.value) mg/day \(max.citation)" }
        if let band = option.renalBand { line += ", renal band \(band)" }
        if option.offLabel { line += ", off-label for this diagnosis" }
        return [line] + option.cautions.map { c in
            "      ! \(c.message) [\(c.sources.joined(separator: ", ")); \(c.status.rawValue)]"
        }
    }
}

import PainLadder

enum LadderText {
    static func render(_ options: [LadderOption], formulary: Formulary) -> String {
        var l = ["The ladder for this patient (NICE CG173 offers a choice among these):"]
        for option in options {
            if let reason = option.ruledOutBy {
                l.append("  ✗ \(option.drug): ruled out — \(reason.description)")
                continue
            }
            var line = "  ✓ \(option.drug)"
            if let max = option.maximumDailyDose { line += ": up to \(max.value) mg/day \(max.citation)" }
            if let band = option.renalBand { line += ", renal band \(band)" }
            if option.offLabel { line += ", off-label for this diagnosis" }
            l.append(line)
            for c in option.cautions {
                l.append("      ! \(c.message) [\(c.sources.joined(separator: ", ")); \(c.status.rawValue)]")
            }
        }
        return l.joined(separator: "\n")
    }
}

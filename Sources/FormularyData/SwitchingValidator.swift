import PainLadder

/// Checks `switching.json` against the formulary it belongs to: known drugs, resolvable
/// sources, conversion tables that rise and do not overlap, and pairs that name a
/// conversion between the same two drugs. The first problem is thrown as
/// ``PainLadderError/invalidFormulary(file:drug:field:problem:)``.
public enum SwitchingValidator {
    /// The optional file in a formulary folder.
    public static let file = "switching.json"

    public static func validate(_ rules: SwitchingRules, in formulary: Formulary) throws {
        let drugs = Set(formulary.drugs.map(\.id))
        let sources = Set(formulary.sources.keys)

        func fail(_ field: String, _ problem: String) -> PainLadderError {
            .invalidFormulary(file: file, drug: nil, field: field, problem: problem)
        }
        func checkDrug(_ id: String, _ field: String) throws {
            guard drugs.contains(id) else {
                throw fail(field, "'\(id)' is not a drug in the formulary (known: \(formulary.drugs.map(\.id).joined(separator: ", ")))")
            }
        }
        func checkSources(_ tags: [String], _ field: String) throws {
            guard !tags.isEmpty else { throw fail("\(field).sources", "is empty: every clinical value needs at least one source") }
            for (i, tag) in tags.enumerated() where !sources.contains(tag) {
                throw fail("\(field).sources[\(i)]", "'\(tag)' is not in sources.json")
            }
        }
        func checkText(_ text: String, _ field: String) throws {
            guard !text.isBlank else { throw fail(field, "is empty") }
        }

        var ids: Set<String> = []
        for (i, c) in rules.conversions.enumerated() {
            let path = "conversions[\(i)]"
            try checkText(c.id, "\(path).id")
            guard ids.insert(c.id).inserted else { throw fail("\(path).id", "'\(c.id)' is listed twice") }
            try checkText(c.label, "\(path).label")
            try checkDrug(c.from, "\(path).from")
            try checkDrug(c.to, "\(path).to")
            guard c.from != c.to else { throw fail("\(path).to", "converts \(c.from) to itself") }
            try checkSources(c.rows.sources, "\(path).rows")
            guard !c.rows.value.isEmpty else { throw fail("\(path).rows.value", "is empty") }
            var previous: ConversionRow?
            for (j, row) in c.rows.value.enumerated() {
                let field = "\(path).rows.value[\(j)]"
                guard row.fromMg > 0, row.toMinMg > 0 else { throw fail(field, "doses must be above 0 mg") }
                guard row.toMinMg <= row.toTypicalMg, row.toTypicalMg <= row.toMaxMg else {
                    throw fail(field, "toTypicalMg \(row.toTypicalMg) must lie within toMinMg \(row.toMinMg) … toMaxMg \(row.toMaxMg)")
                }
                if let previous {
                    guard row.fromMg > previous.fromMg, row.toMinMg > previous.toMaxMg else {
                        throw fail(field, "must rise above the row before without overlapping it")
                    }
                }
                previous = row
            }
        }

        var seen: Set<String> = []
        for (i, p) in rules.pairs.enumerated() {
            let path = "pairs[\(i)]"
            try checkDrug(p.from, "\(path).from")
            try checkDrug(p.to, "\(path).to")
            guard p.from != p.to else { throw fail("\(path).to", "switches \(p.from) to itself") }
            guard seen.insert("\(p.from)→\(p.to)").inserted else {
                throw fail(path, "\(p.from) → \(p.to) is listed twice")
            }
            try checkText(p.crossTaper.message, "\(path).crossTaper.message")
            try checkSources(p.crossTaper.sources, "\(path).crossTaper")
            if let id = p.directConversion {
                guard let c = rules.conversion(id: id) else {
                    throw fail("\(path).directConversion", "'\(id)' is not a conversion in this file")
                }
                guard Set([c.from, c.to]) == Set([p.from, p.to]) else {
                    throw fail("\(path).directConversion", "'\(id)' converts \(c.from) and \(c.to), not \(p.from) and \(p.to)")
                }
            }
            if let fraction = p.newStepUpAfterOldReducedBy {
                try checkSources(fraction.sources, "\(path).newStepUpAfterOldReducedBy")
                guard fraction.value > 0, fraction.value < 1 else {
                    throw fail("\(path).newStepUpAfterOldReducedBy.value", "must be between 0 and 1 (got \(fraction.value))")
                }
            }
            if let days = p.oldDrugActsForDays {
                try checkSources(days.sources, "\(path).oldDrugActsForDays")
                guard days.value >= 0 else {
                    throw fail("\(path).oldDrugActsForDays.value", "must be 0 days or more (got \(days.value))")
                }
            }
            for (j, w) in p.warnings.enumerated() {
                try checkText(w.id, "\(path).warnings[\(j)].id")
                try checkText(w.message, "\(path).warnings[\(j)].message")
                try checkSources(w.sources, "\(path).warnings[\(j)]")
            }
        }
    }
}

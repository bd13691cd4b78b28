import PainLadder

/// `painladder formulary show`: every number with its citation, so a clinician sees what to check.
enum FormularyText {
    static func maximum(_ drug: Drug, _ formulary: Formulary) -> Sourced<Milligrams> {
        if let cap = formulary.localCaps[drug.id], cap.value < drug.maximumDailyDose.value { return cap }
        return drug.maximumDailyDose
    }

    static func render(_ drug: Drug, _ f: Formulary) -> String {
        var l: [String] = []
        l.append("\(drug.name) (\(drug.drugClass))")
        if !drug.codes.isEmpty {
            l.append("  codes: " + drug.codes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        l.append("  licensed for: \(drug.licensedFor.value.joined(separator: ", ")) \(drug.licensedFor.citation)")
        l.append("  products: " + drug.strengths.value.map { "\($0.mg) mg \($0.form)" }.joined(separator: ", ")
                 + " \(drug.strengths.citation)")
        l.append("  maximum: \(drug.maximumDailyDose.value) mg/day \(drug.maximumDailyDose.citation)")
        if let cap = f.localCaps[drug.id] {
            l.append("  local cap (\(f.localName ?? "local")): \(cap.value) mg/day \(cap.citation)")
        }
        if let single = drug.maximumSingleDose {
            l.append("  largest single dose: \(single.value) mg \(single.citation)")
        }
        if let cd = drug.controlledDrug {
            let c = cd.value
            let schedule = c.schedule.allSatisfy(\.isNumber) ? "Schedule \(c.schedule)" : c.schedule
            l.append("  controlled drug (UK \(schedule)): supply ≤ \(c.maximumSupplyDays) days, prescription valid \(c.prescriptionValidDays) days, not repeatable, no emergency supply \(cd.citation)")
        }
        for v in drug.variants {
            l.append("")
            l.append(contentsOf: variant(v, indent: "  "))
        }
        for band in drug.renalBands {
            l.append("")
            l.append("  renal band \(band.label): max \(band.maximumDailyDose.value) mg/day \(band.maximumDailyDose.citation)")
            if let t = band.titration { l.append(contentsOf: variant(t, indent: "    ")) }
        }
        l.append("")
        l.append("  rules:")
        for rule in drug.rules + f.pathway.rules {
            let kind = rule.kind == .hardStop ? "HARD STOP" : "caution"
            l.append("    \(kind): \(rule.message) [\(rule.sources.joined(separator: ", ")); \(rule.status.rawValue)]")
        }
        let t = drug.taper.value
        var taper = "  taper: at least \(t.minimumDays) days"
        if let mg = t.reductionMg { taper += ", down by at most \(mg) mg/day every \(t.daysPerStep) days" }
        if let fr = t.reductionFraction { taper += ", down by \(Int(fr * 100))% every \(t.daysPerStep) days" }
        if let long = t.longUseDays {
            taper += "; after less than \(long) days' use: at least \(t.shortUseMinimumDays ?? 0) days"
        }
        l.append(taper + " \(drug.taper.citation)")
        let a = drug.adequateTrial.value
        l.append("  adequate trial: \(a.minimumWeeks)–\(a.maximumWeeks) weeks, \(a.weeksAtHighestTolerated) at the highest tolerated dose \(drug.adequateTrial.citation)")
        let r = drug.reviews.value
        l.append("  reviews: early after \(r.earlyDays) days, then every \(r.regularDays) days \(drug.reviews.citation)")
        l.append("  common side effects: " + drug.sideEffects.common.value.map(\.id).joined(separator: ", ")
                 + " \(drug.sideEffects.common.citation)")
        l.append("  red flags (seek help now): " + drug.sideEffects.redFlags.value.map(\.id).joined(separator: ", ")
                 + " \(drug.sideEffects.redFlags.citation)")
        return l.joined(separator: "\n")
    }

    static func variant(_ v: TitrationVariant, indent: String) -> [String] {
        var l = ["\(indent)variant \(v.id): \(v.label)"]
        if let d = v.description { l.append("\(indent)  \(d)") }
        let steps = v.steps.value.map { s in
            s.doses.map { "\($0.map(String.init).joined(separator: "+")) mg" } ?? "\(s.dailyDose) mg/day"
        }.joined(separator: " → ")
        l.append("\(indent)  steps: \(steps) \(v.steps.citation)")
        if let inc = v.thenIncrement { l.append("\(indent)  then +\(inc.value) mg/day per step \(inc.citation)") }
        let d = v.daysBetweenSteps
        l.append("\(indent)  days between steps: usually \(d.value.usual), at least \(d.value.minimum) \(d.citation)")
        let perDay = v.administrationsPerDay.value
        let at = TimeSelection.times(count: perDay, from: v.defaultTimes, fewerDosesAt: v.fewerDosesAt)
        let split = v.defaultTimes.count > at.count
            ? "; a daily dose split over more doses is taken at \(v.defaultTimes.map(\.description).joined(separator: ", "))" : ""
        l.append("\(indent)  \(Plural.timesADay(perDay)), at \(at.map(\.description).joined(separator: ", "))\(split) \(v.administrationsPerDay.citation)")
        l.append("\(indent)  usual target: \(v.usualTarget.value) mg/day \(v.usualTarget.citation)")
        if let m = v.maximumDailyDose { l.append("\(indent)  variant maximum: \(m.value) mg/day \(m.citation)") }
        return l
    }
}

import PainLadder

enum PatientText {
    static func render(_ p: Patient, today: LocalDate, formulary: Formulary,
                       plans: [(drug: String, schedule: Schedule, overrides: [Override])] = []) -> String {
        var lines = ["Patient \(p.id)\(p.name.map { " (\(Output.shown($0)))" } ?? "")"]
        lines.append("  born        \(p.birthDate) (age \(p.age(on: today))), \(p.sex.rawValue)")
        lines.append("  time zone   \(p.timeZone)")
        let diagnosis = formulary.diagnosis(p.diagnosis)
        lines.append("  diagnosis   \(diagnosis?.label ?? p.diagnosis) [\(diagnosis?.category ?? "?")]")
        if let estimate = p.renalEstimate(on: today, in: formulary) {
            lines.append("  CrCl        \(Int(estimate.crCl.rounded())) mL/min (\(how(estimate)))")
        } else {
            lines.append("  CrCl        unknown (record --crcl, or --weight with --creatinine)")
        }
        if let w = p.weightKg { lines.append("  weight      \(w) kg") }
        if let h = p.heightCm { lines.append("  height      \(h) cm") }
        if let c = p.serumCreatinine { lines.append("  creatinine  \(c.value) \(c.unit.rawValue)") }
        var flags: [String] = []
        if p.hepaticImpairment { flags.append("hepatic impairment") }
        if p.frail { flags.append("frail") }
        if p.pregnancyPotential { flags.append("could become pregnant") }
        if !flags.isEmpty { lines.append("  factors     \(flags.joined(separator: ", "))") }
        if !p.conditions.isEmpty { lines.append("  conditions  \(Output.shown(p.conditions, separator: ", "))") }
        if !p.medicines.isEmpty { lines.append("  medicines   \(Output.shown(p.medicines, separator: ", "))") }
        for s in p.stoppedMedicines ?? [] { lines.append("  stopped     \(stoppedLine(s, formulary: formulary))") }
        if let unchecked = UncheckedText.line(formulary.uncheckedMedicines(of: p)) { lines.append("  \(unchecked)") }
        for plan in plans {
            let name = (try? formulary.drug(plan.drug).name) ?? plan.drug
            lines.append("  \(name) plan:")
            lines += NoticeText.lines(plan.schedule, overrides: plan.overrides, indent: "    ")
        }
        for t in p.priorTreatments ?? [] { lines.append("  tried       \(priorLine(t, name: (try? formulary.drug(t.drug).name) ?? t.drug))") }
        return lines.joined(separator: "\n")
    }

    /// "Nardil (phenelzine), stopped 2026-03-01".
    static func stoppedLine(_ s: StoppedMedicine, formulary: Formulary) -> String {
        let ingredient = formulary.ingredient(named: s.name)
        let known = ingredient.map { MedicineNameKey.key($0) == MedicineNameKey.key(s.name) ? "" : " (\($0))" } ?? ""
        return "\(Output.shown(s.name))\(known), stopped \(s.stopped)"
    }

    /// How the clearance was obtained: "as recorded", or Cockcroft–Gault with the weight it used.
    static func how(_ e: RenalEstimate) -> String {
        guard let w = e.weight else { return "as recorded" }
        func kg(_ v: Double) -> String { Num.f(v, 1) }
        switch w.kind {
        case .actual where w.idealKg == nil: return "Cockcroft–Gault, actual weight \(kg(w.kg)) kg; height unknown"
        case .actual: return "Cockcroft–Gault, actual weight \(kg(w.kg)) kg (at or below ideal \(kg(w.idealKg!)) kg)"
        case .ideal: return "Cockcroft–Gault, ideal body weight \(kg(w.kg)) kg"
        case .adjusted: return "Cockcroft–Gault, adjusted body weight \(kg(w.kg)) kg (ideal \(kg(w.idealKg ?? 0)) kg)"
        }
    }

    /// "Amitriptyline before PainLadder, until 2019-06, up to 30 mg a day: not-tolerated".
    static func priorLine(_ t: PriorTreatment, name: String) -> String {
        return "\(name) before PainLadder, until \(t.until)\(t.maxDoseMg.map { ", up to \($0) mg a day" } ?? ""): \(t.outcome.rawValue)"
    }
}

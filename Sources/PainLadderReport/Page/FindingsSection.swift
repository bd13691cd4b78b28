import PainLadder

/// The review's findings as the review screen has them: the course, pain against baseline
/// with its band, side effects by step, the adequate trial. Every number cites its source.
enum FindingsSection {
    static func write(_ w: inout PageWriter, _ r: ReviewSummary) {
        w.add("<h2>Findings</h2><ul class=\"plain\">")
        if let c = r.course {
            var line = "<li><strong>Course:</strong> \(HTMLText.escaped(c.drugName)), \(HTMLText.escaped(c.variantLabel ?? c.variant)); "
            line += c.dayOfCourse >= 1 ? "day \(c.dayOfCourse) (started \(c.startDate))" : "starts on \(c.startDate)"
            line += "; \(c.status.rawValue); plan version \(c.planVersion)."
            if let step = c.currentStep {
                line += " Dose \(step.dailyDoseMg) mg/day (step \(step.number) of \(c.plannedStepCount)), \(c.daysAtCurrentDose) day\(c.daysAtCurrentDose == 1 ? "" : "s") at it"
                if c.highestDoseReachedMg > step.dailyDoseMg { line += "; highest reached \(c.highestDoseReachedMg) mg/day" }
                line += "."
            }
            line += " Usual target \(c.usualTarget.value) mg/day \(w.cite(c.usualTarget)); this patient's maximum \(c.patientMaximum.value) mg/day \(w.cite(c.patientMaximum))."
            if let hold = c.holdReason {
                line += " <strong>On hold</strong> since \(c.heldSince?.description ?? "?"): \(HTMLText.free(hold))."
            } else if let next = c.nextStep {
                line += " Next step: \(next.dailyDoseMg) mg/day from \(next.startDate)."
            }
            for o in c.overrides {
                line += " Override: \(HTMLText.escaped(o.limit)), allowed by \(HTMLText.free(o.by)): \(HTMLText.free(o.reason))."
            }
            for caution in c.cautions { line += " Caution: \(HTMLText.escaped(caution.message)) \(w.cite(caution.sources, caution.status))." }
            w.add(line + "</li>")
        } else {
            w.add("<li><strong>Course:</strong> none in progress.</li>")
        }
        pain(&w, r.pain)
        sideEffects(&w, r.sideEffects)
        if let t = r.trial {
            w.add("<li><strong>Adequate trial:</strong> \(HTMLText.escaped(t.text)): \(t.adequate ? "adequate" : "not yet adequate") \(w.cite(t.trial)).</li>")
        }
        w.add("</ul>")
    }

    static func pain(_ w: inout PageWriter, _ p: PainReview) {
        var line = "<li><strong>Pain</strong> (0–10): "
        if let b = p.baseline {
            line += "baseline \(ChartNumber.score(b.score)) on \(b.date)"
        } else {
            line += "no baseline recorded"
        }
        if let t = p.pretreatment { line += "; pre-treatment baseline \(ChartNumber.score(t.baseline.score)) on \(t.baseline.date) (before \(HTMLText.escaped(t.drug)))" }
        line += p.last7DaysMean.map { "; last 7 days mean \(ChartNumber.f($0, 2)) (\(p.recent.count) days scored)" } ?? "; no scores in the last 7 days"
        if let points = p.changePoints {
            line += "; change \(signed(points, 2)) points"
            if let percent = p.changePercent { line += ", \(signed(percent, 1))%" }
            if let band = p.band { line += ": <strong>\(HTMLText.escaped(band.label))</strong>" }
            if let bands = p.bands {
                line += " (IMMPACT bands \(ChartNumber.f(bands.value.minimalPercent, 0))/\(ChartNumber.f(bands.value.moderatePercent, 0))/\(ChartNumber.f(bands.value.substantialPercent, 0))% \(w.cite(bands)))"
            }
        }
        line += "."
        if let i = p.impression { line += " Patient's impression of change: \(i.value) \(HTMLText.escaped(i.meaning)) (\(i.date))." }
        if let sleep = p.sleepLast7DaysMean { line += " Sleep interference \(ChartNumber.f(sleep, 1))" + (p.baselineSleep.map { " (baseline \(ChartNumber.score($0)))" } ?? "") + "." }
        if let mood = p.moodLast7DaysMean { line += " Mood interference \(ChartNumber.f(mood, 1))" + (p.baselineMood.map { " (baseline \(ChartNumber.score($0)))" } ?? "") + "." }
        if !p.stopsDoing.isEmpty { line += " Stops them doing: " + p.stopsDoing.map(HTMLText.free).joined(separator: "; ") + "." }
        for impact in p.impacts.prefix(5) { line += " Impact \(impact.date): \(HTMLText.free(impact.text))." }
        w.add(line + "</li>")
    }

    static func sideEffects(_ w: inout PageWriter, _ s: SideEffectReview) {
        guard !s.groups.isEmpty || !s.flags.isEmpty else {
            w.add("<li><strong>Side effects:</strong> none reported.</li>")
            return
        }
        w.add("<li><strong>Side effects</strong> (by step and severity):<ul class=\"plain\">")
        for g in s.groups {
            let items = g.reports.map { rep in
                "\(HTMLText.free(rep.name)) (\(rep.reportedOn), \(rep.resolved ? "resolved" : "open")\(rep.redFlag ? ", red flag" : ""))"
            }
            w.add("<li>\(g.stepNumber.map { "step \($0)" } ?? "no step")\(g.dailyDoseMg.map { ", \($0) mg/day" } ?? ""), \(g.severity?.rawValue ?? "no severity"): \(items.joined(separator: "; "))</li>")
        }
        for f in s.flags { w.add("<li>flag (\(HTMLText.escaped(f.kind.rawValue)), \(f.date)): \(HTMLText.free(f.message))</li>") }
        w.add("</ul></li>")
    }

    /// "12/14 taken (86%)", or "no doses due".
    static func figure(_ f: AdherenceFigure) -> String {
        guard let p = f.percent else { return "no doses due" }
        return "\(f.taken)/\(f.scheduled) taken (\(ChartNumber.percent(p)))"
    }

    static func signed(_ x: Double, _ places: Int) -> String {
        let text = ChartNumber.f(abs(x), places)
        return (Double(text) == 0 ? "" : x < 0 ? "−" : "+") + text
    }
}

import Foundation
import PainLadder

/// The review screen as text: one section per question NICE CG173 asks a review.
enum ReviewText {
    static func render(_ r: ReviewSummary, color: Bool) -> String {
        var l: [String] = []
        let who = r.patientName.map { "\(r.patientID) (\(Output.shown($0)))" } ?? r.patientID
        l.append("Review of \(who), \(r.date) (\(r.timeZone))")
        var facts = ["diagnosis: \(r.diagnosisLabel ?? r.diagnosis)"]
        facts.append(r.creatinineClearance.map { "CrCl \(Num.f($0, 0)) mL/min" } ?? "renal function unknown")
        l.append("  " + facts.joined(separator: "; "))
        if let unchecked = UncheckedText.line(r.uncheckedMedicines ?? []) { l.append("  \(unchecked)") }
        // Open red flags come before anything else on the screen.
        for flag in r.sideEffects.openRedFlags {
            l.append(Output.red("!! OPEN RED FLAG: \(Output.shown(flag.name)) on \(flag.reportedOn)\(flag.drug.map { " (\($0))" } ?? "")"
                                + (flag.action.map { "; the patient was told: \($0)" } ?? "") + (flag.entryID.map { "  #\($0)" } ?? ""), color))
        }
        l.append("")
        course(r, &l)
        adherence(r, &l)
        pain(r, &l)
        sideEffects(r, &l, color: color)
        trial(r, &l)
        ladder(r, &l)
        reviews(r, &l, color: color)
        l.append("")
        l.append("\(Suggestion.label):")
        l.append("  \(Output.shown(r.suggestion.text))")
        return l.joined(separator: "\n")
    }

    static func course(_ r: ReviewSummary, _ l: inout [String]) {
        guard let c = r.course else {
            l.append("Course: none in progress.")
            return
        }
        let day = c.dayOfCourse >= 1 ? "day \(c.dayOfCourse) (started \(c.startDate))"
            : "starts on \(c.startDate) (in \(Plural.days(1 - c.dayOfCourse)))"
        l.append("Course: \(c.drugName), \(c.variantLabel ?? c.variant); \(day); \(c.status.rawValue); plan version \(c.planVersion)")
        if let step = c.currentStep {
            l.append("  dose: \(step.dailyDoseMg) mg/day (step \(step.number) of \(c.plannedStepCount)), \(Plural.days(c.daysAtCurrentDose)) at this dose so far"
                     + (c.highestDoseReachedMg > step.dailyDoseMg ? "; highest reached \(c.highestDoseReachedMg) mg/day" : ""))
            for a in step.administrations { l.append("    \(a.instruction)") }
        } else {
            l.append("  dose: none in force today")
        }
        l.append("  usual target \(c.usualTarget.value) mg/day \(c.usualTarget.citation)\(c.atTarget ? " (reached)" : ""); "
                 + "this patient's maximum \(c.patientMaximum.value) mg/day \(c.patientMaximum.citation)"
                 + (c.patientMaximum.note.map { " (\($0.split(separator: ":").first ?? ""))" } ?? ""))
        if let band = c.renalBand { l.append("  renal band: \(band)") }
        if let hold = c.holdReason {
            l.append("  ON HOLD since \(c.heldSince?.description ?? "?"): \(hold)")
        } else if let next = c.nextStep {
            l.append("  next step: \(next.dailyDoseMg) mg/day from \(next.startDate)")
        } else {
            l.append("  next step: none planned")
        }
        for o in c.overrides {
            l.append("  override: \(o.limit), allowed by \(Output.shown(o.by)) on \(Num.day(o.at)): \(Output.shown(o.reason))")
        }
        let standing = Set(c.cautions.filter { $0.rule.hasPrefix(Schedule.overriddenPrefix) || $0.rule == RenalPrecondition.cappedRule })
        for notice in c.cautions where standing.contains(notice) {
            l.append("  ! \(notice.message) [\(notice.sources.joined(separator: ", ")); \(notice.status.rawValue)]")
        }
        for caution in c.cautions where !standing.contains(caution) {
            l.append("  caution: \(caution.message) [\(caution.sources.joined(separator: ", ")); \(caution.status.rawValue)]")
        }
        if c.offLabel { l.append("  off-label for this diagnosis") }
        if r.renalReevaluationDue, let crCl = r.creatinineClearance {
            l.append("  kidney function recorded since this plan was made (CrCl \(Num.f(crCl, 0)) mL/min): the plan is re-evaluated at the next decision")
        }
    }

    static func adherence(_ r: ReviewSummary, _ l: inout [String]) {
        guard let a = r.adherence else { return }
        l.append("Adherence: last 7 days \(fig(a.last7Days)); last 28 days \(fig(a.last28Days)); whole course \(fig(a.wholeCourse))")
        if !a.byStep.isEmpty {
            l.append("  by step: " + a.byStep.map { "step \($0.stepNumber) (\($0.dailyDoseMg) mg/day) \(fig($0.figure))" }.joined(separator: "; "))
        }
    }

    static func fig(_ f: AdherenceFigure) -> String {
        guard let p = f.percent else { return "no doses due" }
        var s = "\(f.taken)/\(f.scheduled) taken (\(Num.f(p, 0))%)"
        var extra: [String] = []
        if f.skipped > 0 { extra.append("\(f.skipped) skipped") }
        if f.unrecorded > 0 { extra.append("\(f.unrecorded) not recorded") }
        if f.late > 0 { extra.append("\(f.late) late") }
        if !extra.isEmpty { s += ", " + extra.joined(separator: ", ") }
        return s
    }

    static func pain(_ r: ReviewSummary, _ l: inout [String]) {
        let p = r.pain
        l.append("Pain (0–10, average over 24 hours):")
        if let b = p.baseline {
            l.append("  baseline \(baselineText(b))")
        } else {
            l.append("  baseline: none recorded")
        }
        if let t = p.pretreatment {
            var line = "  pre-treatment baseline (before \(t.drug), the first course) \(baselineText(t.baseline))"
            if let points = t.changePoints {
                line += "; change \(Num.signed(points, 2)) points"
                if let percent = t.changePercent { line += ", \(Num.signed(percent, 1))%" }
                if let band = t.band { line += ": \(band.label)" }
            }
            l.append(line)
        }
        if let mean = p.last7DaysMean {
            l.append("  last 7 days (\(p.windowFrom) to \(p.windowTo)): mean \(Num.f(mean, 2)) from \(Plural.days(p.recent.count)) scored")
        } else {
            l.append("  last 7 days: no scores")
        }
        if let points = p.changePoints {
            var line = "  change: \(Num.signed(points, 2)) points"
            if let percent = p.changePercent { line += ", \(Num.signed(percent, 1))%" }
            if let band = p.band { line += ": \(band.label)" + (p.changePercent.map { $0 > 0 ? " (pain is higher than at baseline)" : "" } ?? "") }
            if let bands = p.bands {
                line += " (bands \(Num.f(bands.value.minimalPercent, 0))/\(Num.f(bands.value.moderatePercent, 0))/\(Num.f(bands.value.substantialPercent, 0))% \(bands.citation))"
            }
            l.append(line)
        }
        if let i = p.impression {
            l.append("  patient's impression of change: \(i.value) \(i.meaning) (\(i.date))")
        } else {
            l.append("  patient's impression of change: not recorded")
        }
        if p.sleepLast7DaysMean != nil || p.baselineSleep != nil {
            l.append("  sleep interference: " + (p.sleepLast7DaysMean.map { "\(Num.f($0, 1)) over the last 7 days" } ?? "not recorded lately")
                     + (p.baselineSleep.map { " (baseline \(score($0)))" } ?? ""))
        }
        if p.moodLast7DaysMean != nil || p.baselineMood != nil {
            l.append("  mood interference: " + (p.moodLast7DaysMean.map { "\(Num.f($0, 1)) over the last 7 days" } ?? "not recorded lately")
                     + (p.baselineMood.map { " (baseline \(score($0)))" } ?? ""))
        }
        if !p.stopsDoing.isEmpty {
            l.append("  stops them doing: \(Output.shown(p.stopsDoing, separator: "; "))" + (p.assessedOn.map { " (assessed \($0))" } ?? ""))
        }
        for impact in p.impacts.prefix(5) { l.append("  impact \(impact.date): \(Output.shown(impact.text))") }
        let weeks = p.weekly.suffix(12)
        if !weeks.isEmpty {
            l.append("  weekly trend (mean per course week):")
            if let b = p.baseline { l.append("    baseline  \(bar(b.score))  \(score(b.score))") }
            for w in weeks {
                let label = "week \(w.week)".padding(toLength: 8, withPad: " ", startingAt: 0)
                l.append("    \(label)  " + (w.mean.map { "\(bar($0))  \(Num.f($0, 1))" } ?? "\(String(repeating: "·", count: 20))  no scores"))
            }
        }
    }

    /// "7 on 2026-03-01 (last score before the course)", "8.0 on 2026-03-09 (mean of 3 scores
    /// in the 7 days before the course)": the rule is ``BaselinePain``'s.
    static func baselineText(_ b: BaselinePain) -> String {
        let why = b.marked ? "marked as baseline"
            : b.scoreCount > 1 ? "mean of \(b.scoreCount) scores in the \(BaselinePain.windowDays) days before the course"
            : "last score before the course"
        return "\(b.scoreCount > 1 ? Num.f(b.score, 1) : score(b.score)) on \(b.date) (\(why))"
    }

    /// A whole score as it was typed ("7"), a mean with one decimal ("6.5").
    static func score(_ x: Double) -> String {
        x == x.rounded() ? Num.f(x, 0) : Num.f(x, 1)
    }

    /// A 0–10 score as a bar of 20 characters (two per point).
    static func bar(_ score: Double) -> String {
        let filled = max(0, min(20, Int((score * 2).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "·", count: 20 - filled)
    }

    static func sideEffects(_ r: ReviewSummary, _ l: inout [String], color: Bool) {
        let s = r.sideEffects
        if s.groups.isEmpty {
            l.append("Side effects: none reported")
        } else {
            l.append("Side effects (by step and severity):")
            for g in s.groups {
                let step = g.stepNumber.map { "step \($0)" } ?? "no step"
                let dose = g.dailyDoseMg.map { ", \($0) mg/day" } ?? ""
                let items = g.reports.map { rep in
                    "\(Output.shown(rep.name)) (\(rep.reportedOn)\(rep.resolved ? ", resolved\(rep.resolvedOn.map { " \($0)" } ?? "")" : ", open")\(rep.redFlag ? ", red flag" : ""))"
                        + (rep.entryID.map { " #\($0)" } ?? "")
                }
                l.append("  \(step)\(dose), \(g.severity?.rawValue ?? "no severity"): \(items.joined(separator: "; "))")
            }
        }
        for f in s.flags { l.append("  flag (\(f.kind.rawValue), \(f.date)): \(Output.shown(f.message))") }
    }

    static func trial(_ r: ReviewSummary, _ l: inout [String]) {
        guard let t = r.trial else { return }
        l.append("Adequate trial: \(t.text): \(t.adequate ? "adequate" : "not yet adequate") \(t.trial.citation)")
    }

    static func ladder(_ r: ReviewSummary, _ l: inout [String]) {
        let ladder = r.ladder
        l.append("Ladder" + (ladder.order.map { " (local order \($0.value.joined(separator: " → ")) \($0.citation))" } ?? " (NICE CG173: a choice among the four)") + ":")
        for t in ladder.before ?? [] { l.append("  tried: \(PatientText.priorLine(t, name: t.drug))") }
        if ladder.courses.isEmpty && ladder.before == nil { l.append("  tried: none yet") }
        for c in ladder.courses {
            let how = c.inProgress ? "in progress" : c.outcome.map { "\(c.status.rawValue), \($0.rawValue)" } ?? c.status.rawValue
            l.append("  tried: \(c.drugName) from \(c.startDate): \(how)")
        }
        if ladder.remaining.isEmpty { l.append("  remaining: none") }
        for option in ladder.remaining { l += LadderText.lines(option, ruledOut: "ruled out: ") }
        for p in ladder.referralPrompts { l.append("  consider referral: \(Output.shown(p.message))") }
        if let referred = ladder.referred {
            l.append("  referred on \(referred.date) by \(Output.shown(referred.by)): \(Output.shown(referred.reason))")
        }
    }

    static func reviews(_ r: ReviewSummary, _ l: inout [String], color: Bool) {
        let d = r.reviews
        if let last = d.lastDecision {
            l.append("Last decision: \(last.kind.rawValue) (\(last.drug), plan version \(last.planVersion)) by \(Output.shown(last.by)) on \(last.date): \(Output.shown(last.reason))")
        } else {
            l.append("Last decision: none recorded")
        }
        guard let due = d.nextDue, let days = d.daysUntilDue else {
            l.append("Next review: not set")
            return
        }
        let when = d.overdue ? Output.red("OVERDUE by \(Plural.days(d.overdueDays))", color)
            : days == 0 ? "due today" : "in \(Plural.days(days))"
        l.append("Next review: \(due) (\(when))")
    }
}

/// Number formatting for the screen.
enum Num {
    /// `String(format: "%.Nf", x)`: the exact binary value rounded to `places` decimals, a
    /// tie to even, as the C library's printf does. Worked out in integers for ordinary
    /// values; Foundation's formatter (or even building a C va_list) costs about a million
    /// instructions on first use, more than the rest of the review's text.
    static func f(_ x: Double, _ places: Int) -> String {
        guard x.isFinite, abs(x) < 0x1p52, (0...3).contains(places) else { return cFormat(x, places) }
        let scale: UInt64 = [1, 10, 100, 1_000][places]
        // x = significand × 2^exponent exactly; significand × scale < 2^63.
        let biased = Int(x.exponentBitPattern)
        let exponent = biased == 0 ? -1_074 : biased - 1_075   // zero and subnormals: no hidden bit
        let significand = x.significandBitPattern | (biased == 0 ? 0 : 1 << 52)
        let scaled = significand * scale
        var q: UInt64
        if exponent >= 0 {
            q = scaled << UInt64(exponent)
        } else if -exponent >= 64 {
            q = 0   // below 2^-11 × scale: rounds to 0 (never a tie)
        } else {
            let shift = UInt64(-exponent)
            q = scaled >> shift
            let rest = scaled & ((1 << shift) - 1), half: UInt64 = 1 << (shift - 1)
            if rest > half || (rest == half && q % 2 == 1) { q += 1 }
        }
        var text = x.sign == .minus ? "-" : ""
        text += String(q / scale)
        if places > 0 {
            let fraction = String(q % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// The C library's `vsnprintf` with `%.Nf`, for what ``f(_:_:)`` does not work out itself.
    static func cFormat(_ x: Double, _ places: Int) -> String {
        let format = "%.\(places)f"
        var size = 32
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let n = withVaList([x]) { vsnprintf(&buffer, size, format, $0) }
            guard n >= 0 else { return String(format: format, x) }
            if Int(n) < size { return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } }
            size = Int(n) + 1
        }
    }

    static func signed(_ x: Double, _ places: Int) -> String {
        let text = f(abs(x), places)
        return (Double(text) == 0 ? "" : x < 0 ? "−" : "+") + text
    }

    static func day(_ instant: Date) -> String {
        String(ISO8601DateFormatter().string(from: instant).prefix(10))
    }
}

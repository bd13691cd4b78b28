import PainLadder
import PainLadderClinic

/// The sentences of a letter, from the review and its timeline. Free text goes through
/// ``StoredText/escaped(_:)`` (a letter is pasted where no control character belongs).
enum LetterFacts {
    static func drugsTried(_ report: ReviewReport) -> [String] {
        var lines: [String] = []
        for t in report.priorTreatments {
            lines.append("\(t.drug) before PainLadder (until \(t.until)): highest dose \(t.maxDoseMg.map { "\($0) mg/day" } ?? "not known"); "
                         + "\(t.outcome.rawValue).")
        }
        let ladder = report.summary.ladder
        for c in report.timeline.courses {
            let inProgress = ladder.courses.contains { $0.courseID == c.courseID && $0.inProgress }
            let outcome = inProgress ? "in progress" : c.outcome?.rawValue ?? c.status.rawValue
            lines.append("\(c.drugName) from \(c.startDate): highest dose \(c.highestDoseMg) mg/day; \(weeks(c.daysOnDrug)); \(outcome).")
        }
        return lines.isEmpty ? ["None yet."] : lines
    }

    static func weeks(_ days: Int) -> String {
        days < 14 ? "\(days) day\(days == 1 ? "" : "s")" : "\(days / 7) weeks"
    }

    static func pain(_ p: PainReview) -> [String] {
        var lines: [String] = []
        let base = p.pretreatment?.baseline ?? p.baseline
        var line = base.map { "Pain (0–10) at baseline \(ChartNumber.score($0.score)) (\($0.date))" } ?? "No baseline pain score"
        line += p.last7DaysMean.map { "; over the last 7 days \(ChartNumber.f($0, 1))" } ?? "; no scores in the last 7 days"
        let (percent, band) = p.pretreatment.map { ($0.changePercent, $0.band) } ?? (p.changePercent, p.band)
        if let percent { line += ", a change of \(FindingsSection.signed(percent, 0))%" }
        if let band {
            line += " (\(band.label)" + (p.bands.map { ", IMMPACT bands \(ChartNumber.f($0.value.minimalPercent, 0))/\(ChartNumber.f($0.value.moderatePercent, 0))/\(ChartNumber.f($0.value.substantialPercent, 0))% \($0.citation)" } ?? "") + ")"
        }
        lines.append(line + ".")
        if let sleep = p.sleepLast7DaysMean {
            lines.append("Sleep interference \(ChartNumber.f(sleep, 1))/10" + (p.baselineSleep.map { " (baseline \(ChartNumber.score($0)))" } ?? "") + ".")
        }
        if let mood = p.moodLast7DaysMean {
            lines.append("Mood interference \(ChartNumber.f(mood, 1))/10" + (p.baselineMood.map { " (baseline \(ChartNumber.score($0)))" } ?? "") + ".")
        }
        if !p.stopsDoing.isEmpty {
            lines.append("Pain stops them doing: \(p.stopsDoing.map(StoredText.escaped).joined(separator: "; ")).")
        }
        if let i = p.impression { lines.append("Patient's impression of change: \(i.meaning) (\(i.date)).") }
        return lines
    }

    static func plan(_ r: ReviewSummary) -> [String] {
        guard let c = r.course else { return ["No course in progress."] }
        var line = "\(c.drugName)"
        if let step = c.currentStep {
            line += " \(step.dailyDoseMg) mg/day (" + step.administrations.map(\.instruction).joined(separator: "; ") + ")"
        }
        line += ", \(c.status.rawValue)"
        if let hold = c.holdReason {
            line += "; step-ups on hold (\(StoredText.escaped(hold)))"
        } else if let next = c.nextStep {
            line += "; next step \(next.dailyDoseMg) mg/day from \(next.startDate)"
        }
        var lines = [line + "."]
        if let due = r.reviews.nextDue { lines.append("Next review \(due)\(r.reviews.overdue ? " (overdue)" : "").") }
        return lines
    }

    /// A referral prompt, else the review's suggestion, put as a question.
    static func question(_ r: ReviewSummary) -> String {
        if !r.ladder.referralPrompts.isEmpty {
            return "Would you assess for specialist pain management? "
                + r.ladder.referralPrompts.map { StoredText.escaped($0.message) }.joined(separator: "; ") + "."
        }
        return "Your advice on the next step, please. The review's prompt was: \(r.suggestion.text)."
    }
}

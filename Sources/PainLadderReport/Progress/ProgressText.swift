import PainLadder
import PainLadderClinic

/// "How am I doing?" for the patient at a terminal: the last eight weeks of pain and doses
/// as sparklines (one character a day), doses taken, and what changes next, in plain words.
///
/// ```swift
/// print(ProgressText.render(try clinic.report(patientID: "P001", now: now), unicode: true))
/// ```
public enum ProgressText {
    public static let days = 56

    public static func render(_ report: ReviewReport, unicode: Bool) -> String {
        let r = report.summary, t = report.timeline
        let from = max(t.to.adding(days: -(days - 1)), t.from)
        let span = from.days(to: t.to) + 1
        var l = ["Your progress, \(r.patientID): \(from) to \(t.to) (one mark a day)"]
        var pain = [Double?](repeating: nil, count: span)
        for d in t.pain where d.date >= from { pain[from.days(to: d.date)] = d.score }
        l.append("  pain 0–10      " + Sparkline.render(pain, maximum: 10, unicode: unicode))
        if let first = t.painMean7.first(where: { $0.date >= from }), let last = t.painMean7.last {
            l.append("  7-day average pain: \(ChartNumber.score(last.score)) now, \(ChartNumber.score(first.score)) on \(first.date)")
        }
        for course in t.courses {
            var planned = [Double?](repeating: nil, count: span), taken = [Double?](repeating: nil, count: span)
            for run in course.planned where run.to >= from {
                var day = max(run.from, from)
                while day <= min(run.to, t.to) {
                    planned[from.days(to: day)] = Double(run.dailyDoseMg)
                    day = day.adding(days: 1)
                }
            }
            for d in course.taken where d.date >= from { taken[from.days(to: d.date)] = Double(d.takenMg) }
            guard planned.contains(where: { $0 != nil }) || taken.contains(where: { $0 != nil }) else { continue }
            let top = Double(max(course.planned.map(\.dailyDoseMg).max() ?? 0, course.taken.map(\.takenMg).max() ?? 0))
            let name = pad(course.drug, 14)
            l.append("  \(name) " + Sparkline.render(planned, maximum: top, unicode: unicode) + "  planned, up to \(Int(top)) mg a day")
            l.append("  \(pad("", 14)) " + Sparkline.render(taken, maximum: top, unicode: unicode) + "  taken")
        }
        if let a = r.adherence {
            l.append("Doses taken: \(a.last7Days.taken) of \(a.last7Days.scheduled) in the last 7 days"
                     + (a.last7Days.percent.map { " (\(ChartNumber.percent($0)))" } ?? "")
                     + ", \(a.last28Days.taken) of \(a.last28Days.scheduled) in the last 28 days"
                     + (a.last28Days.percent.map { " (\(ChartNumber.percent($0)))" } ?? ""))
        }
        l.append(contentsOf: next(r))
        let text = l.joined(separator: "\n")
        return unicode ? text : asciiOnly(text)
    }

    /// `text` in ASCII for a terminal that is not UTF-8: the typographic characters the
    /// screen uses spelled plainly, anything else as `?`.
    static func asciiOnly(_ text: String) -> String {
        let plain: [Character: String] = ["×": "x", "–": "-", "—": "-", "−": "-", "→": "->", "≥": ">=", "≤": "<=", "·": ".", "…": "..."]
        var out = ""
        for c in text {
            if c.isASCII { out.append(c) } else { out += plain[c] ?? "?" }
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// What changes next, in the patient's words: the next step, a hold, the next review.
    static func next(_ r: ReviewSummary) -> [String] {
        var l: [String] = []
        if let c = r.course {
            if c.holdReason != nil {
                l.append("What changes next: your dose stays as it is until your clinician reviews it.")
            } else if let next = c.nextStep {
                l.append("What changes next: from \(next.startDate), \(next.dailyDoseMg) mg of \(c.drugName) a day"
                         + " (" + next.administrations.map(\.instruction).joined(separator: "; ") + ").")
            } else {
                l.append("What changes next: no change is planned; keep taking \(c.currentStep?.dailyDoseMg ?? 0) mg a day.")
            }
        } else {
            l.append("What changes next: no medicine course is in progress.")
        }
        if let due = r.reviews.nextDue {
            l.append("Your next review: \(due)\(r.reviews.overdue ? " (it is overdue: please contact your clinic)" : "").")
        }
        if !r.sideEffects.openRedFlags.isEmpty {
            l.append("You reported a side effect that needs help now: follow the advice you were given, or contact your clinic today.")
        }
        return l
    }
}

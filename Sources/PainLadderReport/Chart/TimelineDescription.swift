import PainLadder

/// The timeline in words, for a screen reader and for anyone who cannot see the picture.
enum TimelineDescription {
    static func text(_ t: ReviewTimeline) -> String {
        var parts: [String] = ["From \(t.from) to \(t.to)."]
        for course in t.courses {
            let doses = course.planned.map { "\($0.dailyDoseMg)" }
            var compact: [String] = []
            for d in doses where compact.last != d { compact.append(d) }
            let path = compact.isEmpty ? "no dose planned yet" : compact.joined(separator: " → ") + " mg/day"
            parts.append("\(course.drugName) from \(course.startDate): planned \(path); \(course.taken.count) days with doses taken.")
        }
        if let first = t.painMean7.first, let last = t.painMean7.last {
            parts.append("Pain: \(t.pain.count) days scored; 7-day mean \(ChartNumber.score(first.score)) on \(first.date), \(ChartNumber.score(last.score)) on \(last.date).")
        } else {
            parts.append("Pain: no scores.")
        }
        for b in t.baselines {
            parts.append("\(b.pretreatment ? "Pre-treatment baseline" : "Baseline of \(b.drug)") \(ChartNumber.score(b.score)) (\(b.date)).")
        }
        let flags = t.sideEffects.filter(\.redFlag).count
        parts.append("\(t.sideEffects.count) side-effect report\(t.sideEffects.count == 1 ? "" : "s")"
                     + (flags > 0 ? ", \(flags) red flag\(flags == 1 ? "" : "s")" : "") + ".")
        if !t.decisions.isEmpty {
            parts.append("Decisions: " + t.decisions.enumerated().map { "\($0.offset + 1) \($0.element.kind.rawValue) on \($0.element.date)" }
                .joined(separator: "; ") + ".")
        }
        for h in t.holds { parts.append("Step-ups of \(h.drug) on hold \(h.from) to \(h.to).") }
        return parts.joined(separator: " ")
    }
}

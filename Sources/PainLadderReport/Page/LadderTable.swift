import PainLadder
import PainLadderClinic

/// The ladder as a table: each drug tried (before PainLadder too) with the highest dose,
/// the weeks on it and the outcome; then each remaining drug with what rules it out or needs
/// care, and the referral prompts.
enum LadderTable {
    static func write(_ w: inout PageWriter, _ report: ReviewReport, wording: ErrorWording) {
        let ladder = report.summary.ladder
        w.add("<h2>The ladder</h2>")
        if let order = ladder.order {
            w.add("<p>Local order: \(order.value.map(HTMLText.escaped).joined(separator: " → ")) \(w.cite(order)).</p>")
        } else {
            w.text("p", "NICE CG173: a choice among the four drugs.")
        }
        w.add("<table><thead><tr><th>drug</th><th>when</th><th>highest dose</th><th>weeks</th><th>outcome</th></tr></thead><tbody>")
        for t in report.priorTreatments {
            w.add("<tr><td>\(HTMLText.escaped(t.drug))</td><td>before PainLadder, until \(HTMLText.escaped(t.until))</td>"
                  + "<td>\(t.maxDoseMg.map { "\($0) mg/day" } ?? "not known")</td><td>not known</td>"
                  + "<td>\(HTMLText.escaped(t.outcome.rawValue))\(t.reason.map { ": \(HTMLText.free($0))" } ?? "")</td></tr>")
        }
        for c in report.timeline.courses {
            let how = ladder.courses.first { $0.courseID == c.courseID && $0.inProgress } != nil ? "in progress"
                : c.outcome.map { "\(c.status.rawValue), \($0.rawValue)" } ?? c.status.rawValue
            w.add("<tr><td>\(HTMLText.escaped(c.drugName))</td><td>from \(c.startDate)</td><td>\(c.highestDoseMg) mg/day</td>"
                  + "<td>\(ChartNumber.f(Double(c.daysOnDrug) / 7, 1))</td><td>\(HTMLText.escaped(how))</td></tr>")
        }
        if report.priorTreatments.isEmpty && report.timeline.courses.isEmpty {
            w.add("<tr><td colspan=\"5\">none tried yet</td></tr>")
        }
        w.add("</tbody></table>")
        w.add("<table><thead><tr><th>remaining drug</th><th>for this patient</th></tr></thead><tbody>")
        for option in ladder.remaining {
            var cell: String
            if let reason = option.ruledOutBy {
                cell = "<strong>ruled out</strong>: \(HTMLText.escaped(wording(reason)))"
            } else {
                cell = option.maximumDailyDose.map { "up to \($0.value) mg/day \(w.cite($0))" } ?? "usable"
                if let band = option.renalBand { cell += "; renal band \(HTMLText.escaped(band))" }
                if option.offLabel { cell += "; off-label for this diagnosis" }
                for c in option.cautions { cell += "; needs care: \(HTMLText.escaped(c.message)) \(w.cite(c.sources, c.status))" }
            }
            w.add("<tr><td>\(HTMLText.escaped(option.drug))</td><td>\(cell)</td></tr>")
        }
        if ladder.remaining.isEmpty { w.add("<tr><td colspan=\"2\">none</td></tr>") }
        w.add("</tbody></table>")
        for p in ladder.referralPrompts { w.add("<p>Consider referral: \(HTMLText.free(p.message))</p>") }
        if let referred = ladder.referred {
            w.add("<p>Referred on \(referred.date) by \(HTMLText.free(referred.by)): \(HTMLText.free(referred.reason))</p>")
        }
    }
}

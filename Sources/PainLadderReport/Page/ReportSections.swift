import PainLadder
import PainLadderClinic

/// The smaller sections of the page: open red flags, the provenance warning, the weekly
/// figures, decisions and review dates, and the sources.
enum ReportSections {
    static func redFlags(_ w: inout PageWriter, _ r: ReviewSummary) {
        guard !r.sideEffects.openRedFlags.isEmpty else { return }
        w.add("<section aria-label=\"open red flags\">")
        for flag in r.sideEffects.openRedFlags {
            w.add("<p class=\"red-flag\">OPEN RED FLAG: \(HTMLText.free(flag.name)) on \(flag.reportedOn)"
                  + (flag.drug.map { " (\(HTMLText.escaped($0)))" } ?? "")
                  + (flag.action.map { "; the patient was told: \(HTMLText.escaped($0))" } ?? "") + "</p>")
        }
        w.add("</section>")
    }

    static func provenanceWarning(_ f: FormularySummary) -> String? {
        guard case let .modified(folder, digest, release) = f.provenance else { return nil }
        return "WARNING: formulary data NOT the bundled release: read from '\(folder)' (digest \(hex(digest)), release \(hex(release))); "
            + "every number on this page is as that folder says: check it against its source"
    }

    static func weeklyTable(_ w: inout PageWriter, _ weeks: [WeeklyAdherence]) {
        guard !weeks.isEmpty else { return }
        w.add("<details><summary>The figures of each week</summary><table><thead><tr><th>week</th><th>days</th><th>taken</th><th>due</th><th>skipped</th><th>share</th></tr></thead><tbody>")
        for week in weeks {
            let f = week.figure
            w.add("<tr><td>\(week.week)</td><td>\(week.from) to \(week.to)</td><td>\(f.taken)</td><td>\(f.scheduled)</td><td>\(f.skipped)</td><td>\(f.percent.map(ChartNumber.percent) ?? "–")</td></tr>")
        }
        w.add("</tbody></table></details>")
    }

    static func decisions(_ w: inout PageWriter, _ t: ReviewTimeline, reviews: ReviewDates) {
        w.add("<h2>Decisions and review dates</h2>")
        if t.decisions.isEmpty {
            w.text("p", "No decision recorded.")
        } else {
            w.add("<table><thead><tr><th>#</th><th>date</th><th>decision</th><th>drug</th><th>by</th><th>reason</th></tr></thead><tbody>")
            for (i, d) in t.decisions.enumerated() {
                w.add("<tr><td>\(i + 1)</td><td>\(d.date)</td><td>\(HTMLText.escaped(d.kind.rawValue))</td><td>\(HTMLText.escaped(d.drug))</td>"
                      + "<td>\(HTMLText.free(d.by))</td><td>\(HTMLText.free(d.reason))</td></tr>")
            }
            w.add("</tbody></table>")
        }
        if let due = reviews.nextDue, let days = reviews.daysUntilDue {
            let when = reviews.overdue ? "<strong>overdue by \(reviews.overdueDays) day\(reviews.overdueDays == 1 ? "" : "s")</strong>"
                : days == 0 ? "due today" : "in \(days) day\(days == 1 ? "" : "s")"
            w.add("<p>Next review: \(due) (\(when)).</p>")
        } else {
            w.text("p", "Next review: not set.")
        }
    }

    static func sources(_ w: inout PageWriter, _ f: FormularySummary) {
        w.add("<h2>Sources</h2>")
        w.text("p", "Numbers cite their sources as [tags; status]: confirmed against the source, local practice, or unconfirmed (check before relying on it).")
        if !w.cited.isEmpty {
            w.add("<ul class=\"plain\">")
            for tag in w.cited {
                let source = f.sources[tag]
                let title = source.map { HTMLText.escaped($0.title) } ?? "not in the formulary's source list"
                let url = source?.url.map { " (\(HTMLText.escaped($0)))" } ?? ""
                w.add("<li>\(HTMLText.escaped(tag)): \(title)\(url)</li>")
            }
            w.add("</ul>")
        }
        let provenance = provenanceWarning(f) ?? "the bundled release, unchanged"
        w.text("p", "Formulary: \(f.name) \(f.version)\(f.localName.map { " with the local overlay \($0)" } ?? ""); data: \(provenance).", className: "muted")
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

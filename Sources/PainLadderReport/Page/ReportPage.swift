import PainLadder
import PainLadderClinic

/// The review as one self-contained HTML page: no script, no network, the charts as inline
/// SVG, a print style sheet. Open red flags come first, then the suggestion (labelled as a
/// prompt for the clinician), the findings, the timeline, adherence per week, the ladder,
/// decisions and review dates, and the sources of every number with the formulary's
/// provenance. Free text is escaped and isolated (``HTMLText``).
///
/// ```swift
/// let html = ReportPage.render(try clinic.report(patientID: "P001", now: now),
///                              wording: { $0.description })
/// ```
public enum ReportPage {
    public static func render(_ report: ReviewReport, wording: ErrorWording) -> String {
        let r = report.summary
        var w = PageWriter()
        let who = r.patientName.map { "\(r.patientID) (\($0))" } ?? r.patientID
        w.add("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        w.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        w.add("<title>\(HTMLText.escaped("Review of \(who), \(r.date)"))</title><style>\(ReportStyle.css)</style></head><body>")
        w.add("<header><h1>Review of \(HTMLText.free(who))</h1>")
        w.text("p", "\(r.date) (\(r.timeZone)); diagnosis: \(r.diagnosisLabel ?? r.diagnosis); "
               + (r.creatinineClearance.map { "CrCl \(ChartNumber.f($0, 0)) mL/min" } ?? "renal function unknown"), className: "facts")
        if let warning = ReportSections.provenanceWarning(report.formulary) { w.text("p", warning, className: "warning") }
        w.add("</header><main>")
        ReportSections.redFlags(&w, r)
        w.add("<section class=\"suggestion\" aria-label=\"suggestion\"><span class=\"label\">\(HTMLText.escaped(r.suggestion.label)):</span>")
        w.text("p", r.suggestion.text)
        w.add("</section>")
        FindingsSection.write(&w, r)
        let timeline = TimelineChart.figure(report.timeline)
        w.add("<h2>Timeline</h2>")
        figure(&w, timeline)
        TimelineLegend.write(&w, report.timeline)
        w.add("<h2>Adherence</h2>")
        if let a = r.adherence {
            w.text("p", "Last 7 days: \(FindingsSection.figure(a.last7Days)). Last 28 days: \(FindingsSection.figure(a.last28Days)). Whole course: \(FindingsSection.figure(a.wholeCourse)).")
        } else {
            w.text("p", "No course in progress: the weeks below are of the latest course.")
        }
        let drug = report.timeline.courses.first { $0.courseID == report.timeline.adherenceCourseID }?.drugName
        figure(&w, AdherenceChart.figure(report.timeline.weeklyAdherence, drug: drug))
        ReportSections.weeklyTable(&w, report.timeline.weeklyAdherence)
        LadderTable.write(&w, report, wording: wording)
        ReportSections.decisions(&w, report.timeline, reviews: r.reviews)
        ReportSections.sources(&w, report.formulary)
        w.add("</main></body></html>\n")
        return w.html
    }

    static func figure(_ w: inout PageWriter, _ f: ChartFigure) {
        w.add("<figure id=\"\(f.id)\">\(f.svg)<figcaption><strong>\(HTMLText.escaped(f.title)).</strong> \(HTMLText.escaped(f.description))</figcaption></figure>")
    }
}

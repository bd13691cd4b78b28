import PainLadder
import PainLadderClinic

/// A referral or GP letter summary, as sections of plain sentences: diagnosis, the drugs
/// tried (highest dose, duration, outcome), the pain and function trend with its IMMPACT
/// band, adherence, the current plan, open red flags, and the question for the recipient.
/// ``text`` is plain enough to paste into a letter; ``html`` is the same as a page.
///
/// ```swift
/// let letter = ReferralLetter(try clinic.report(patientID: "P001", now: now),
///                             question: nil, wording: { $0.description })
/// print(letter.text)
/// ```
public struct ReferralLetter: Sendable {
    public struct Section: Sendable {
        public var heading: String
        public var lines: [String]
    }

    public var title: String
    public var sections: [Section]

    /// - Parameter question: the clinician's own question; without one, the letter asks
    ///   from the review (a referral prompt, else the review's suggestion).
    public init(_ report: ReviewReport, question: String?, wording: ErrorWording) {
        let r = report.summary
        let who = r.patientName.map { "\($0) (\(r.patientID))" } ?? r.patientID
        title = "Summary for \(who), \(r.date)"
        var s: [Section] = []
        // A formulary that is not the bundled release is said first, as on every screen.
        if let warning = ReportSections.provenanceWarning(report.formulary) { s.append(Section(heading: "Warning", lines: [warning])) }
        s.append(Section(heading: "Diagnosis", lines: [r.diagnosisLabel ?? r.diagnosis]))
        s.append(Section(heading: "Drugs tried", lines: LetterFacts.drugsTried(report)))
        s.append(Section(heading: "Pain and function", lines: LetterFacts.pain(r.pain)))
        s.append(Section(heading: "Adherence", lines: [r.adherence.map {
            "Last 7 days \(FindingsSection.figure($0.last7Days)); last 28 days \(FindingsSection.figure($0.last28Days))."
        } ?? "No course in progress."]))
        s.append(Section(heading: "Current plan", lines: LetterFacts.plan(r)))
        s.append(Section(heading: "Open red flags", lines: r.sideEffects.openRedFlags.isEmpty ? ["None."] : r.sideEffects.openRedFlags.map {
            "\(StoredText.escaped($0.name)) on \($0.reportedOn)\($0.drug.map { " (\($0))" } ?? "")\($0.action.map { "; the patient was told: \($0)" } ?? "")."
        }))
        s.append(Section(heading: "Question", lines: [question.map(StoredText.escaped) ?? LetterFacts.question(r)]))
        sections = s
    }

    /// Plain text: a title, then each heading with its lines under it.
    public var text: String {
        var l = [title, ""]
        for section in sections {
            l.append(section.heading)
            l += section.lines.map { "  " + $0 }
            l.append("")
        }
        // One line end after the last section, as a text file has.
        return l.joined(separator: "\n")
    }

    /// The same as a small HTML page (print-ready, no script).
    public var html: String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTMLText.escaped(title))</title>"
        h += "<style>\(ReportStyle.css)</style></head><body><h1>\(HTMLText.free(title))</h1>"
        for section in sections {
            h += "<h2>\(HTMLText.escaped(section.heading))</h2>"
            h += section.lines.map { "<p>\(HTMLText.free($0))</p>" }.joined()
        }
        return h + "</body></html>\n"
    }
}

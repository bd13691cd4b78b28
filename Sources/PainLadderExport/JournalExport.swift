import Foundation
import PainLadder
import PainLadderClinic

/// The journal for the doctor or a spreadsheet: every entry, corrected ones included and
/// marked, with local and UTC times.
enum JournalExport {
    static let columns = [
        "entry", "kind", "drug", "course", "plan_version", "local_time", "utc_time", "recorded_at", "recorded_by",
        "slot", "dose_mg", "planned_mg", "late", "symptom", "severity", "red_flag", "pain", "sleep", "mood", "impact",
        "impression", "reason", "note", "corrects", "replaced_by", "flags",
    ]

    /// RFC 4180 CSV. Free text that a spreadsheet would run as a formula is prefixed with an
    /// apostrophe, and control characters older rows may hold are escaped (see ``text(_:)``).
    static func csv(_ items: [HistoryItem], courses: [Course]) -> String {
        let drugs = Dictionary(courses.compactMap { c in c.id.map { ($0, c.drug) } }, uniquingKeysWith: { a, _ in a })
        let iso = ISO8601DateFormatter()
        var lines = [columns.joined(separator: ",")]
        for item in items {
            guard let e = item.entry else { continue }
            let zone = TimeZone(identifier: item.timeZone) ?? TimeZone(identifier: "UTC")!
            let local = WallClock.local(e.at, in: zone)
            let cells: [String] = [
                e.id.map(String.init) ?? "", e.kind.rawValue, e.courseID.flatMap { drugs[$0] } ?? "",
                e.courseID.map(String.init) ?? "", item.planVersion.map(String.init) ?? "",
                "\(local.date) \(local.time) \(zone.identifier)", iso.string(from: e.at), iso.string(from: e.recordedAt),
                text(e.recordedBy), e.dose?.slot?.description ?? "", e.dose.map { String($0.doseMg) } ?? "",
                e.dose?.plannedDoseMg.map(String.init) ?? "", e.dose.map { $0.late ? "yes" : "no" } ?? "",
                text(e.sideEffect?.symptom), e.sideEffect?.severity?.rawValue ?? "",
                e.sideEffect.map { $0.redFlag ? "yes" : "no" } ?? "", e.pain.map { String($0.score) } ?? "",
                e.pain?.sleep.map(String.init) ?? "", e.pain?.mood.map(String.init) ?? "", text(e.pain?.impact), e.impression.map(String.init) ?? "",
                text(e.reason), text(e.note), e.supersedes.map(String.init) ?? "",
                item.supersededBy.map(String.init) ?? "", text(e.flags.map(\.kind.rawValue).joined(separator: " ")),
            ]
            lines.append(cells.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Free text as a cell: one that begins with a character a spreadsheet reads as the start
    /// of a formula (= + - @, and TAB or CR, which some strip before looking: OWASP's CSV
    /// injection advice) gets an apostrophe in front. Scalars, not characters: "\r\n=" is
    /// one `Character`, whose first scalar is the CR.
    static func text(_ value: String?) -> String {
        guard let value, let first = value.unicodeScalars.first else { return "" }
        // Guarded on the text as stored, then escaped: a leading TAB or CR is a formula start too.
        return StoredText.escaped(formulaStarts.contains(first) ? "'" + value : value)
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

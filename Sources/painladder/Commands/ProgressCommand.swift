import ArgumentParser
import Foundation
import PainLadderReport

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", _superCommandName: "painladder",
        abstract: "How am I doing: the last eight weeks of pain and doses as a small chart.",
        discussion: """
        One mark a day: pain (0–10), then each medicine's planned and taken dose, the doses taken \
        in the last 7 and 28 days, and what changes next. Unicode blocks when the terminal's \
        locale is UTF-8 (LC_ALL, LC_CTYPE or LANG), plain ASCII otherwise or with --ascii. Reads only.
          painladder progress P001
          painladder progress P001 --ascii
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Flag(help: "Plain ASCII characters, whatever the locale.") var ascii = false

    func run() throws {
        let id = try patient.id()
        let clinic = try global.openClinicToRead()
        let report = try clinic.report(patientID: id, now: global.currentInstant())
        ProvenanceText.show(clinic.formulary, json: false)
        Output.line(ProgressText.render(report, unicode: !ascii && Self.localeIsUTF8(ProcessInfo.processInfo.environment)))
    }

    /// The locale in force is the first of LC_ALL, LC_CTYPE and LANG that is set (POSIX order);
    /// UTF-8 when it names that encoding.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let normal = locale.lowercased().replacingOccurrences(of: "-", with: "")
        return normal.contains("utf8")
    }
}

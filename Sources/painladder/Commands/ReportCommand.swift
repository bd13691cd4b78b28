import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: "painladder",
        abstract: "The review as a printable page (HTML with charts), or a letter summary.",
        discussion: """
        The page is one self-contained HTML file (no script, nothing fetched; prints on A4 or US \
        Letter): the timeline of planned and taken doses, pain with its 7-day mean, sleep, mood, \
        side effects, decisions and holds; adherence per week; the ladder; the findings and the \
        suggestion (a prompt for the clinician); every number with its source. Made from the \
        same read as 'review'. --letter gives the referral or GP letter summary instead: text, \
        or HTML when the output file ends in .html. Reads only.
          painladder report P001 -o review.html
          painladder report P001 --letter
          painladder report P001 --letter -o letter.html \\
            --question "Would you consider a trial of capsaicin?"
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Flag(help: "The referral or GP letter summary instead of the page.") var letter = false
    @Option(help: ArgumentHelp("The question for the letter's recipient (default: from the review).", valueName: "text"))
    var question: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if question != nil && !letter { throw ValidationError("--question goes with --letter") }
    }

    func run() throws {
        let id = try patient.id()
        if let question {
            do {
                try StoredText.check(question, field: .note, required: true)
            } catch let PainLadderError.invalidValue(_, given, allowed) {
                throw BadArgument(field: "--question", given: given, allowed: allowed.spelled(ErrorText.flag))
            }
        }
        let clinic = try global.openClinicToRead()
        let report = try clinic.report(patientID: id, now: global.currentInstant())
        let wording: ErrorWording = { ErrorText.message($0) }
        let text: String
        if letter {
            let made = ReferralLetter(report, question: question, wording: wording)
            let html = output.map { $0.lowercased().hasSuffix(".html") || $0.lowercased().hasSuffix(".htm") } ?? false
            text = html ? made.html : made.text
        } else {
            text = ReportPage.render(report, wording: wording)
        }
        guard let output else {
            Output.text(text)
            return
        }
        let url = URL(fileURLWithPath: output)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw BadArgument(field: "--output", given: output, allowed: "a file path that can be written")
        }
        Output.note("wrote \(url.path)")
    }
}

import ArgumentParser
import Foundation
import PainLadder
import PainLadderStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the patient's dose schedule as an iCalendar file for a calendar app.",
        discussion: """
        RFC 5545: one daily series per step and dose time, with an alarm at the dose time, \
        the next review as an all-day event, and a VTIMEZONE for the patient's zone. UIDs are \
        stable: importing a later export updates the events instead of duplicating them.
          painladder export P001 --format ics -o amitriptyline.ics
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The patient's id.") var patient: String
    @Option(help: ArgumentHelp("The format: ics.", valueName: "format")) var format: String
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try guarded {
            let id = try Parse.patientID(patient)
            guard format.lowercased() == "ics" else {
                throw PainLadderError.invalidValue(field: "--format", given: format, allowed: "ics")
            }
            let text = try global.openClinic(create: false).calendar(patientID: id)
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            let url = URL(fileURLWithPath: output)
            let created = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8),
                                                         attributes: [.posixPermissions: 0o600])
            guard created else {
                throw PainLadderError.invalidValue(field: "--output", given: output, allowed: "a file path that can be written")
            }
            Output.note("wrote \(url.path)")
        }
    }
}

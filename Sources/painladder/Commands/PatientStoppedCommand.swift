import ArgumentParser
import Foundation
import PainLadder

extension PatientCommand {
    struct Stopped: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stopped",
            abstract: "Record that the patient stopped a medicine, and the day; washout rules count from it.",
            discussion: """
            The medicine leaves the list of medicines taken and is kept with its stop date, so \
            a course started within a washout is refused (duloxetine or amitriptyline within 14 \
            days of stopping an MAOI). Brand names are understood (Nardil is phenelzine). \
            Recording the same medicine again replaces the earlier date (the audit trail keeps it).
              painladder patient stopped P001 Nardil --on 2026-03-01 --reason "GP letter"
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The patient's id.") var id: String
        @Argument(help: "The medicine, as prescribed (generic or brand name).") var medicine: String
        @Option(help: ArgumentHelp("The day it was stopped (YYYY-MM-DD), not after today.", valueName: "date"),
                transform: { try Parse.date($0, field: "--on") })
        var on: LocalDate
        @Option(help: "Who recorded it (default $PAINLADDER_USER or $USER).") var by: String?
        @Option(help: ArgumentHelp("Where this comes from (kept in the audit trail).", valueName: "reason"),
                transform: Parse.text(.reason))
        var reason: FreeText?

        func run() throws {
            let now = global.currentInstant()
            let clinic = try global.openClinic(create: false)
            let stopped = StoppedMedicine(name: medicine, stopped: on)
            let p = try clinic.recordStoppedMedicine(try Parse.patientID(id), stopped, reason: reason?.text,
                                                     by: try by ?? GlobalOptions.currentUser, now: now).after
            if global.json {
                try Output.json(PatientDocument(p))
                return
            }
            Output.line("Recorded for \(p.id): \(PatientText.stoppedLine(stopped, formulary: clinic.formulary)).")
            for unchecked in clinic.unknownMedicines(p) where unchecked == medicine {
                Output.note(UncheckedText.note(unchecked))
            }
        }
    }
}

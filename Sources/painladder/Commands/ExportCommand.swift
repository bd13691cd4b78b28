import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderExport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", _superCommandName: "painladder",
        abstract: "Export a patient's record: the schedule for a calendar app (ics), or everything recorded (csv, json, fhir).",
        discussion: """
        csv: one row per journal entry (corrected and undone entries included and marked), with \
        local and UTC times, for the doctor or a spreadsheet. json: the patient, every course with \
        all its plan versions, and the journal. fhir: one FHIR R4 Bundle (collection): the patient, a \
        MedicationRequest per dated step of each plan version, doses as MedicationStatements, pain as \
        Observations (LOINC 72514-3), side effects as AdverseEvents, reviews as a CarePlan, decisions \
        as Provenance; ids stay the same on re-export (docs/FHIR.md).
        ics: RFC 5545: one daily series per step and dose time, with an alarm at the dose time, \
        the next review as an all-day event, and a VTIMEZONE for the patient's zone. UIDs are \
        stable: importing a later export updates the events instead of duplicating them.
          painladder export P001 --format ics -o amitriptyline.ics
          painladder export P001 --format csv -o journal.csv
          painladder export P001 --format fhir -o P001.fhir.json
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(help: ArgumentHelp("The format:", valueName: "format", argumentType: ExportFormat.self),
            completion: .words(ExportFormat.self),
            transform: Parse.choice("--format", as: ExportFormat.self, allowed: ExportFormat.allowed))
    var format: ExportFormat
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"),
            completion: .file())
    var output: String?

    func run() throws {
        let id = try patient.id()
        let clinic = try global.openClinicToRead()
        let text: String
        switch format {
        case .ics:
            text = try RecordExport.calendar(try clinic.record(patientID: id, now: global.currentInstant()), formulary: clinic.formulary,
                                             howToRecord: "painladder take \(id)")
        case .csv:
            text = RecordExport.csv(try clinic.record(patientID: id))
        case .json:
            text = try Output.jsonText(ExportDocument(try clinic.record(patientID: id))) + "\n"
        case .fhir:
            let now = global.currentInstant()
            text = try RecordExport.fhir(try clinic.record(patientID: id, now: now), formulary: clinic.formulary, now: now)
        }
        guard let output else {
            Output.text(text)
            return
        }
        let url = URL(fileURLWithPath: output)
        let created = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created else {
            throw BadArgument(field: "--output", given: output, allowed: "a file path that can be written")
        }
        Output.note("wrote \(url.path)")
    }
}

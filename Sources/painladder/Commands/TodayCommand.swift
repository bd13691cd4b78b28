import ArgumentParser
import Foundation
import PainLadder

struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", _superCommandName: "painladder",
        abstract: "What to take today and how, and what is already recorded.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        let clinic = try global.openClinicToRead()
        let today = try clinic.today(patientID: id, now: now)
        ProvenanceText.show(clinic.formulary, json: global.json)
        if global.json {
            try Output.json(TodayDocument(today))
        } else {
            Output.line(TodayText.render(today, now: now))
            for other in today.others {
                Output.line("")
                Output.line(TodayText.render(other, now: now))
            }
        }
    }
}

import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", _superCommandName: "painladder",
        abstract: "Everything recorded, in time order, with the plan version in force at the time.",
        discussion: "Corrected and undone entries stay, marked with what replaced them.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(help: ArgumentHelp("From this date (YYYY-MM-DD).", valueName: "date"),
            transform: { try Parse.date($0, field: "--from") }) var from: LocalDate?
    @Option(help: ArgumentHelp("To this date (YYYY-MM-DD).", valueName: "date"),
            transform: { try Parse.date($0, field: "--to") }) var to: LocalDate?

    func run() throws {
        let id = try patient.id()
        let clinic = try global.openClinicToRead()
        let items = try clinic.history(patientID: id, from: from, to: to)
        if global.json {
            try Output.json(HistoryDocument(patientID: id, items: items))
            return
        }
        if items.isEmpty { Output.line("Nothing recorded for \(id) in that period.") }
        for item in items {
            // Each time in the zone the patient was in then: a move keeps past times.
            let zone = TimeZone(identifier: item.timeZone) ?? TimeZone(identifier: "UTC")!
            let local = WallClock.local(item.at, in: zone)
            let version = item.planVersion.map { "v\($0)" } ?? "  "
            if let plan = item.plan {
                Output.line("\(local.date) \(local.time)  \(version)  plan version \(plan.version) by \(Output.shown(plan.author)): \(Output.shown(plan.reason))")
            } else if let e = item.entry {
                var line = "\(local.date) \(local.time)  \(version)  \(JournalText.describe(e, zone: zone))"
                if let by = item.supersededBy { line += "  [replaced by #\(by)]" }
                if e.supersedes != nil, e.kind != .undo { line += "  [corrects #\(e.supersedes!): \(Output.shown(e.reason ?? ""))]" }
                Output.line(line)
            }
        }
    }
}

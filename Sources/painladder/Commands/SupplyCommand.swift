import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic
import PainLadderStore

struct SupplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supply", _superCommandName: "painladder",
        abstract: "Record medicine collected or counted, and show how long it lasts by the plan.",
        discussion: """
        Stock is worked out from the plan's doses (step-ups included), not today's dose: a \
        dose recorded taken uses what was taken, a skipped one nothing, and a past dose with \
        nothing recorded is assumed taken. The reminder job asks for a new prescription 7 days \
        (remind --supply-days) before it runs out. Examples:
          painladder supply P001 --add 56 --strength 10     # 56 × 10 mg collected
          painladder supply P001 --count 12 --strength 10   # 12 left in hand
          painladder supply P001                            # show stock
        (--count replaces the estimate.)
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var patient: PatientArgument
    @Option(parsing: .unconditional, help: ArgumentHelp("Units (tablets or capsules) collected, 1–10000.", valueName: "n"),
            transform: Parse.integer("--add", 1...10_000))
    var add: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("Units counted in hand now, 0–10000.", valueName: "n"),
            transform: Parse.integer("--count", 0...10_000))
    var count: Int?
    @Option(parsing: .unconditional, help: ArgumentHelp("The strength in mg (one the current drug comes in).", valueName: "mg"),
            transform: Parse.milligrams("--strength"))
    var strength: Milligrams?

    func run() throws {
        let now = global.currentInstant()
        let id = try patient.id()
        if add != nil, let count {
            throw BadArgument(field: "--count", given: String(count), allowed: "either --add or --count, not both")
        }
        let clinic = try global.openClinic(create: false)
        if let units = add ?? count {
            guard let strength else {
                throw BadArgument(field: "--strength", given: "(missing)",
                                  allowed: "the strength in mg of what was \(add != nil ? "collected" : "counted")")
            }
            try clinic.recordSupply(patientID: id, kind: add != nil ? .add : .count, units: units, strengthMg: strength,
                                    by: GlobalOptions.currentUser, now: now)
        } else if let strength {
            throw BadArgument(field: "--strength", given: String(strength), allowed: "--strength with --add or --count")
        }
        let view = try clinic.supply(patientID: id, now: now)
        if global.json {
            try Output.json(view)
        } else {
            Output.line(SupplyText.render(view, zone: try clinic.patient(id).zone, now: now))
        }
    }
}

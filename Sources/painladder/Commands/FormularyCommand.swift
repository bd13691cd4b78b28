import ArgumentParser
import PainLadder

struct FormularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formulary",
        abstract: "Show what the formulary data says, with sources and evidence status.",
        subcommands: [List.self, Show.self, FormularyUseCommand.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        // An explicit name: otherwise ArgumentParser derives it with String(describing:) of
        // the type, which costs runtime conformance scans (1-2 M instructions) on every command.
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the drugs on the ladder.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (formulary, stored) = try global.formularyToShow()
            ProvenanceText.show(formulary, json: global.json)
            if global.json {
                try Output.json(FormularyListDocument(formulary))
                return
            }
            if let line = FormularyText.overlay(stored, file: global.formularyFile) { Output.line(line) }
            Output.line("\(formulary.name) (\(formulary.version))\(formulary.localName.map { ", local: \($0)" } ?? "")")
            if let order = formulary.pathway.ladderOrder {
                Output.line("Local drug order: \(order.value.joined(separator: " → ")) \(order.citation)")
            } else {
                Output.line("No imposed order: NICE CG173 offers a choice of the four (rec 1.1.8).")
            }
            var table = Table("drug", "class", "max/day", "variants")
            for drug in formulary.drugs {
                let max = FormularyText.maximum(drug, formulary)
                table.add(drug.id, drug.drugClass, "\(max.value) mg \(max.citation)",
                          drug.variants.map(\.id).joined(separator: ", "))
            }
            Output.line(table.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one drug: products, titration, limits, rules, taper, side effects.",
            discussion: "Every number carries its source tags and status (confirmed, local, unconfirmed).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "amitriptyline, duloxetine, gabapentin or pregabalin.", completion: .drugs) var drug: String

        func run() throws {
            let (formulary, stored) = try global.formularyToShow()
            let entry = try formulary.drug(drug)
            ProvenanceText.show(formulary, json: global.json)
            if global.json {
                try Output.json(entry)
            } else {
                if let line = FormularyText.overlay(stored, file: global.formularyFile) { Output.line(line) }
                Output.line(FormularyText.render(entry, formulary))
            }
        }
    }
}

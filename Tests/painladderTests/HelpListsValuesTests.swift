import ArgumentParser
import Testing
@testable import painladder

/// Options read by a transform get no values list from argument-parser, so their help says
/// the allowed words itself: each typed option's `--help` line still lists them.
@Suite("CLI: help lists the allowed values")
struct HelpListsValuesTests {
    static let cases: [(ParsableCommand.Type, String, [String])] = [
        (ExportCommand.self, "--format <format>", ["ics", "csv", "json"]),
        (DecideCommand.self, "<decision>", ["continue, hold, reduce, increase, stop, switch or", "refer"]),
        (SideEffectCommand.self, "--severity <severity>", ["mild, moderate or severe"]),
        (AssessCommand.self, "--pattern <pattern>", ["constant, short-bursts or long-bursts"]),
        (AssessCommand.self, "--onset <onset>", ["sudden or gradual"]),
        (AssessCommand.self, "--felt-same <yes/no>", ["yes/no"]),
        (AssessCommand.self, "--character <character>", ["burning", "stiffness"]),
        (PatientCommand.Add.self, "--sex <sex>", ["male or female"]),
        (PatientCommand.Add.self, "--creatinine-unit <unit>", ["umol/L or mg/dL"]),
        (PatientCommand.Update.self, "--frail <yes/no>", ["yes or no"]),
        (PatientCommand.Update.self, "--hepatic-impairment <yes/no>", ["yes or no"]),
        (SupplyCommand.self, "--count <n>", ["0–10000"]),
    ]

    @Test(arguments: cases.indices)
    func typedOptionsHelpNamesTheirValues(_ index: Int) {
        let (command, synopsis, words) = Self.cases[index]
        let help = command.helpMessage(columns: 100)
        #expect(help.contains(synopsis), "\(command): \(help)")
        for word in words {
            #expect(help.contains(word), "\(command) \(synopsis) should list '\(word)': \(help)")
        }
    }

    @Test func exportFormatsAreTheTypesCases() {
        #expect(ExportFormat.allValueStrings == ["ics", "csv", "json", "fhir"])
        #expect(ExportFormat.allowed == "ics, csv, json or fhir")
    }
}

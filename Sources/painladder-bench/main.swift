import ArgumentParser
import ClinicGenerator
import Foundation
import FormularyData
import PainLadder
import PainLadderClinic
import PainLadderStore

/// The benchmark's tool: builds synthetic clinics (see `Scripts/bench.sh` and BENCHMARKS.md).
/// Not installed with `painladder`; it writes made-up patients only.
@main
struct PainladderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "painladder-bench",
        abstract: "Benchmark helper for PainLadder: build a seeded synthetic clinic.",
        subcommands: [Generate.self])
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic clinic into a new database, in one transaction, through the store.",
        discussion: """
        Each patient gets about two years of history (courses and plan versions, about three \
        doses a day, a pain score a day, a side effect a week, a review a month). The same \
        --seed gives the same database. Prints what was written and the load rate.
        """)
    @Option(name: .customLong("db"), help: "A new SQLite file.") var database: String
    @Option(help: "How many patients.") var patients: Int
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: "Years of history per patient.") var years: Int = 2
    @Option(help: "Days of history (overrides --years).") var days: Int?
    @Option(help: ArgumentHelp("The last day of history (YYYY-MM-DD); 'now' is 12:00 UTC that day.", valueName: "date"))
    var end: String = "2026-03-20"
    @Flag(help: "Print the summary as JSON.") var json = false
    @Flag(help: "Report progress on standard error.") var progress = false

    func validate() throws {
        guard patients > 0 else { throw ValidationError("--patients must be at least 1") }
        guard (days ?? years * 365) >= 1 else { throw ValidationError("--days/--years must give at least one day") }
        guard LocalDate(parsing: end) != nil else { throw ValidationError("--end must be a date YYYY-MM-DD") }
    }

    func run() throws {
        let options = ClinicGenerator.Options(patients: patients, days: days ?? years * 365, seed: seed,
                                              end: LocalDate(parsing: end)!)
        do {
            let formulary = try FormularyLoader.bundled()
            let store = try Store(path: database, createIfMissing: true)
            let started = Date()
            var lastReport = started
            let summary = try ClinicGenerator.generate(options, formulary: formulary, into: store) { done, total in
                guard progress, Date().timeIntervalSince(lastReport) > 5 || done == total else { return }
                lastReport = Date()
                FileHandle.standardError.write(Data("day \(done)/\(total) after \(Int(lastReport.timeIntervalSince(started))) s\n".utf8))
            }
            let seconds = Date().timeIntervalSince(started)
            let report = Report(summary: summary, seconds: seconds, rowsPerSecond: Double(summary.rows) / seconds)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print("""
                    \(summary.patients) patients, \(summary.courses) courses, \(summary.planVersions) plan versions, \
                    \(summary.doseEntries) dose entries (\(summary.unrecordedDoses) doses never recorded), \
                    \(summary.painEntries) pain scores, \(summary.sideEffects) side effects
                    \(summary.rows) rows in \(String(format: "%.1f", seconds)) s: \(Int(report.rowsPerSecond)) rows/s
                    """)
            }
        } catch let error as PainLadderError {
            FileHandle.standardError.write(Data("painladder-bench: \(error.description)\n".utf8))
            // The benchmark's failures are its options (65) or the environment (70).
            if case .internalError = error { throw ExitCode(70) }
            throw ExitCode(65)
        }
    }

    struct Report: Encodable {
        var summary: ClinicGenerator.Summary
        var seconds: Double
        var rowsPerSecond: Double
    }
}

import ArgumentParser
import Foundation
import PainLadder

/// Runs a command body and turns every failure into one line on stderr and its documented
/// exit code (argument-parser would otherwise use 1, or print Swift syntax for plain enums).
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as PainLadderError {
        Output.error(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as ExitCode {
        throw error
    } catch {
        Output.error("internal error: \(error.localizedDescription)")
        throw ExitCode(70)
    }
}

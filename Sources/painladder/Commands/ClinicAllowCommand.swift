import ArgumentParser
import Foundation
import PainLadderClinic

/// `painladder clinic allow ACCOUNT --role clinician`.
struct ClinicAllowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "allow",
                                                    abstract: "Name an account as one of the clinic's clinician accounts.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The operating-system account (login name).") var account: String
    @Option(help: "The account's role: clinician (patients are linked with 'painladder clinic link').") var role: String

    func run() throws {
        guard role == "clinician" else {
            throw BadArgument(field: "--role", given: role, allowed: "clinician (link a patient or carer with 'painladder clinic link ACCOUNT PATIENT')")
        }
        let clinic = try global.openClinic(create: false)
        AccountsText.show(try clinic.changeAccounts(.allowClinician(account), now: global.currentInstant()), json: global.json)
    }
}

import ArgumentParser
import Foundation
import PainLadderClinic

/// `painladder clinic revoke ACCOUNT [PATIENT]`.
struct ClinicRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke",
                                                    abstract: "Remove an account's link to a patient, or everything named for it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The operating-system account (login name).") var account: String
    @Argument(help: "Only this patient's link (default: every role and link of the account).") var patient: String?

    func run() throws {
        let id = try patient.map { try Parse.patientID($0) }
        let clinic = try global.openClinic(create: false)
        AccountsText.show(try clinic.changeAccounts(.revoke(account: account, patientID: id), now: global.currentInstant()),
                           json: global.json)
    }
}

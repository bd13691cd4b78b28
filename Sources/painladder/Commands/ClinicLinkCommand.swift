import ArgumentParser
import Foundation
import PainLadderClinic

/// `painladder clinic link ACCOUNT PATIENT`.
struct ClinicLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link",
                                                    abstract: "Let a patient or carer account record one patient's journal.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The operating-system account (login name).") var account: String
    @OptionGroup var patient: PatientArgument

    func run() throws {
        let id = try patient.id()
        let clinic = try global.openClinic(create: false)
        AccountsText.show(try clinic.changeAccounts(.link(account: account, patientID: id), now: global.currentInstant()),
                           json: global.json)
    }
}

import ArgumentParser
import Foundation
import PainLadderClinic
import PainLadderStore

/// `painladder clinic accounts`: the accounts named, and which one this is.
struct ClinicAccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts",
                                                    abstract: "List the accounts the clinic names.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let accounts = try global.openClinic(create: false).clinicAccounts()
        AccountsText.show(accounts, json: global.json)
    }
}

import ArgumentParser
import Foundation
import PainLadder
import PainLadderClinic

/// `painladder clinic …`: the operating-system accounts a clinic names.
struct ClinicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic",
        abstract: "Name the clinic's clinician accounts and link patient or carer accounts to patients.",
        discussion: """
        Accounts are operating-system logins (the user the command runs as, not $USER or \
        $PAINLADDER_USER). With no account named, everyone may do everything (one person's own \
        database). Once any account is named: start, decide and patient add/update need a \
        clinician account; a patient's journal (take, skip, pain, side-effect, impression, \
        assess, correct, undo, supply) needs a clinician account or one linked to that patient. \
        Only a clinician account may change the accounts once one is named: name a clinician \
        first. Every change is audited. Refusals exit 77.
          painladder clinic allow nurse.ali --role clinician
          painladder clinic link ann P001
          painladder clinic revoke ann P001
          painladder clinic accounts
        """,
        subcommands: [ClinicAccountsCommand.self, ClinicAllowCommand.self, ClinicLinkCommand.self,
                      ClinicRevokeCommand.self]
    )
}

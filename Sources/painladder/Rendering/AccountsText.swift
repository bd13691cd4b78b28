import Foundation
import PainLadderClinic

/// The clinic's accounts as `clinic accounts` (and every change) prints them.
enum AccountsText {
    static func show(_ accounts: ClinicAccounts, json: Bool) {
        if json {
            let object: [String: Any] = [
                "clinicians": accounts.clinicians.sorted(),
                "links": accounts.links.mapValues { $0.sorted() },
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            Output.line(String(decoding: data, as: UTF8.self))
        } else {
            Output.line(render(accounts))
        }
    }

    static func render(_ accounts: ClinicAccounts) -> String {
        if accounts.isEmpty {
            return "No accounts named: every account may do everything (painladder clinic allow ACCOUNT --role clinician)."
        }
        var table = Table("account", "role", "patients")
        for account in accounts.clinicians.sorted() { table.add(account, "clinician", "all") }
        for (account, patients) in accounts.links.sorted(by: { $0.key < $1.key }) {
            table.add(account, "patient or carer", patients.sorted().joined(separator: ", "))
        }
        return table.render()
    }
}

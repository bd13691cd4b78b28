import Foundation
import PainLadder

/// Accounts: which operating-system accounts a clinic names, and the check every write makes.
extension Clinic {
    /// Throws `notPermitted` when the clinic's accounts do not let ``actor`` do what `need`
    /// says. A `Clinic` built without an actor (a program that opens the file itself) is
    /// not checked: it could write the file directly anyway.
    func permit(_ need: Permission) throws {
        guard let actor else { return }
        try AccessRules.check(need, by: actor, in: try store.clinicAccounts())
    }

    /// The accounts the clinic names.
    public func clinicAccounts() throws -> ClinicAccounts { try store.clinicAccounts() }

    /// Changes the clinic's accounts (audited), if ``actor`` may.
    ///
    /// ```swift
    /// try clinic.changeAccounts(.allowClinician("nurse.ali"), now: .now)
    /// try clinic.changeAccounts(.link(account: "ann", patientID: "P001"), now: .now)
    /// ```
    /// - Throws: `notPermitted`; `invalidValue` for a malformed account name;
    ///   `unknownPatient` for a link to no such patient.
    @discardableResult
    public func changeAccounts(_ change: AccountChange, now: Date) throws -> ClinicAccounts {
        try AccountNames.check(change.account)
        return try store.changeClinicAccounts(change, at: now, by: actor?.displayName ?? "unknown") { accounts in
            if let actor { try AccessRules.check(.accountSettings, by: actor, in: accounts) }
        }
    }

    /// Checks the database: the audit chain, the guarding triggers, SQLite's own checks.
    public func verifyIntegrity() throws -> IntegrityReport { try store.verifyIntegrity() }
}

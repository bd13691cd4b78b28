import Foundation
import GRDB
import PainLadder
import PainLadderClinic

/// The clinic's accounts (see ``ClinicAccounts``), read and changed in one transaction each.
extension Store {
    /// The accounts the clinic names.
    public func clinicAccounts() throws -> ClinicAccounts {
        try read { try Self.accounts($0) }
    }

    /// Reads the accounts, lets `check` refuse, and applies `change` with its audit row
    /// (`account.allow`, `account.link`, `account.revoke`). A change that changes nothing
    /// (naming an account already named) writes nothing.
    /// - Returns: the accounts after the change.
    /// - Throws: what `check` throws; `unknownPatient` for a link to no such patient.
    public func changeClinicAccounts(_ change: AccountChange, at: Date, by: String,
                                     _ check: (ClinicAccounts) throws -> Void) throws -> ClinicAccounts {
        try write { db in
            let before = try Self.accounts(db)
            try check(before)
            var action = "", patientID: String?
            switch change {
            case let .allowClinician(account):
                guard !before.clinicians.contains(account) else { return before }
                try db.execute(sql: "INSERT INTO clinic_account (account, role) VALUES (?, 'clinician')", arguments: [account])
                action = "account.allow"
            case let .link(account, patient):
                try Self.requirePatient(patient, db)
                guard before.links[account]?.contains(patient) != true else { return before }
                try db.execute(sql: "INSERT INTO clinic_account (account, role, patient_id) VALUES (?, 'patient', ?)",
                               arguments: [account, patient])
                (action, patientID) = ("account.link", patient)
            case let .revoke(account, patient):
                if let patient {
                    try db.execute(sql: "DELETE FROM clinic_account WHERE account = ? AND patient_id = ?", arguments: [account, patient])
                } else {
                    try db.execute(sql: "DELETE FROM clinic_account WHERE account = ?", arguments: [account])
                }
                guard db.changesCount > 0 else { return before }
                (action, patientID) = ("account.revoke", patient)
            }
            try Self.audit(db, .account(action, account: change.account, role: Self.role(change), patientID: patientID,
                                        by: by, at: at))
            return try Self.accounts(db)
        }
    }

    static func accounts(_ db: Database) throws -> ClinicAccounts {
        var accounts = ClinicAccounts()
        for row in try Row.fetchAll(db, sql: "SELECT account, role, patient_id FROM clinic_account") {
            let account: String = row[0]
            if let patient: String = row[2] {
                accounts.links[account, default: []].insert(patient)
            } else {
                accounts.clinicians.insert(account)
            }
        }
        return accounts
    }

    private static func role(_ change: AccountChange) -> String? {
        switch change {
        case .allowClinician: "clinician"
        case .link: "patient"
        case .revoke: nil
        }
    }

}

import PainLadder

/// Who may do what, once a clinic has named accounts: a guard rail inside the program, not a
/// lock (whoever can write the database file can bypass any in-process check; `verify` and
/// the audit chain are the alarm).
///
/// - No account named (one person's own database): everything is allowed, as before.
/// - A clinician account may do everything.
/// - Clinical actions (start, decide, add or change a patient) need a clinician account.
/// - A patient's journal needs a clinician account or one linked to that patient.
/// - The settings may be changed by a clinician account, or by anyone while no clinician is
///   named (so a clinic that has linked patients first can still name its first clinician).
public enum AccessRules {
    /// Throws `notPermitted` when `actor` may not do what `need` says under `accounts`.
    public static func check(_ need: Permission, by actor: Clinic.Actor, in accounts: ClinicAccounts) throws {
        guard !accounts.isEmpty, !accounts.clinicians.contains(actor.account) else { return }
        switch need {
        case .clinician:
            break
        case let .patient(id):
            if accounts.links[actor.account]?.contains(id) == true { return }
        case .accountSettings:
            if accounts.clinicians.isEmpty { return }
        }
        throw PainLadderError.notPermitted(account: actor.account, needs: need)
    }
}

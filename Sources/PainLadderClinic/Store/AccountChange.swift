/// One change to ``ClinicAccounts``, audited as `account.allow`, `account.link` or `account.revoke`.
public enum AccountChange: Equatable, Sendable {
    /// Names `account` as a clinician account.
    case allowClinician(String)
    /// Links `account` to a patient id: it may record that patient's journal.
    case link(account: String, patientID: String)
    /// Removes `account`'s link to one patient, or (with `nil`) everything named for it.
    case revoke(account: String, patientID: String?)

    /// The account the change is about.
    public var account: String {
        switch self {
        case let .allowClinician(account), let .link(account, _), let .revoke(account, _): account
        }
    }
}

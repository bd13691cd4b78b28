/// What an action needs of the account that runs it, once a clinic has named its accounts
/// (see `AccessRules` in PainLadderClinic). With no account named, everything is allowed.
public enum Permission: Equatable, Sendable {
    /// A clinician account: starting a course, a decision, adding or changing a patient.
    case clinician
    /// An account linked to this patient (or a clinician account): the patient's journal.
    case patient(String)
    /// Changing which accounts the clinic names: a clinician account, once one is named.
    case accountSettings
}

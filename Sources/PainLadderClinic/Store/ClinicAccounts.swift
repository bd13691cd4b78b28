/// The accounts a clinic has named: its clinicians, and the patient (or carer) accounts
/// linked to patient ids. Empty for one person's own database: then the access rules allow
/// everything.
public struct ClinicAccounts: Equatable, Sendable {
    /// Clinician accounts: may act for every patient and change the settings.
    public var clinicians: Set<String>
    /// Each linked account and the patient ids it may record for.
    public var links: [String: Set<String>]

    public init(clinicians: Set<String> = [], links: [String: Set<String>] = [:]) {
        self.clinicians = clinicians
        self.links = links
    }

    /// Whether no account is named.
    public var isEmpty: Bool { clinicians.isEmpty && links.isEmpty }
}

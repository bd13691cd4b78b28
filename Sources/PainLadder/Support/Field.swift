/// A value a person gives PainLadder, named in the domain's words; an interface (the
/// command line, a web form) decides how to show it (`--at`, a form label).
public enum Field: String, Sendable, Hashable, CaseIterable {
    // Journal
    case at, dose, since, score, sleep, mood, severity, impression, resolved, entry
    /// A correction as a whole (what it may change for this kind of entry).
    case correction
    // Decisions
    case decision, by, reason, override, overrideReason, abrupt, outcome, nextReview
    /// The drug a switch goes to.
    case switchTo
    /// A drug named where none is expected (a drug with a decision other than a switch).
    case newDrug
    /// The switch's ways: one drug after the other, overlapping, or converted overnight.
    case sequential, crossTaper, direct
    // Courses and plans
    case drug, variant, times, strength
    // Patients
    case born, sex, timeZone, diagnosis, name, condition, medicine, weight, creatinine, creatinineUnit, crcl
    case addCondition, removeCondition, addMedicine, removeMedicine
    /// A patient update as a whole (it must change something).
    case patientUpdate
    // Accounts
    /// An operating-system account named in the clinic's settings.
    case account
}

/// A value a person gives PainLadder, named in the domain's words; an interface (the
/// command line, a web form) decides how to show it (`--at`, a form label).
public enum Field: String, Sendable, Hashable, CaseIterable {
    // Journal
    case at, dose, since, score, sleep, mood, severity, impression, resolved, entry
    /// The person's confirmation that a dose above the maximum is what they mean.
    case confirm
    /// Free text recorded with an entry: a note, a symptom in the patient's words, what the pain
    /// stopped them doing, an answer to an assessment question.
    case note, symptom, impact, answer
    /// The name of the account recording (who acted, when no author is given).
    case account
    /// An operating-system account named in the clinic's settings.
    case clinicAccount
    /// The first and last day of a period asked for (history).
    case from, to
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
    // The reminder job
    /// The instant a command treats as now; `replay` marks one ahead of the system clock as deliberate.
    case now, replay
    /// A patient update as a whole (it must change something).
    case patientUpdate
    /// A drug tried before PainLadder: the last month taken and the highest daily dose.
    case until, maxDose
    /// A medicine the patient has stopped, and the day it was stopped.
    case stoppedMedicine, stoppedOn
    /// An item of the clinician's inbox, by its number.
    case item
}

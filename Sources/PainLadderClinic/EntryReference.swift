import PainLadder

/// Which of a patient's journal entries a correction or an undo acts on: a number from the
/// patient's history, or the newest entry it can act on. Either way the entry must be the
/// patient's own: entry numbers are clinic-wide, so a number alone could name anyone's.
public enum EntryReference: Sendable, Equatable {
    /// The entry with this number (it must be one of the patient's entries).
    case number(Int64)
    /// The patient's newest entry (by number) still in force that the action applies to.
    case last
}

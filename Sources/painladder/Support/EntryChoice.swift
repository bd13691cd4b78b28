import ArgumentParser
import PainLadderClinic

/// The entry a correction or undo acts on: the patient, then the entry's number or `--last`.
/// Entry numbers are clinic-wide, so the patient is required and the entry must be theirs.
struct EntryChoice: ParsableArguments {
    @OptionGroup var patient: PatientArgument
    @Argument(help: "The entry number (see 'painladder history PATIENT').", transform: { try Parse.entryID($0, field: "entry") })
    var entry: Int64?
    @Flag(help: "The patient's newest entry that this can act on.") var last = false

    func validate() throws {
        switch (entry, last) {
        case (nil, false):
            throw ValidationError("name the patient and the entry: 'PATIENT ENTRY' (e.g. 'P001 14') or 'PATIENT --last'; entry numbers are in 'painladder history PATIENT'")
        case (.some, true):
            throw ValidationError("give an entry number or --last, not both")
        default:
            break
        }
    }

    var reference: EntryReference { entry.map(EntryReference.number) ?? .last }
}

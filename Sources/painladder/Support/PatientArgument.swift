import ArgumentParser

/// The patient a command acts on: its first argument, shared by every per-patient command.
struct PatientArgument: ParsableArguments {
    @Argument(help: "The patient's id.", completion: .patients) var patient: String

    /// The id, checked: 1–64 letters, digits, '-', '_' or '.' (a bad one exits 65 like any bad value).
    func id() throws -> String { try Parse.patientID(patient) }
}

/// The bundled formulary (`Data/formulary`) as the test suite last validated it.
enum BundledFormulary {
    /// The ``FormularyDigest`` of the bundled files that passed ``FormularyValidator`` and
    /// ``SwitchingValidator`` in the tests. Files with this digest skip those checks at run
    /// time (a third of the formulary's load on every command); any other folder, or these
    /// files once edited, is checked in full. When `Data/formulary` changes, the test
    /// `bundledFilesAreTheValidatedOnes` fails and names the new value to put here.
    static let validatedDigest: UInt64 = 0x870F_0BA3_DA0A_B8B5
}

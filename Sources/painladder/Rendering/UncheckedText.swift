import PainLadder

/// How a medicine the formulary does not know is shown: kept as typed, never matched by a rule.
enum UncheckedText {
    /// "note: 'Zapain' is not checked against the rules (not a medicine, brand or class the formulary knows)."
    static func note(_ medicine: String) -> String {
        "note: '\(Output.shown(medicine))' is not checked against the rules (not a medicine, brand or class the formulary knows)."
    }

    /// One line for a screen, or nil when every medicine is known.
    static func line(_ medicines: [String]) -> String? {
        medicines.isEmpty ? nil : "Not checked against the rules: \(Output.shown(medicines, separator: ", "))"
    }
}

import PainLadder

/// Messages as the command line spells their fields (`--override-reason`), so the decision
/// tests can keep checking the words a clinician reads. The CLI's own spelling is checked
/// end to end; this one only turns `overrideReason` into `--override-reason`.
extension Field {
    var flag: String {
        "--" + rawValue.map { $0.isUppercase ? "-\($0.lowercased())" : "\($0)" }.joined()
    }
}

extension Phrase {
    func contains(_ text: String) -> Bool { spelled(\.flag).contains(text) }
}

/// The error's message with its fields spelled as flags.
func flagged(_ error: Error) -> String {
    switch error as? PainLadderError {
    case let .invalidValue(field, given, allowed)?: "\(field.flag): '\(given)' is not valid; allowed: \(allowed.spelled(\.flag))"
    case let .conflictingValues(field, other, allowed)?: "\(field.flag): 'with \(other.flag)' is not valid; allowed: \(allowed.spelled(\.flag))"
    case let .notPossible(phrase)?: phrase.spelled(\.flag)
    default: "\(error)"
    }
}

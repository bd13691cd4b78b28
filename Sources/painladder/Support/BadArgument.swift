import PainLadder

/// A value typed on the command line that cannot be read (a date that does not exist, an
/// unknown sex): named by its flag or argument, with what was given and what is allowed.
struct BadArgument: Error, Equatable {
    /// The flag (`--born`) or argument (`patient`) as the command line names it.
    var field: String
    var given: String
    var allowed: String

    var message: String { "\(field): '\(PainLadderError.shown(given))' is not valid; allowed: \(allowed)" }
}

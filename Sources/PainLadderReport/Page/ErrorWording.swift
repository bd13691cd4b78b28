import PainLadder

/// How the interface words a ``PainLadderError`` (a drug ruled out on the ladder): the
/// library has no words of its own for its errors; the command line passes its `ErrorText`.
public typealias ErrorWording = @Sendable (PainLadderError) -> String

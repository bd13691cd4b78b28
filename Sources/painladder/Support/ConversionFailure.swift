/// A typed option's value that its transform could not read is a bad value (65, PainLadder's
/// one-line message), not a usage error: argument-parser wraps the transform's error in its
/// own (internal) error type, so it is found there by reflection.
enum ConversionFailure {
    static func badArgument(in error: Error) -> BadArgument? { find(error, depth: 0) }

    private static func find(_ value: Any, depth: Int) -> BadArgument? {
        if let bad = value as? BadArgument { return bad }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = find(child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}

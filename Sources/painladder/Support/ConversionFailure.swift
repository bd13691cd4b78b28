import ArgumentParser

/// A typed option's value that its transform could not read is a bad value (65, PainLadder's
/// one-line message), not a usage error: argument-parser wraps the transform's error in its
/// own (internal) error type, so it is found there by reflection. A transform that refuses a
/// word as a usage error throws a `ValidationError`, read out the same way (64, its own words).
enum ConversionFailure {
    static func badArgument(in error: Error) -> BadArgument? { find(BadArgument.self, in: error, depth: 0) }

    static func usage(in error: Error) -> ValidationError? { find(ValidationError.self, in: error, depth: 0) }

    private static func find<Found>(_ type: Found.Type, in value: Any, depth: Int) -> Found? {
        if let found = value as? Found { return found }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = find(type, in: child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}

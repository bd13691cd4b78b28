import ArgumentParser

/// Completions for options read by a transform (argument-parser lists a type's values itself
/// only when it parses the type): the words a shell offers after the flag.
extension CompletionKind {
    static var yesOrNo: CompletionKind { .list(["yes", "no"]) }

    static func words<T: RawRepresentable & CaseIterable>(_: T.Type) -> CompletionKind where T.RawValue == String {
        .list(T.allCases.map(\.rawValue))
    }
}

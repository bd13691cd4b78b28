/// A sentence of an error message that may name fields, so each interface spells them its
/// own way: `"only with \(.override) LIMIT"` reads with the flag's own spelling on the
/// command line and could read "only with Override LIMIT" on a web page.
public struct Phrase: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Part: Equatable, Sendable {
        case text(String)
        case field(Field)
    }

    public private(set) var parts: [Part]

    public init(_ text: String) { parts = [.text(text)] }
    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// The text, each field spelled by `name`.
    public func spelled(_ name: (Field) -> String) -> String {
        parts.map { part in
            switch part {
            case let .text(text): text
            case let .field(field): name(field)
            }
        }.joined()
    }

    /// Fields in their domain names (for logs and tests; interfaces use ``spelled(_:)``).
    public var description: String { spelled(\.rawValue) }

    /// Whether the phrase names `field`.
    public func names(_ field: Field) -> Bool { parts.contains(.field(field)) }

    /// One phrase after the other.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        var joined = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        joined.parts = lhs.parts
        for part in rhs.parts {
            switch part {
            case let .text(text): joined.appendText(text)
            case let .field(field): joined.appendInterpolation(field)
            }
        }
        return Phrase(stringInterpolation: joined)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { appendText(literal) }
        public mutating func appendInterpolation(_ field: Field) { parts.append(.field(field)) }
        public mutating func appendInterpolation<T>(_ value: T) { appendText("\(value)") }

        /// Neighbouring text is one part, so equal sentences compare equal however they were built.
        mutating func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if case let .text(before)? = parts.last { parts[parts.count - 1] = .text(before + text) } else { parts.append(.text(text)) }
        }
    }
}

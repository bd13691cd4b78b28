import Foundation

/// Data to stdout, messages to stderr.
enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("painladder: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Stable, readable JSON: sorted keys, ISO 8601 instants.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

import Foundation
import PainLadder

/// Data to stdout, messages to stderr: every command writes through here.
enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    /// Text as it is (a file's content: its own line ends) on stdout.
    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One line on stdout, written at once (unbuffered), failing if stdout is gone: for output
    /// that must be out before a transaction commits (a reminder handed out).
    static func lineNow(_ text: String) throws {
        try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }

    /// A question to the person at the terminal, on stderr, the answer typed after it.
    static func prompt(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// One line on stderr, always: a newline or other control character inside the message
    /// (echoed from what was typed) is shown escaped, so scripts can rely on one line per error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("painladder: \(oneLine(message))\n".utf8))
    }

    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Stable, readable JSON on stdout: sorted keys, ISO 8601 instants.
    static func json<T: Encodable>(_ value: T) throws {
        print(try jsonText(value))
    }

    /// The JSON every command prints (``json(_:)``), as text (for a file).
    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.userInfo[.painLadderErrorEncoding] = ErrorText.jsonEncoding
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

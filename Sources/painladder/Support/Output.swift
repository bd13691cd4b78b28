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
        FileHandle.standardError.write(Data("painladder: \(shown(message))\n".utf8))
    }

    /// Stored or typed text as a terminal shows it: ``StoredText/escaped(_:)`` (ESC as
    /// `\u{1B}`, a newline as `\n`), so what older rows hold cannot move the cursor, retitle
    /// the terminal, reorder a line or start a forged one. Every text renderer passes stored
    /// strings through this, and every error message.
    static func shown(_ text: String) -> String { StoredText.escaped(text) }

    /// Each of `texts` shown (``shown(_:)``) and joined: medicines, conditions, answers.
    static func shown(_ texts: [String], separator: String) -> String {
        texts.map { shown($0) }.joined(separator: separator)
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

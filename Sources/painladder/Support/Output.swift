import Foundation
import PainLadder

/// Data to stdout, messages to stderr.
enum Output {
    static func line(_ text: String = "") {
        print(text)
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

    /// Stable, readable JSON: sorted keys, ISO 8601 instants.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.userInfo[.painLadderErrorEncoding] = ErrorText.jsonEncoding
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

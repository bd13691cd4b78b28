/// Why a file is not valid JSON, and where: the message, the line and column (1-based,
/// columns counted in characters), and the path of the value being read when it went wrong.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, in plain words: "expected ',' or '}' after an object member".
    var message: String
    var line: Int
    var column: Int
    /// The members and indexes enclosing the mistake, outermost first.
    var path: [JSONPathComponent] = []

    /// "expected ',' or '}' after an object member at line 12, column 5".
    var description: String { "\(message) at line \(line), column \(column)" }

    /// Works out line and column for a byte offset; only ever called for an error, so the
    /// parser need not track lines as it goes.
    init(_ message: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.message = message
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: a new character
                column += 1
            }
        }
        self.line = line
        self.column = column
    }
}

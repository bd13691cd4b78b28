import Foundation
import PainLadder

/// Command-line arguments must be UTF-8 text.
///
/// Swift decodes `argv` with repair: bytes that are not UTF-8 become U+FFFD, so a note typed
/// in a Latin-1 terminal would be stored as replacement characters without a word. The raw
/// bytes are checked first and such an argument is refused instead.
enum ArgumentEncoding {
    /// The first argument that is not valid UTF-8, as an error naming its position and bytes.
    static func firstInvalid() -> BadArgument? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            if String(validatingCString: pointer) == nil {
                let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer)).prefix(40)
                let shown = bytes.map { b -> String in
                    let u = UInt8(bitPattern: b)
                    return (0x20..<0x7F).contains(u) ? String(UnicodeScalar(u)) : String(format: "\\x%02x", u)
                }.joined()
                return BadArgument(field: "argument \(index)", given: shown,
                                     allowed: "UTF-8 text (check the terminal's or the script's character encoding)")
            }
        }
        return nil
    }
}

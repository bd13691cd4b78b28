import Foundation

/// A parsed document: its root value and how many object members it holds in all (the size
/// of the ``ReadMarks`` a decoder needs).
struct JSONDocument: Sendable {
    var root: JSONValue
    var memberCount: Int
}

/// A strict JSON parser (RFC 8259) from UTF-8 bytes into a ``JSONValue`` tree.
///
/// Strict where a lenient reader would hide a mistake in clinical data: no trailing commas,
/// no comments, no duplicate keys (which of two `maximumDailyDose` values would win?), no
/// leading zeros, no raw control characters in strings, no lone surrogates, valid UTF-8
/// only. A UTF-8 byte-order mark is skipped. Errors say what was wrong, at which line and
/// column, inside which value.
struct JSONTreeParser {
    /// Deeper nesting is refused rather than risk running out of stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var memberCount = 0
    /// The names and values of the containers still open, innermost last. A container's
    /// children collect here and are copied once, into an array of the right size, when it
    /// closes: growing a fresh array per container reallocated it several times over.
    private var pendingKeys: [String] = []
    private var pendingValues: [JSONValue] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses a whole document: exactly one value, with only whitespace around it.
    static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONDocument {
        let bytes = [UInt8](data)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONDocument in
                var parser = JSONTreeParser(buffer)
                return try parser.document()
            }
        }
        return try result.get()
    }

    /// Parses UTF-8 text (for tests and callers that hold a string).
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONDocument {
        try parse(Data(text.utf8))
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONDocument {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let root = try value(depth: 0)
        skipWhitespace()
        guard i == bytes.count else { throw fail("unexpected \(describeByte(at: i)) after the end of the JSON value") }
        return JSONDocument(root: root, memberCount: memberCount)
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard i < bytes.count else { throw fail("unexpected end of file where a value was expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected \(describeByte(at: i)) where a value was expected")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        i += 1  // {
        let keyBase = pendingKeys.count
        let valueBase = pendingValues.count
        var seen: Set<String>?  // this object's keys, once it has too many to scan (see isRepeated)
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(JSONObject(keys: [], values: [], firstMember: memberCount))
        }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                if i < bytes.count, bytes[i] == UInt8(ascii: "}"), pendingKeys.count > keyBase {
                    throw fail("a comma before '}' with no member after it")
                }
                throw fail(i < bytes.count ? "expected a member name in double quotes, found \(describeByte(at: i))"
                                           : "unexpected end of file inside an object")
            }
            let keyStart = i
            let key = try string()
            if isRepeated(key, since: keyBase, seen: &seen) {
                var error = fail("'\(key)' is given twice in the same object", at: keyStart)
                error.path = [.key(key)]
                throw error
            }
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the member name '\(key)'")
            }
            i += 1
            let member: JSONValue
            do throws(JSONSyntaxError) {
                member = try value(depth: depth)
            } catch {
                var error = error
                error.path.insert(.key(key), at: 0)  // name the member it happened in
                throw error
            }
            pendingKeys.append(key)
            pendingValues.append(member)
            skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of file inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("expected ',' or '}' after the member '\(key)', found \(describeByte(at: i))")
        }
        let keys = Array(pendingKeys[keyBase...])
        let values = Array(pendingValues[valueBase...])
        pendingKeys.removeSubrange(keyBase...)
        pendingValues.removeSubrange(valueBase...)
        // Numbered after the members' own children, so each object's members stay contiguous.
        let first = memberCount
        memberCount += keys.count
        return .object(JSONObject(keys: keys, values: values, firstMember: first))
    }

    /// The most members an object's duplicate check scans one by one. Formulary objects have a
    /// few dozen at most, where a scan costs less than hashing; past this, the keys go into a
    /// set, so that a clinic's overlay with 40,000 members is checked in linear time rather
    /// than quadratic (78 s for a 3 MB file).
    static let keysScanned = 32

    /// Whether `key` is already among the open object's keys (`pendingKeys[base...]`).
    private func isRepeated(_ key: String, since base: Int, seen: inout Set<String>?) -> Bool {
        let count = pendingKeys.count - base
        if count < Self.keysScanned { return pendingKeys[base...].contains(key) }
        if seen == nil { seen = Set(pendingKeys[base...]) }
        return !seen!.insert(key).inserted
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        i += 1  // [
        let base = pendingValues.count
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array([])
        }
        var count = 0  // not pendingValues.count - base: a failed child leaves its own pending values behind
        while true {
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]"), count > 0 {
                throw fail("a comma before ']' with no item after it")
            }
            let item: JSONValue
            do throws(JSONSyntaxError) {
                item = try value(depth: depth)
            } catch {
                var error = error
                error.path.insert(.index(count), at: 0)
                throw error
            }
            pendingValues.append(item)
            count += 1
            skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of file inside an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw fail("expected ',' or ']' after an array item, found \(describeByte(at: i))")
        }
        let items = Array(pendingValues[base...])
        pendingValues.removeSubrange(base...)
        return .array(items)
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = i
        let count = word.utf8CodeUnitCount
        guard bytes.count - i >= count else { throw fail("unexpected \(describeByte(at: start)) where a value was expected", at: start) }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] {
            throw fail("unexpected \(describeByte(at: start)) where a value was expected", at: start)
        }
        i += count
    }

    // MARK: - Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit after '-'") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw fail("a number must not start with 0 (leading zeros are not JSON)", at: start) }
        } else {
            skipDigits()
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit after the decimal point") }
            skipDigits()
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }

    // MARK: - Strings

    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = i
        i += 1  // "
        let start = i
        // Most strings have no escape: scan to the closing quote and make the String in one go,
        // eight bytes at a time while none of them needs a closer look.
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count, !Self.needsLook(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
            }
        }
        var bits: UInt8 = 0  // the OR of the bytes looked at one by one: below 0x80, the string is ASCII
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<i])
                // ASCII is valid UTF-8 as it stands; only other text needs the (slower) validating initializer.
                let text = bits < 0x80 ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
                guard let text else { throw fail("a string that is not valid UTF-8", at: open) }
                i += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start, open: open) }
            if byte < 0x20 { throw fail("a control character inside a string (write it as an escape such as \\n)") }
            bits |= byte
            i += 1
        }
        throw fail("a string that is never closed", at: open)
    }

    /// Whether any of eight bytes is a quote, a backslash, a control character or not ASCII
    /// (the classic "has a byte less than n" bit trick, exact for n ≤ 128).
    private static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ x: UInt64, _ n: UInt64) -> Bool { (x &- ones &* n) & ~x & highs != 0 }
        return word & highs != 0  // not ASCII
            || hasByteBelow(word, 0x20)  // control character
            || hasByteBelow(word ^ (ones &* 0x22), 1)  // "
            || hasByteBelow(word ^ (ones &* 0x5C), 1)  // \
    }

    /// The slow path, from the first backslash: collects the bytes with escapes decoded.
    private mutating func escapedString(from start: Int, open: Int) throws(JSONSyntaxError) -> String {
        var utf8 = Array(bytes[start..<i])
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                i += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw fail("a string that is not valid UTF-8", at: open)
                }
                return text
            case UInt8(ascii: "\\"):
                let escape = i
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(bytes[i])
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    i += 1
                    let scalar = try unicodeEscape(escape: escape)
                    utf8.append(contentsOf: UTF8.encode(scalar)!)
                    continue
                default:
                    throw fail("an unknown escape \\\(describeByte(at: i, quoted: false)) in a string", at: escape)
                }
                i += 1
            default:
                if byte < 0x20 { throw fail("a control character inside a string (write it as an escape such as \\n)") }
                utf8.append(byte)
                i += 1
            }
        }
        throw fail("a string that is never closed", at: open)
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\uDC00`–`\uDFFF` that must follow.
    private mutating func unicodeEscape(escape: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let unit = try hex4(escape: escape)
        switch unit {
        case 0xD800...0xDBFF:
            guard bytes.count - i >= 2, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw fail("a \\u escape for a high surrogate not followed by a low one", at: escape)
            }
            let second = i
            i += 2
            let low = try hex4(escape: second)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail("a \\u escape for a high surrogate not followed by a low one", at: escape)
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw fail("a \\u escape for a low surrogate with no high one before it", at: escape)
        default:
            return Unicode.Scalar(unit)!
        }
    }

    private mutating func hex4(escape: Int) throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - i >= 4 else { throw fail("a \\u escape needs four hex digits", at: escape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits", at: escape)
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): i += 1
            default: return
            }
        }
    }

    private func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message, at: offset ?? i, in: bytes)
    }

    /// "'x'", "end of file", or the character for a message.
    private func describeByte(at offset: Int, quoted: Bool = true) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        let text: String
        if byte >= 0x20 && byte < 0x7F {
            text = String(UnicodeScalar(byte))
        } else if byte < 0x20 || byte == 0x7F {
            text = "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
            return quoted ? "control character \(text)" : text
        } else {
            // A non-ASCII character: show it whole when its bytes are valid UTF-8.
            let end = min(bytes.count, offset + 4)
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self).first.map(String.init) ?? "?"
        }
        return quoted ? "'\(text)'" : text
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

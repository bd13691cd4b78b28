import Foundation
import PainLadder

/// A reader for the JSON the store writes (journal entries in `StoreJSONReader+Entry.swift`
/// and `EntryDetail.swift`, schedules in `StoreJSON+ScheduleDecoding.swift`); `nil` means "not the expected shape".
struct StoreJSONReader {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Set by ``nextKey(_:)`` on malformed input.
    var failed = false

    init(bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// Inside an object (after its `{`): the next key, its `:` consumed, or `nil` at the
    /// closing `}` (consumed) or on malformed input (then ``failed`` is set).
    mutating func nextKey(_ first: inout Bool) -> Range<Int>? {
        if first {
            first = false
            if take(125) { return nil }   // {}
        } else {
            if take(125) { return nil }
            guard take(44) else { failed = true; return nil }   // ,
        }
        guard let key = plainString(), take(58) else { failed = true; return nil }
        return key
    }

    // MARK: - JSON pieces

    /// `{ "key": value, … }`: `field` reads each value and says whether it was acceptable.
    /// For schedules (read once per plan); the entry readers above tell keys apart as bytes.
    mutating func object(_ field: (inout StoreJSONReader, String) -> Bool) -> Bool {
        guard take(123) else { return false }   // {
        var first = true
        while let key = nextKey(&first) {
            guard field(&self, String(decoding: bytes(key), as: UTF8.self)) else { return false }
        }
        return !failed
    }

    /// Whether the bytes in `range` spell `name`.
    func key(_ range: Range<Int>, is name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { w in
            var j = 0
            for k in range {
                guard b[k] == w[j] else { return false }
                j += 1
            }
            return true
        }
    }

    /// A string without escapes or control characters: the range of its bytes (between the
    /// quotes); `nil`, with nothing consumed, for anything else.
    mutating func plainString() -> Range<Int>? {
        guard take(34) else { return nil }   // "
        let start = i
        var j = i
        while j < b.count, b[j] != 34 {
            guard b[j] != 92, b[j] >= 0x20 else { i = start - 1; return nil }
            j += 1
        }
        guard j < b.count else { i = start - 1; return nil }
        i = j + 1
        return start..<j
    }

    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[range])
    }

    /// An optional value: `null` leaves it nil (as `decodeIfPresent` does).
    mutating func optional<T>(_ slot: inout T?, _ read: (inout StoreJSONReader) -> T?) -> Bool {
        if literal("null") { slot = nil; return true }
        slot = read(&self)
        return slot != nil
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 32 || b[i] == 10 || b[i] == 13 || b[i] == 9 { i += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < b.count, b[i] == byte else { return false }
        i += 1
        return true
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let matches = word.withUTF8Buffer { w in (0..<n).allSatisfy { b[i + $0] == w[$0] } }
        if matches { i += n }
        return matches
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A whole number (no fraction or exponent: those go to `JSONDecoder`).
    mutating func int() -> Int64? {
        skipSpace()
        var negative = false
        if i < b.count, b[i] == 45 { negative = true; i += 1 }
        var value: Int64 = 0
        let start = i
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(b[i] - 48))
            guard !o1, !o2 else { return nil }
            value = sum
            i += 1
        }
        guard i > start, i == b.count || (b[i] != 46 && b[i] != 101 && b[i] != 69) else { return nil }
        return negative ? -value : value
    }

    mutating func instant() -> Date? {
        plainString().flatMap { StoreTime.date(bytes: bytes($0)) }
    }

    mutating func localDate() -> LocalDate? {
        plainString().flatMap { LocalDate.parseISO(bytes($0)) }
    }

    mutating func localTime() -> LocalTime? {
        plainString().flatMap { LocalTime(parsingBytes: bytes($0)) }
    }

    mutating func string() -> String? {
        guard take(34) else { return nil }   // "
        let start = i
        var plain = true
        while i < b.count, b[i] != 34 {
            if b[i] == 92 || b[i] < 0x20 { plain = false; i += b[i] == 92 ? 2 : 1 } else { i += 1 }
        }
        guard i < b.count else { return nil }
        defer { i += 1 }
        if plain { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) }
        return unescape(start..<i)
    }

    /// A string with backslash escapes (rare: quotes, control characters in free text).
    func unescape(_ range: Range<Int>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var j = range.lowerBound
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= range.upperBound else { return nil }
            var v: UInt32 = 0
            for k in at..<at + 4 {
                guard let d = hexDigit(b[k]) else { return nil }
                v = v * 16 + d
            }
            return v
        }
        while j < range.upperBound {
            let c = b[j]
            guard c == 92 else {
                guard c >= 0x20 else { return nil }   // raw control characters are not JSON
                out.append(c); j += 1; continue
            }
            guard j + 1 < range.upperBound else { return nil }
            switch b[j + 1] {
            case 34: out.append(34)
            case 92: out.append(92)
            case 47: out.append(47)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                guard var code = hex4(j + 2) else { return nil }
                j += 4
                if (0xD800..<0xDC00).contains(code) {
                    // A surrogate pair: \uD83D\uDE42.
                    guard j + 2 + 6 <= range.upperBound, b[j + 2] == 92, b[j + 3] == 117,
                          let low = hex4(j + 4), (0xDC00..<0xE000).contains(low) else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
            j += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: UInt32(c - 48)
        case 65...70: UInt32(c - 55)
        case 97...102: UInt32(c - 87)
        default: nil
        }
    }
}

/// Exact conversions from a JSON number's literal text (already checked by the parser).
enum JSONNumber {
    /// Why a number does not convert.
    enum Failure: Error, Equatable {
        /// It has a fractional part (`1.5`, `25e-1`): an integer field refuses it rather than round.
        case notWhole
        /// Too large (or, for a floating-point type, too small) for the type.
        case outOfRange
    }

    /// The integer the literal denotes, exactly: `75`, `-3`, `1e2` (100), `7.0` (7).
    ///
    /// Decided on the decimal digits themselves, not through a `Double`, so
    /// `1.0000000000000000001` is refused as not whole instead of rounding to 1.
    static func integer<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> Result<I, Failure> {
        // Fast path: plain digits, the only form the formulary uses.
        var value: I = 0
        var negative = false
        var plain = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { plain = false; break }
            let digit = I(byte - UInt8(ascii: "0"))
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            // Accumulate negative numbers downwards so that I.min itself fits.
            let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !o1, !o2 else { return .failure(.outOfRange) }
            value = next
        }
        return plain ? .success(value) : decimalInteger(text, as: type)
    }

    /// The slow path: a fraction or an exponent, worked out on the digits.
    private static func decimalInteger<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> Result<I, Failure> {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var exponentNegative = false
        var part = 0  // 0 integer part, 1 fraction, 2 exponent
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where part == 0: negative = true
            case UInt8(ascii: "-"): exponentNegative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): part = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"): part = 2
            default:
                let digit = byte - UInt8(ascii: "0")
                if part == 2 {
                    exponent = min(exponent * 10 + Int(digit), 1_000_000)  // beyond any integer type anyway
                } else {
                    digits.append(digit)
                    if part == 1 { fractionDigits += 1 }
                }
            }
        }
        var scale = (exponentNegative ? -exponent : exponent) - fractionDigits
        while digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        guard let firstSignificant = digits.firstIndex(where: { $0 != 0 }) else { return .success(0) }
        digits.removeFirst(firstSignificant)
        guard scale >= 0 else { return .failure(.notWhole) }
        guard digits.count + scale <= 40 else { return .failure(.outOfRange) }
        var value: I = 0
        for digit in digits + Array(repeating: 0, count: scale) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(I(digit)) : times10.addingReportingOverflow(I(digit))
            guard !o1, !o2 else { return .failure(.outOfRange) }
            value = next
        }
        return .success(value)
    }

    /// The nearest `Double` (correctly rounded, as the standard library parses it), or
    /// `outOfRange` when the number overflows to infinity or a non-zero number underflows to 0.
    static func floatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ text: String, as type: F.Type) -> Result<F, Failure> {
        guard let value = F(text), value.isFinite else { return .failure(.outOfRange) }
        if value == 0, text.utf8.prefix(while: { $0 | 0x20 != UInt8(ascii: "e") }).contains(where: { $0 > UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return .failure(.outOfRange)
        }
        return .success(value)
    }
}

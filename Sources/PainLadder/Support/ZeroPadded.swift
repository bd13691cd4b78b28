/// Zero-padded decimal text without `String(format:)`, which on Linux goes through
/// CoreFoundation and `CVarArg` boxing: it was half the time of writing a journal entry
/// (every date, time and stored instant is formatted with it; see BENCHMARKS.md).
package enum ZeroPadded {
    /// `n` in decimal, left-padded with zeros to `width` digits (a minus sign comes first).
    package static func text(_ n: Int, width: Int) -> String {
        var digits = String(n.magnitude)
        if digits.utf8.count < width {
            digits = String(repeating: "0", count: width - digits.utf8.count) + digits
        }
        return n < 0 ? "-" + digits : digits
    }

    /// Appends `n` (0 ≤ n < 10^width) as exactly `width` ASCII digits.
    package static func append(_ n: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = n
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension LocalDate {
    /// Appends `YYYY-MM-DD` (the ``description``) as UTF-8, for writers that build bytes.
    package func appendISO(to bytes: inout [UInt8]) {
        let (year, month, day) = LocalDate.civilFromDays(dayNumber)
        guard (0...9999).contains(year) else { bytes.append(contentsOf: description.utf8); return }
        ZeroPadded.append(year, width: 4, to: &bytes)
        bytes.append(45)   // -
        ZeroPadded.append(month, width: 2, to: &bytes)
        bytes.append(45)
        ZeroPadded.append(day, width: 2, to: &bytes)
    }
}

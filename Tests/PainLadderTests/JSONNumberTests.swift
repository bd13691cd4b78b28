import Testing
@testable import FormularyData
@testable import PainLadder

/// Exact conversion of a JSON number's text: integers refuse fractions instead of rounding,
/// and nothing silently overflows.
@Suite("JSON numbers")
struct JSONNumberTests {
    @Test(arguments: [
        ("75", 75), ("-3", -3), ("0", 0), ("-0", 0),
        ("1e2", 100), ("1E2", 100), ("7.0", 7), ("7.000", 7), ("120e-1", 12), ("0.5e1", 5), ("-2.50e2", -250),
        ("0e999999999", 0), ("0.0", 0),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func wholeNumbersConvert(_ text: String, _ expected: Int) {
        #expect(JSONNumber.integer(text, as: Int.self) == .success(expected))
    }

    @Test(arguments: ["7.5", "25e-1", "0.1", "-0.5", "1e-1", "1.0000000000000000001", "1e-999999999"])
    func fractionsAreRefusedNotRounded(_ text: String) {
        #expect(JSONNumber.integer(text, as: Int.self) == .failure(.notWhole))
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "1e19", "100000000000000000000", "1e999999999"])
    func numbersBeyondIntAreRefused(_ text: String) {
        #expect(JSONNumber.integer(text, as: Int.self) == .failure(.outOfRange))
    }

    @Test func smallerIntegerTypesHaveTheirOwnRange() {
        #expect(JSONNumber.integer("255", as: UInt8.self) == .success(255))
        #expect(JSONNumber.integer("256", as: UInt8.self) == .failure(.outOfRange))
        #expect(JSONNumber.integer("-1", as: UInt8.self) == .failure(.outOfRange))
        #expect(JSONNumber.integer("-128", as: Int8.self) == .success(-128))
    }

    @Test func doublesAreCorrectlyRounded() {
        #expect(JSONNumber.floatingPoint("0.1", as: Double.self) == .success(0.1))
        #expect(JSONNumber.floatingPoint("75", as: Double.self) == .success(75))
        #expect(JSONNumber.floatingPoint("2.5E-3", as: Double.self) == .success(0.0025))
        #expect(JSONNumber.floatingPoint("1.7976931348623157e308", as: Double.self) == .success(.greatestFiniteMagnitude))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let value = try JSONNumber.floatingPoint("-0.0", as: Double.self).get()
        #expect(value == 0 && value.sign == .minus)
    }

    @Test(arguments: ["1e400", "-1e400", "4.9e-325", "1e-400"])
    func doublesThatOverflowOrVanishAreRefused(_ text: String) {
        #expect(JSONNumber.floatingPoint(text, as: Double.self) == .failure(.outOfRange))
    }

    @Test func zeroWrittenWithAnExponentIsStillZero() {
        #expect(JSONNumber.floatingPoint("0e-400", as: Double.self) == .success(0))
    }
}

import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The strict JSON parser the formulary is read with: what it builds from valid text, and
/// what it says (message, line, column, enclosing value) about invalid text.
@Suite("JSON tree parser")
struct JSONTreeParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONTreeParser.parse(text).root
    }

    // MARK: - Valid documents

    @Test func objectsKeepMembersInFileOrder() throws {
        let value = try parse(#"{"zeta": 1, "alpha": "a", "mid": [true, false, null]}"#)
        let expected = JSONValue.object(JSONObject(
            keys: ["zeta", "alpha", "mid"],
            values: [.number("1"), .string("a"), .array([.bool(true), .bool(false), .null])]))
        #expect(value == expected)
    }

    @Test func numbersKeepTheirLiteralText() throws {
        let value = try parse("[0, -0, 75, -3.25, 1e2, 2.5E-3, 6.02e+23]")
        #expect(value == .array(["0", "-0", "75", "-3.25", "1e2", "2.5E-3", "6.02e+23"].map(JSONValue.number)))
    }

    @Test func escapesAreDecoded() throws {
        let value = try parse(#"["a\"b", "back\\slash", "\/", "\b\f\n\r\t", "caf\u00e9", "\u00E9t\u00e9"]"#)
        #expect(value == .array([.string("a\"b"), .string("back\\slash"), .string("/"),
                                 .string("\u{8}\u{C}\n\r\t"), .string("café"), .string("été")]))
    }

    @Test func surrogatePairsMakeOneCharacter() throws {
        // U+1F600 is D83D DE00 in UTF-16.
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse(#""x\uD83D\uDE00y""#) == .string("x😀y"))
    }

    @Test func rawUTF8TextIsKept() throws {
        #expect(try parse(#"["≥ 60 mL/min", "× 2"]"#) == .array([.string("≥ 60 mL/min"), .string("× 2")]))
    }

    /// The scan reads eight bytes at a time: quotes, escapes, non-ASCII and control
    /// characters must be found at every offset within and across those words.
    @Test func longStringsAreScannedCorrectlyAtEveryOffset() throws {
        for k in 0..<20 {
            let pad = String(repeating: "a", count: k)
            #expect(try parse("\"\(pad)\\n\(pad)\"") == .string("\(pad)\n\(pad)"))
            #expect(try parse("\"\(pad)é\(pad)\"") == .string("\(pad)é\(pad)"))
            #expect(try parse("[\"\(pad)\", \"\(pad)\"]") == .array([.string(pad), .string(pad)]))
            let error = #expect(throws: JSONSyntaxError.self) { try JSONTreeParser.parse("\"\(pad)\u{1}\"") }
            #expect(error?.column == k + 2)
        }
    }

    @Test func nestingAndEmptyContainers() throws {
        let value = try parse(#"{"a": [[], {}, [{"b": [1]}]]}"#)
        let inner = JSONValue.object(JSONObject(keys: ["b"], values: [.array([.number("1")])]))
        let expected = JSONValue.object(JSONObject(keys: ["a"], values: [
            .array([.array([]), .object(JSONObject(keys: [], values: [])), .array([inner])]),
        ]))
        #expect(value == expected)
    }

    @Test func whitespaceAndAByteOrderMarkAroundTheValue() throws {
        #expect(try parse(" \n\t\r{} \n") == .object(JSONObject(keys: [], values: [])))
        #expect(try parse("\u{FEFF}[1]") == .array([.number("1")]))
    }

    @Test func aScalarMayBeTheWholeDocument() throws {
        #expect(try parse("true") == .bool(true))
        #expect(try parse(" \"x\" ") == .string("x"))
        #expect(try parse("-12") == .number("-12"))
    }

    @Test func membersAreNumberedContiguouslyPerObject() throws {
        // The inner object is finished first, so its two members are 0 and 1; the outer's are 2 and 3.
        let document = try JSONTreeParser.parse(#"{"a": {"x": 1, "y": 2}, "b": 3}"#)
        #expect(document.memberCount == 4)
        guard case let .object(outer) = document.root, case let .object(inner)? = outer["a"] else {
            Issue.record("expected nested objects")
            return
        }
        #expect(inner.firstMember == 0)
        #expect(outer.firstMember == 2)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = JSONTreeParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try parse(text)
    }

    // MARK: - Invalid documents

    /// Invalid text, and the error expected: message fragment, line, column, enclosing path.
    struct Bad: Sendable, CustomStringConvertible {
        var text: String
        var message: String
        var line: Int
        var column: Int
        var path: [JSONPathComponent] = []
        var description: String { text }
    }

    static let bad: [Bad] = [
        Bad(text: "", message: "unexpected end of file where a value was expected", line: 1, column: 1),
        Bad(text: #"{"a": 1,}"#, message: "a comma before '}' with no member after it", line: 1, column: 9),
        Bad(text: "[1, 2,]", message: "a comma before ']' with no item after it", line: 1, column: 7),
        Bad(text: #"{"a" 1}"#, message: "expected ':' after the member name 'a'", line: 1, column: 6),
        Bad(text: #"{"a": 1 "b": 2}"#, message: "expected ',' or '}' after the member 'a', found '\"'", line: 1, column: 9),
        Bad(text: "[1 2]", message: "expected ',' or ']' after an array item, found '2'", line: 1, column: 4),
        Bad(text: "{a: 1}", message: "expected a member name in double quotes, found 'a'", line: 1, column: 2),
        Bad(text: "[01]", message: "must not start with 0", line: 1, column: 2, path: [.index(0)]),
        Bad(text: "[1.]", message: "expected a digit after the decimal point", line: 1, column: 4, path: [.index(0)]),
        Bad(text: "[-]", message: "expected a digit after '-'", line: 1, column: 3, path: [.index(0)]),
        Bad(text: "[1e]", message: "expected a digit in the exponent", line: 1, column: 4, path: [.index(0)]),
        Bad(text: "[NaN]", message: "unexpected 'N' where a value was expected", line: 1, column: 2, path: [.index(0)]),
        Bad(text: "[tru]", message: "unexpected 't' where a value was expected", line: 1, column: 2, path: [.index(0)]),
        Bad(text: "{\"a\": \"x\ny\"}", message: "a control character inside a string", line: 1, column: 9, path: [.key("a")]),
        Bad(text: #"["\x"]"#, message: "an unknown escape \\x in a string", line: 1, column: 3, path: [.index(0)]),
        Bad(text: #"["\u12"]"#, message: "a \\u escape needs four hex digits", line: 1, column: 3, path: [.index(0)]),
        Bad(text: #"["\ud83d"]"#, message: "high surrogate not followed by a low one", line: 1, column: 3, path: [.index(0)]),
        Bad(text: #"["\ude00"]"#, message: "low surrogate with no high one before it", line: 1, column: 3, path: [.index(0)]),
        Bad(text: #"{"a": "open"#, message: "a string that is never closed", line: 1, column: 7, path: [.key("a")]),
        Bad(text: "{} x", message: "unexpected 'x' after the end of the JSON value", line: 1, column: 4),
        Bad(text: "[1] // note", message: "unexpected '/' after the end of the JSON value", line: 1, column: 5),
        Bad(text: #"{"a": 1, "a": 2}"#, message: "'a' is given twice in the same object", line: 1, column: 10, path: [.key("a")]),
        // Line and column of a mistake deep in a pretty-printed file, and the path down to it.
        Bad(text: "{\n  \"variants\": [\n    {\"id\": \"standard\",\n     \"steps\": [10, 20,]}\n  ]\n}",
            message: "a comma before ']' with no item after it", line: 4, column: 23,
            path: [.key("variants"), .index(0), .key("steps")]),
        // Columns count characters, not bytes: "é" is two bytes but one column.
        Bad(text: "[\"é\", x]", message: "unexpected 'x' where a value was expected", line: 1, column: 7, path: [.index(1)]),
    ]

    @Test(arguments: bad)
    func invalidTextIsRefusedWithWhereAndWhat(_ bad: Bad) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONTreeParser.parse(bad.text) }
        guard let error else { return }
        #expect(error.message.contains(bad.message), "\(error.message)")
        #expect(error.line == bad.line, "\(error)")
        #expect(error.column == bad.column, "\(error)")
        #expect(error.path == bad.path)
        #expect(error.description.hasSuffix("at line \(bad.line), column \(bad.column)"))
    }

    @Test func invalidUTF8IsRefused() {
        // "[\"", then 0xFF (never valid in UTF-8), then "\"]".
        let data = Data([0x5B, 0x22, 0xFF, 0x22, 0x5D])
        let error = #expect(throws: JSONSyntaxError.self) { try JSONTreeParser.parse(data) }
        #expect(error?.message == "a string that is not valid UTF-8")
        #expect(error?.column == 2)
    }

    @Test func aTruncatedMultiByteCharacterIsRefused() {
        // "é" is C3 A9; a string holding only C3 is cut short.
        let data = Data([0x22, 0xC3, 0x22])
        #expect(throws: JSONSyntaxError.self) { try JSONTreeParser.parse(data) }
    }

    @Test func nestingBeyondTheLimitIsRefused() {
        let depth = JSONTreeParser.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = #expect(throws: JSONSyntaxError.self) { try JSONTreeParser.parse(text) }
        #expect(error?.message == "nesting deeper than \(JSONTreeParser.maximumDepth) levels")
    }
}

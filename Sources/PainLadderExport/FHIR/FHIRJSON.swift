import Foundation

/// A JSON value whose objects keep their members in the order written: FHIR's JSON reads
/// best with `resourceType` and `id` first, and the same record must give the same bytes.
///
/// ```swift
/// let v: FHIRJSON = .object([("resourceType", "Patient"), ("id", "P001")])
/// v.text()   // "{\n  \"resourceType\": \"Patient\",\n  \"id\": \"P001\"\n}"
/// ```
indirect enum FHIRJSON: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case object([(String, FHIRJSON)])
    case array([FHIRJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    /// Pretty-printed with two-space indents, as `JSONSerialization` would (without its key sorting).
    func text() -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): FHIRJSON.quote(s, into: &out)
        case .integer(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                FHIRJSON.pad(&out, indent + 2)
                item.write(into: &out, indent: indent + 2)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            FHIRJSON.pad(&out, indent)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                FHIRJSON.pad(&out, indent + 2)
                FHIRJSON.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 2)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            FHIRJSON.pad(&out, indent)
            out += "}"
        }
    }

    static func pad(_ out: inout String, _ n: Int) {
        out += String(repeating: " ", count: n)
    }

    /// RFC 8259 string: quote, backslash and control characters escaped.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// An object's members, built in order, leaving out absent optional values.
struct FHIRObject {
    private(set) var members: [(String, FHIRJSON)] = []

    init(_ members: [(String, FHIRJSON)] = []) { self.members = members }

    mutating func add(_ key: String, _ value: FHIRJSON?) {
        if let value { members.append((key, value)) }
    }

    /// Adds a non-empty array; an empty one is left out (FHIR forbids empty arrays).
    mutating func add(_ key: String, array: [FHIRJSON]) {
        if !array.isEmpty { members.append((key, .array(array))) }
    }

    var json: FHIRJSON { .object(members) }
}

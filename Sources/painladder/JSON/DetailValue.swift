/// A decision detail as JSON: a number when the recorded text is one ("20" → 20), else text.
enum DetailValue: Encodable, Equatable {
    case integer(Int)
    case decimal(Double)
    case text(String)

    init(_ recorded: String) {
        // Only plain decimal numerals: a date ("2026-03-25") or an id ("P001") stays text.
        let numeral = !recorded.isEmpty && recorded.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
            && recorded.dropFirst().allSatisfy { $0 != "-" } && recorded.filter { $0 == "." }.count <= 1
            && recorded.last != "." && recorded.first != "."
        if numeral, let i = Int(recorded) {
            self = .integer(i)
        } else if numeral, let d = Double(recorded) {
            self = .decimal(d)
        } else {
            self = .text(recorded)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .integer(let i): try c.encode(i)
        case .decimal(let d): try c.encode(d)
        case .text(let t): try c.encode(t)
        }
    }
}

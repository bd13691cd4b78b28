import PainLadder

/// A safety finding (a caution in a schedule, a warning accepted with a decision).
struct FindingJSON: Encodable {
    var drug: String
    var rule: String
    var kind: String
    var message: String
    var sources: [String]
    var status: String

    init(_ f: SafetyFinding) {
        drug = f.drug
        rule = f.rule
        kind = f.kind.rawValue
        message = f.message
        sources = f.sources
        status = f.status.rawValue
    }
}

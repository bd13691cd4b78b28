import PainLadder

/// The decision that made a plan version: details with numbers as numbers ("atMg": 20).
struct DecisionJSON: Encodable {
    var kind: String
    var by: String
    var reason: String
    var details: [String: DetailValue]
    var warnings: [FindingJSON]

    init(_ d: Decision) {
        kind = d.kind.rawValue
        by = d.by
        reason = d.reason
        details = d.details.mapValues(DetailValue.init)
        warnings = d.warnings.map(FindingJSON.init)
    }
}

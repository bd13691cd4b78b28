import Foundation
import PainLadder

/// A decision as a review shows it; details with numbers as numbers ("atMg": 20).
struct DecisionRecordJSON: Encodable {
    var kind: String
    var by: String
    var reason: String
    var date: String
    var at: Date
    var courseID: Int64
    var drug: String
    /// The plan version's number (1, 2, …) the decision made.
    var planVersion: Int
    var details: [String: DetailValue]
    var warnings: [FindingJSON]

    init(_ d: DecisionRecord) {
        kind = d.kind.rawValue
        by = d.by
        reason = d.reason
        date = d.date.description
        at = d.at
        courseID = d.courseID
        drug = d.drug
        planVersion = d.planVersion
        details = d.details.mapValues(DetailValue.init)
        warnings = d.warnings.map(FindingJSON.init)
    }
}

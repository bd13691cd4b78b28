import Foundation
import PainLadder

/// A clinician's permission to go beyond a limit, with who and why.
struct OverrideJSON: Encodable {
    var limit: String
    var by: String
    var reason: String
    var at: Date

    init(_ o: Override) {
        limit = o.limit
        by = o.by
        reason = o.reason
        at = o.at
    }
}

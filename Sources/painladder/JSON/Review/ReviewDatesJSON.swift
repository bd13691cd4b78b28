import Foundation
import PainLadder

/// The last decision and when the next review is due.
struct ReviewDatesJSON: Encodable {
    var lastDecision: DecisionRecordJSON?
    var nextDue: String?
    var daysUntilDue: Int?
    var overdue: Bool
    var overdueDays: Int

    init(_ r: ReviewDates) {
        lastDecision = r.lastDecision.map(DecisionRecordJSON.init)
        nextDue = r.nextDue?.description
        daysUntilDue = r.daysUntilDue
        overdue = r.overdue
        overdueDays = r.overdueDays
    }
}

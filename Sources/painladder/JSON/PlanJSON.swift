import Foundation
import PainLadder

/// One plan version: a decision writes a new one naming the one it replaces.
struct PlanJSON: Encodable {
    var planVersionID: Int64?
    var courseID: Int64
    var version: Int
    var replacesPlanVersionID: Int64?
    var createdAt: Date
    var author: String
    var reason: String
    var effectiveFrom: String
    var effectiveTime: String?
    var held: Bool
    var holdReason: String?
    var nextReviewDate: String?
    var overrides: [OverrideJSON]
    var decision: DecisionJSON?
    var schedule: ScheduleJSON

    init(_ p: PlanVersion) {
        planVersionID = p.id
        courseID = p.courseID
        version = p.version
        replacesPlanVersionID = p.replacesID
        createdAt = p.createdAt
        author = p.author
        reason = p.reason
        effectiveFrom = p.effectiveFrom.description
        effectiveTime = p.effectiveTime?.description
        held = p.holdReason != nil
        holdReason = p.holdReason
        nextReviewDate = p.nextReviewDate?.description
        overrides = p.overrides.map(OverrideJSON.init)
        decision = p.decision.map(DecisionJSON.init)
        schedule = ScheduleJSON(p)
    }
}

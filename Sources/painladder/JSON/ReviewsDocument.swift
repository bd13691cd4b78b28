import Foundation
import PainLadder

/// `reviews --json`: the day list of reviews due (or overdue), each patient's day in their own
/// zone. Schema: schemas/reviews.schema.json. (The earlier output was a bare array: it is now
/// `reviews`.)
struct ReviewsDocument: Encodable {
    struct Due: Encodable {
        var patientID: String
        var patientName: String?
        var courseID: Int64
        var drug: String
        /// The number (1, 2, …) of the plan version in force.
        var planVersion: Int
        var nextReviewDate: String
        /// Today in the patient's zone.
        var today: String
        var daysUntilDue: Int
        var overdue: Bool
        var overdueDays: Int
        var holdReason: String?

        init(_ i: ReviewQueue.Item) {
            patientID = i.patientID
            patientName = i.patientName
            courseID = i.courseID
            drug = i.drug
            planVersion = i.planVersion
            nextReviewDate = i.nextReviewDate.description
            today = i.today.description
            daysUntilDue = i.daysUntilDue
            overdue = i.overdue
            overdueDays = i.overdueDays
            holdReason = i.holdReason
        }
    }

    var schemaVersion = JSONContract.schemaVersion
    var reviews: [Due]

    init(_ items: [ReviewQueue.Item]) {
        reviews = items.map(Due.init)
    }
}

import Foundation
import PainLadder
import PainLadderClinic

/// `history --json`: everything recorded, in time order, each item a journal entry or a
/// plan version. Schema: schemas/history.schema.json. (The earlier output was a bare array of
/// items; it is now `items`, beside `schemaVersion` and `patientID`.)
struct HistoryDocument: Encodable {
    struct Item: Encodable {
        var entry: JournalEntryJSON?
        var plan: PlanJSON?
        /// The number (1, 2, …) of the plan version the entry was recorded under, or of the plan.
        var planVersion: Int?
        /// The entry that corrected or undid this one.
        var supersededByEntryID: Int64?
        var at: Date
        var timeZone: String

        init(_ i: HistoryItem) {
            entry = i.entry.map(JournalEntryJSON.init)
            plan = i.plan.map(PlanJSON.init)
            planVersion = i.planVersion
            supersededByEntryID = i.supersededBy
            at = i.at
            timeZone = i.timeZone
        }
    }

    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var items: [Item]

    init(patientID: String, items: [HistoryItem]) {
        self.patientID = patientID
        self.items = items.map(Item.init)
    }
}

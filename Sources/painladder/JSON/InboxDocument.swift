import Foundation
import PainLadder

/// `inbox --json` and `ack --json`: inbox items, most urgent first, each with its state.
/// Schema: schemas/inbox.schema.json.
struct InboxDocument: Encodable {
    struct Acknowledgement: Encodable {
        var by: String
        var at: String
        var note: String?
    }

    struct Resolution: Encodable {
        var planVersionID: Int64
        var at: String
    }

    struct Item: Encodable {
        var itemID: Int64
        var key: String
        var category: String
        var state: String
        var patientID: String
        var courseID: Int64
        var at: String
        var openedAt: String
        var message: String
        var renotified: Int
        var renotifyAt: String?
        var acknowledgement: Acknowledgement?
        var resolution: Resolution?

        init(_ i: InboxItem) {
            let t = { (d: Date) in ISO8601DateFormatter().string(from: d) }
            itemID = i.id
            key = i.key
            category = i.category.rawValue
            state = i.state.rawValue
            patientID = i.patientID
            courseID = i.courseID
            at = t(i.at)
            openedAt = t(i.openedAt)
            message = i.message
            renotified = i.renotified
            renotifyAt = i.renotifyAt.map(t)
            acknowledgement = i.acknowledgement.map { Acknowledgement(by: $0.by, at: t($0.at), note: $0.note) }
            resolution = i.resolution.map { Resolution(planVersionID: $0.planVersionID, at: t($0.at)) }
        }
    }

    var schemaVersion = JSONContract.schemaVersion
    var items: [Item]

    init(_ items: [InboxItem]) { self.items = items.map(Item.init) }
}

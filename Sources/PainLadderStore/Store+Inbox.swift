import Foundation
import GRDB
import PainLadder
import PainLadderClinic

/// The clinician's inbox (migration "v8-inbox", ``InboxSchema``): items opened by the
/// reminder job, acknowledged by a clinician, resolved by a decision.
extension Store {
    /// The items, oldest first: every item, or only those neither acknowledged nor resolved.
    /// Empty on a file opened read-only before "v8-inbox".
    public func inboxItems(patientID: String?, includeClosed: Bool) throws -> [InboxItem] {
        try read { db in
            guard try db.tableExists("inbox_item") else { return [] }
            if let patientID { try Self.requirePatient(patientID, db) }
            var conditions: [String] = [], arguments: [DatabaseValueConvertible] = []
            if let patientID { conditions.append("i.patient_id = ?"); arguments.append(patientID) }
            if !includeClosed { conditions.append("NOT EXISTS (SELECT 1 FROM inbox_event e WHERE e.item_id = i.id)") }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Self.items(db, sql: "SELECT i.* FROM inbox_item i \(filter) ORDER BY i.id", StatementArguments(arguments))
        }
    }

    /// Acknowledges one item (see ``ClinicStore/acknowledgeInboxItem(id:at:by:note:_:)``).
    public func acknowledgeInboxItem(id: Int64, at: Date, by: String, note: String?,
                                     _ check: (InboxItem?) throws -> Void) throws -> InboxItem {
        try write { db in
            let item = try Self.items(db, sql: "SELECT * FROM inbox_item WHERE id = ?", [id]).first
            try check(item)
            guard let item else { throw PainLadderError.internalError("inbox item \(id) vanished") }
            try db.insertRow(into: "inbox_event", ["item_id": id, "state": "acknowledged", "at": StoreTime.string(at),
                                                   "actor": by, "note": note])
            try db.execute(sql: "UPDATE inbox_item SET renotify_at = NULL WHERE id = ?", arguments: [id])
            try Self.audit(db, .inboxAcknowledged(item, by: by, note: note, at: at))
            return try Self.items(db, sql: "SELECT * FROM inbox_item WHERE id = ?", [id])[0]
        }
    }

    /// Open items due to be handed out again at `now`, with the reminder that opened each
    /// (a range scan of `inbox_item_renotify_due`: only the items due are read).
    public func inboxDueForRenotification(now: Date) throws -> [(item: InboxItem, reminder: Reminder)] {
        try read { db in
            guard try db.tableExists("inbox_item") else { return [] }
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM inbox_item WHERE renotify_at IS NOT NULL AND renotify_at <= ? ORDER BY renotify_at, id
                """), arguments: [StoreTime.string(now)])
            return try rows.map { row in
                (try Self.item(row, db), try Rows.json(row, "reminder", as: Reminder.self, table: "inbox_item"))
            }
        }
    }

    /// Claims one repeat of an item in one IMMEDIATE transaction (see
    /// ``ClinicStore/claimInboxRenotification(itemID:reminder:now:next:confirmed:handOut:)``).
    public func claimInboxRenotification(itemID: Int64, reminder: Reminder, now: Date, next: Date, confirmed: Bool,
                                         handOut: (Reminder) throws -> Void) throws -> Bool {
        try write { db in
            // Still open and still due: an acknowledgement or a decision in between clears it.
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM inbox_item WHERE id = ? AND renotify_at IS NOT NULL AND renotify_at <= ?",
                                    arguments: [itemID, StoreTime.string(now)]) == true,
                  try Self.claimedKeys([reminder.key], db).isEmpty else { return false }
            try Self.insertClaim(reminder, now: now, confirmed: confirmed, db)
            try db.execute(sql: "UPDATE inbox_item SET renotified = renotified + 1, renotify_at = ? WHERE id = ?",
                           arguments: [StoreTime.string(next), itemID])
            try handOut(reminder)
            return true
        }
    }

    // MARK: - Inside a transaction

    /// Opens the items the claimed reminders bring (each once, by its key), with an audit row
    /// `inbox.open` each.
    static func openInboxItems(_ openings: [InboxOpening], now: Date, _ db: Database) throws {
        for o in openings {
            let r = o.reminder
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM inbox_item WHERE key = ?", arguments: [r.key]) != true else { continue }
            let id = try db.insertRow(into: "inbox_item", [
                "key": r.key, "category": o.category.rawValue, "kind": r.kind.rawValue, "patient_id": r.patientID,
                "course_id": r.courseID, "at": StoreTime.string(r.at), "opened_at": StoreTime.string(now),
                "message": r.message, "reminder": try StoreJSON.encode(r),
                "renotify_at": o.renotifyAfter.map { StoreTime.string(now.addingTimeInterval($0)) },
            ])
            try audit(db, .inboxOpened(id: id, o, at: now))
        }
    }

    /// Records a claim in `reminder_sent` (the reminder job's one row per key).
    static func insertClaim(_ r: Reminder, now: Date, confirmed: Bool, _ db: Database) throws {
        try db.insertRow(into: "reminder_sent", [
            "key": r.key, "kind": r.kind.rawValue, "audience": r.audience.rawValue, "patient_id": r.patientID,
            "course_id": r.courseID, "due_at": StoreTime.string(r.at), "reminder": try StoreJSON.encode(r),
            "claimed_at": StoreTime.string(now), "sent_at": confirmed ? StoreTime.string(now) : nil,
            "confirmed": confirmed, "attempts": 1,
        ])
    }

    private static func items(_ db: Database, sql: String, _ arguments: StatementArguments) throws -> [InboxItem] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { try item($0, db) }
    }

    private static func item(_ row: Row, _ db: Database) throws -> InboxItem {
        let table = "inbox_item"
        let id: Int64 = row["id"]
        var item = InboxItem(id: id, key: row["key"], category: try Rows.enumValue(row, "category", table: table),
                             patientID: row["patient_id"], courseID: row["course_id"],
                             at: try Rows.instant(row, "at", table: table), openedAt: try Rows.instant(row, "opened_at", table: table),
                             message: row["message"], renotified: row["renotified"],
                             renotifyAt: (row["renotify_at"] as String?) == nil ? nil : try Rows.instant(row, "renotify_at", table: table))
        for event in try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM inbox_event WHERE item_id = ? ORDER BY id"),
                                      arguments: [id]) {
            let at = try Rows.instant(event, "at", table: "inbox_event")
            if let plan: Int64 = event["plan_version_id"] {
                item.resolution = .init(planVersionID: plan, at: at)
            } else {
                item.acknowledgement = .init(by: event["actor"], at: at, note: event["note"])
            }
        }
        return item
    }
}

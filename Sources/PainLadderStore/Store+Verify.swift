import Foundation
import GRDB
import PainLadderClinic

/// `verify`: is the file as PainLadder wrote it?
extension Store {
    /// Checks, in one read: SQLite's `integrity_check` and `foreign_key_check`, every guarding
    /// trigger (present, with its SQL), and the audit chain (each row's link recomputed from
    /// its fields and the link before it). Reports the problems found, the chain's first
    /// broken link among them; changes nothing.
    ///
    /// ```swift
    /// let report = try store.verifyIntegrity()
    /// if !report.isIntact { print(report.problems[0]) }
    /// ```
    public func verifyIntegrity() throws -> IntegrityReport {
        try read { db in
            var problems: [IntegrityReport.Problem] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems.append(.damaged(integrity.first ?? "no answer")) }
            let chain = try Self.verifyChain(db)
            problems += chain.problems
            var triggers: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") {
                let name: String = row["name"], sql: String? = row["sql"]
                triggers[name] = sql ?? ""
            }
            // The inbox's and the stored overlay's guards once their migrations ("v8-…") have run.
            let guards = TamperGuards.all + (try db.tableExists("inbox_item") ? InboxSchema.guards : [])
                + (try db.tableExists("formulary_overlay") ? FormularyOverlaySchema.guards : [])
            for g in guards {
                guard let sql = triggers[g.name] else { problems.append(.guardMissing(g.name)); continue }
                if TamperGuards.normalized(sql) != TamperGuards.normalized(g.sql) { problems.append(.guardChanged(g.name)) }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], rowID: Int64? = row[1], parent: String = row[2]
                problems.append(.danglingReference(table: table, rowID: rowID ?? 0, refersTo: parent))
            }
            return IntegrityReport(auditRows: chain.rows, head: chain.head, guards: guards.count,
                                   problems: problems)
        }
    }

    /// Walks the audit rows in id order and recomputes each link; stops at the first break
    /// (every later link then differs too). Also finds links whose row was deleted.
    private static func verifyChain(_ db: Database) throws
        -> (rows: Int, head: (id: Int64, hash: String)?, problems: [IntegrityReport.Problem]) {
        var previous = AuditSeal.genesis, previousID: Int64?
        var rows = 0, broken: (id: Int64, problem: IntegrityReport.Problem)?
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT a.id, a.at, a.actor, a.action, a.patient_id, a.course_id, a.detail, s.account, s.hash
              FROM audit a LEFT JOIN audit_seal s ON s.audit_id = a.id ORDER BY a.id
            """)
        while let row = try cursor.next() {
            rows += 1
            guard broken == nil else { continue }
            let id: Int64 = row[0]
            guard let stored: Data = row[8] else { broken = (id, .unsealed(auditID: id)); continue }
            let link = AuditSeal.link(previous: previous, id: id, at: row[1], actor: row[2], action: row[3],
                                      patientID: row[4], courseID: row[5], detail: row[6], account: row[7])
            guard link == stored else { broken = (id, .brokenLink(auditID: id, previousID: previousID)); continue }
            (previous, previousID) = (stored, id)
        }
        var found: [(id: Int64, problem: IntegrityReport.Problem)] = broken.map { [$0] } ?? []
        if let gone = try Int64.fetchOne(db, sql: """
            SELECT audit_id FROM audit_seal WHERE audit_id NOT IN (SELECT id FROM audit) ORDER BY audit_id LIMIT 1
            """) {
            found.append((gone, .missingRow(auditID: gone)))
        }
        let head = previousID.map { (id: $0, hash: previous.hex) }
        return (rows, head, found.sorted { $0.id < $1.id }.map(\.problem))
    }
}

import Foundation
import GRDB
import PainLadder

extension Store {
    /// Loads many records in ONE transaction: a synthetic clinic for the benchmark, or an
    /// import. Either everything is loaded or nothing is.
    ///
    /// Why it is fast (a clinic of 10,000 patients is about 60 million rows):
    /// - one transaction: one commit and one fsync instead of one per record;
    /// - prepared statements reused for the big tables (journal and audit) instead of SQL
    ///   built and compiled per row;
    /// - the secondary indexes of the big tables are dropped first and rebuilt at the end
    ///   (from their own stored definitions, so later migrations' indexes come back too):
    ///   SQLite then builds each index with one sort instead of millions of random B-tree
    ///   inserts (engineering notes: ≈ 1.3 M rows/s against ≈ 0.17 M rows/s with the indexes
    ///   in place). Other processes never see the file without them: it all happens inside
    ///   the transaction, and WAL readers keep reading the last committed state;
    /// - a larger page cache and two sorter threads for the index builds;
    /// - into a store that holds no patient yet (a new clinic), a rollback journal instead of
    ///   the WAL for the load: every page is then written once, into the file, instead of
    ///   into the WAL and again into the file at the checkpoint (16 GB twice for 10,000
    ///   patients). A new file's rollback journal holds almost nothing, and a crash still
    ///   leaves the empty store (the next open rolls the journal back and sets WAL again).
    ///   Other processes wait for the load instead of reading the empty store meanwhile;
    ///   the store is back in WAL mode when this returns.
    ///
    /// The loader trusts its caller to pass consistent records (it skips the per-call reads
    /// that ``startCourse(_:plan:)`` and ``addPlanVersion(_:courseStatus:outcome:)`` make);
    /// the schema's constraints (CHECK, FOREIGN KEY, UNIQUE) still apply and abort the whole
    /// load on a violation. The rows written are the ones the one-at-a-time API writes.
    ///
    /// ```swift
    /// try store.bulkLoad { loader in
    ///     try loader.addPatient(patient, at: now, by: "import")
    ///     let (courseID, planID) = try loader.startCourse(course, plan: plan)
    ///     _ = try loader.append(entry)
    /// }
    /// ```
    public func bulkLoad<T>(_ body: (BulkLoader) throws -> T) throws -> T {
        let rollbackJournal = try queue.writeWithoutTransaction { db -> Bool in
            guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM patient)")! else { return false }
            // Refused ("wal" comes back) while another connection has the file open: then WAL it is.
            return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
        }
        defer {
            if rollbackJournal {
                _ = try? queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            }
        }
        return try write { db in
            let indexes = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master
                 WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('journal_entry', 'audit')
                 ORDER BY name
                """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")   // 256 MiB, for the index sorts
            try db.execute(sql: "PRAGMA threads = 2")
            defer {
                try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                try? db.execute(sql: "PRAGMA threads = 0")
            }
            for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
            for g in Self.liftedGuards { try db.execute(sql: "DROP TRIGGER \(g.name)") }
            // The reminder horizons' journal triggers too: every horizon is marked out of date
            // instead (the next reminder run rebuilds them).
            for g in SlotSchema.journalTriggers + SupplyWindowSchema.triggers { try db.execute(sql: "DROP TRIGGER \(g.name)") }
            let loader = try BulkLoader(db)
            let result = try body(loader)
            for index in indexes { try db.execute(sql: index.sql) }
            for g in Self.liftedGuards { try db.execute(sql: g.sql) }
            for g in SlotSchema.journalTriggers + SupplyWindowSchema.triggers { try db.execute(sql: g.sql) }
            try db.execute(sql: "UPDATE dose_slot_horizon SET covered_through = ''")
            return result
        }
    }
}

extension Store {
    /// The no-replace guards of the big tables, lifted for a bulk load and put back from
    /// their one definition in the same transaction (no other process sees the file without
    /// them). Each fires a sub-program per insert (a third of a load's SQLite time with the
    /// audit chain); the loader's plain INSERTs cannot replace a row anyway (a conflict
    /// aborts the load).
    static let liftedGuards = TamperGuards.all.filter {
        ["journal_no_replace", "audit_no_replace", "audit_seal_no_replace"].contains($0.name)
    }
}

/// Writes records inside ``Store/bulkLoad(_:)``'s transaction. Use it only inside the
/// closure; it counts the rows it writes.
public final class BulkLoader {
    let db: Database
    let insertEntry: RawInsert
    let insertAudit: RawInsert
    let insertSeal: RawInsert
    /// The audit chain's newest link: the loader seals each audit row it writes (see
    /// ``AuditSeal``) without reading the link back.
    var head: Data
    private let insertPlan: Statement
    /// The last schedule stored per course and its JSON: a monthly review keeps the same
    /// schedule, and encoding a schedule (several kB of JSON) is the costliest part of a
    /// plan version.
    private var scheduleJSON: [Int64: (schedule: Schedule, json: String)] = [:]

    /// Rows written so far (every table but the audit chain's links, one per audit row).
    public internal(set) var rowsWritten = 0

    init(_ db: Database) throws {
        self.db = db
        insertEntry = try RawInsert(db, sql: JournalRow.insertSQL)
        insertAudit = try RawInsert(db, sql: """
            INSERT INTO audit (at, actor, action, patient_id, course_id, detail) VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertSeal = try RawInsert(db, sql: AuditSeal.insertSQL)
        head = try AuditSeal.head(db)
        insertPlan = try db.makeStatement(sql: """
            INSERT INTO plan_version (course_id, version, replaces_id, created_at, author, reason, effective_from,
                                      hold_reason, next_review_date, overrides, schedule, decision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// As ``Store/addPatient(_:at:by:)``.
    public func addPatient(_ p: Patient, at: Date, by: String) throws {
        try Store.insertPatient(p, at: at, by: by, db)
        head = try AuditSeal.head(db)
        rowsWritten += 2
    }

    /// As ``Store/startCourse(_:plan:)``: the course, its plan as version 1 and the audit row.
    /// - Returns: the new course's and plan version's ids.
    public func startCourse(_ course: Course, plan: PlanVersion) throws -> (courseID: Int64, planVersionID: Int64) {
        let courseID = try Store.insertCourse(course, db)
        let planID = try insert(Store.firstVersion(plan, of: courseID))
        head = try Store.audit(db, .courseStarted(course, id: courseID, planVersionID: planID, reason: plan.reason),
                               previous: head)
        rowsWritten += 3
        return (courseID, planID)
    }

    /// As ``Store/addPlanVersion(_:courseStatus:outcome:)`` for a course of `patientID` whose
    /// status was `statusBefore`; `v.replacesID` and `v.version` must follow the current version.
    /// - Returns: the new plan version's id.
    public func addPlanVersion(_ v: PlanVersion, patientID: String, statusBefore: Course.Status,
                               courseStatus: Course.Status? = nil, outcome: Course.Outcome? = nil) throws -> Int64 {
        let id = try insert(v)
        let newStatus = courseStatus ?? statusBefore
        if newStatus == .stopped { scheduleJSON[v.courseID] = nil }
        if newStatus != statusBefore || outcome != nil {
            try db.execute(sql: "UPDATE course SET status = ?, outcome = ? WHERE id = ?",
                           arguments: [newStatus.rawValue, outcome?.rawValue, v.courseID])
            rowsWritten += 1
        }
        head = try Store.audit(db, .planVersion(v, id: id, patientID: patientID, replacesID: v.replacesID,
                                                statusBefore: statusBefore, statusAfter: newStatus, outcome: outcome),
                               previous: head)
        rowsWritten += 2
        return id
    }

    /// As a journal write (``Store/recordJournal(patientID:_:)``): the entry and its audit row.
    /// - Returns: the entry's id.
    @discardableResult
    public func append(_ e: JournalEntry) throws -> Int64 {
        try insertEntry.run(db, JournalRow.values(e))
        let id = db.lastInsertedRowID
        let audit = Self.auditValues(e), detail = Self.auditDetail(entry: id, supersedes: e.supersedes)
        try insertAudit.run(db, audit, last: detail)
        var hasher = AuditSeal.Hasher(previous: head)
        hasher.int(db.lastInsertedRowID)
        for value in audit { hasher.raw(value) }
        hasher.raw(detail)
        try seal(db.lastInsertedRowID, hasher)
        rowsWritten += 2
        return id
    }

    /// Writes the link of audit row `auditID`, whose fields `hasher` holds (the account is added here).
    func seal(_ auditID: Int64, _ hasher: AuditSeal.Hasher) throws {
        var hasher = hasher
        hasher.text(SystemAccount.current)
        head = hasher.finish()
        try insertSeal.run(db, [.int(auditID), .text(SystemAccount.current), .blob(head)])
    }

    /// A journal entry's audit row (``insertAudit``'s columns) but the last, its detail, which
    /// names the entry's id and is known only once the entry is inserted.
    static func auditValues(_ e: JournalEntry) -> [RawValue] {
        [.text(StoreTime.string(e.recordedAt)), .text(e.recordedBy), .text("journal." + e.kind.rawValue),
         .text(e.patientID), .int(e.courseID)]
    }

    /// The same text StoreJSON gives for ["entry": id, "supersedes": n] (sorted keys).
    static func auditDetail(entry id: Int64, supersedes: Int64?) -> RawValue {
        .text("{\"entry\":\(id),\"supersedes\":\(supersedes ?? 0)}")
    }

    private func insert(_ v: PlanVersion) throws -> Int64 {
        let schedule: String
        if let cached = scheduleJSON[v.courseID], cached.schedule == v.schedule {
            schedule = cached.json
        } else {
            schedule = try StoreJSON.encode(v.schedule)
            scheduleJSON[v.courseID] = (v.schedule, schedule)
        }
        try insertPlan.execute(arguments: [
            v.courseID, v.version, v.replacesID, StoreTime.string(v.createdAt), v.author, v.reason,
            v.effectiveFrom.description, v.holdReason, v.nextReviewDate?.description,
            try StoreJSON.encode(v.overrides), schedule, try DecisionColumn.text(v),
        ])
        return db.lastInsertedRowID
    }
}

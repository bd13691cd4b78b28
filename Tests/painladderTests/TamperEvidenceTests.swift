import Foundation
import Testing

/// Issue 14, "Why" 6: append-only had a side door (REPLACE), triggers could be dropped, and
/// nothing would notice. Each tampering is now refused by a trigger or caught by `verify`,
/// which names the first broken link.
@Suite struct TamperEvidenceTests {
    func verify(_ cli: CLI) throws -> CLI.Result { try cli.run(["verify"]) }

    /// Runs SQL as someone with write access to the file would (the sqlite3 shell: no
    /// foreign keys, no recursive triggers).
    func tamper(_ cli: CLI, _ sql: String) throws { try Reliability.sqlite(cli.database, sql, write: true) }

    @Test func aCleanDatabaseVerifies() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let r = try verify(cli)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("verified: 5 audit rows chained"), "\(r.stdout)")
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [
        "REPLACE INTO journal_entry SELECT * FROM journal_entry WHERE id = 1",
        """
        INSERT OR REPLACE INTO journal_entry (id, patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by,
            supersedes, slot_date, slot_time, dose_mg, detail)
        SELECT id, patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, supersedes, slot_date,
            slot_time, 75, detail FROM journal_entry WHERE id = 1
        """,
        "REPLACE INTO plan_version SELECT * FROM plan_version WHERE id = 1",
        "REPLACE INTO audit SELECT * FROM audit WHERE id = 1",
        "REPLACE INTO audit_seal SELECT * FROM audit_seal WHERE audit_id = 1",
        "REPLACE INTO course SELECT * FROM course WHERE id = 1",
        "REPLACE INTO patient SELECT * FROM patient WHERE id = 'P001'",
        "UPDATE course SET drug = 'pregabalin' WHERE id = 1",
        "UPDATE patient SET id = 'P009' WHERE id = 'P001'",
        "DELETE FROM course",
        "DELETE FROM patient",
        "DELETE FROM audit_seal",
    ])
    func aRewriteOfHistoryIsRefused(sql: String) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let before = try cli.dump()
        #expect(throws: Reliability.SQLiteFailure.self) { try tamper(cli, sql) }
        #expect(try cli.dump() == before)
        #expect(try verify(cli).status == 0)
    }

    @Test func aDroppedTriggerIsCaught() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        try tamper(cli, "DROP TRIGGER journal_no_replace")
        // The side door is open again: the REPLACE goes through ...
        try tamper(cli, "REPLACE INTO journal_entry SELECT * FROM journal_entry WHERE id = 1")
        // ... and verify says so.
        let r = try verify(cli)
        #expect(r.status == 65)
        #expect(r.stderr == "painladder: verify: guard journal_no_replace is missing (a trigger keeping history append-only was dropped)\n")
        #expect(r.stdout.hasPrefix("NOT verified: 1 problem"))
    }

    @Test func aChangedTriggerIsCaught() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        try tamper(cli, """
            DROP TRIGGER audit_no_update;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """)
        let r = try verify(cli)
        #expect(r.status == 65)
        #expect(r.stderr.contains("guard audit_no_update is not as PainLadder wrote it"), "\(r.stderr)")
    }

    /// The triggers put back exactly as they were after the change: only the chain shows it.
    func withGuardsLifted(_ cli: CLI, _ names: [String], _ sql: String) throws {
        var restore = ""
        for name in names {
            restore += try Reliability.sqlite(cli.database, "SELECT sql FROM sqlite_master WHERE name = '\(name)'") + ";\n"
        }
        try tamper(cli, names.map { "DROP TRIGGER \($0);" }.joined() + sql + ";\n" + restore)
    }

    @Test func anAuditRowChangedWithTheTriggersDroppedIsCaught() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        try withGuardsLifted(cli, ["audit_no_update"], "UPDATE audit SET detail = '{\"entry\":1,\"supersedes\":0,\"note\":\"x\"}' WHERE id = 4")
        let r = try verify(cli)
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("painladder: verify: broken link at audit #4: it does not follow #3"), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "only the chain: \(r.stderr)")
    }

    @Test func aDeletedAuditRowIsCaught() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        try withGuardsLifted(cli, ["audit_no_delete"], "DELETE FROM audit WHERE id = 3")
        let r = try verify(cli)
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("painladder: verify: broken link at audit #3: the row was deleted"), "\(r.stderr)")
        #expect(r.stderr.contains("broken link at audit #4: it does not follow #2"), "\(r.stderr)")
    }

    @Test func aDeletedAuditRowAndItsLinkAreCaught() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        try withGuardsLifted(cli, ["audit_no_delete", "audit_seal_no_delete"],
                             "DELETE FROM audit_seal WHERE audit_id = 3; DELETE FROM audit WHERE id = 3")
        let r = try verify(cli)
        #expect(r.status == 65)
        #expect(r.stderr == "painladder: verify: broken link at audit #4: it does not follow #2 (#4 was changed, or a row between them removed or inserted)\n")
    }

    @Test func anOlderDatabaseGetsItsChainWhenItUpgrades() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try UpgradeTests.replay(into: cli)
        let r = try verify(cli)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("verified: 8 audit rows chained"), "\(r.stdout)")
    }
}

import Foundation
import GRDB

/// Migration "v5-trust": who acted and history that cannot be rewritten unseen.
///
/// - `audit.patient_id` may be NULL: a change of the clinic's accounts concerns no patient.
///   SQLite cannot relax a NOT NULL in place, so the table is rebuilt with the same columns
///   in the same order (every row and id kept).
/// - `audit_seal`: each audit row's link in the hash chain and the operating-system account
///   that wrote it (NULL for rows written before this migration). A side table, so the
///   audit rows themselves read as before.
/// - `clinic_account`: the accounts a clinic names (clinicians; patient or carer accounts
///   linked to patient ids). Changed only with an audit row.
/// - The chain is built for the existing rows, and every guarding trigger created from
///   ``TamperGuards``.
enum TrustSchema {
    static func v5(_ db: Database) throws {
        let instant = StoreTime.instantGlob
        try db.execute(sql: """
            CREATE TABLE audit_v5 (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL CHECK (at GLOB '\(instant)'),
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                patient_id TEXT REFERENCES patient(id),
                course_id INTEGER REFERENCES course(id),
                detail TEXT NOT NULL CHECK (json_valid(detail))
            ) STRICT;
            INSERT INTO audit_v5 (id, at, actor, action, patient_id, course_id, detail)
                SELECT id, at, actor, action, patient_id, course_id, detail FROM audit ORDER BY id;
            DROP TABLE audit;
            ALTER TABLE audit_v5 RENAME TO audit;
            CREATE INDEX audit_by_patient ON audit(patient_id, id);
            CREATE INDEX audit_by_course ON audit(course_id);

            CREATE TABLE audit_seal (
                audit_id INTEGER PRIMARY KEY REFERENCES audit(id),
                account TEXT,
                hash BLOB NOT NULL CHECK (length(hash) = 32)
            ) STRICT;

            CREATE TABLE clinic_account (
                account TEXT NOT NULL CHECK (length(account) BETWEEN 1 AND 64),
                role TEXT NOT NULL CHECK (role IN ('clinician', 'patient')),
                patient_id TEXT REFERENCES patient(id),
                CHECK ((role = 'patient') = (patient_id IS NOT NULL)),
                UNIQUE (account, role, patient_id)
            ) STRICT;
            """)
        var previous = AuditSeal.genesis
        let insert = try db.makeStatement(sql: AuditSeal.insertSQL)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, at, actor, action, patient_id, course_id, detail FROM audit ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            previous = AuditSeal.link(previous: previous, id: id, at: row[1], actor: row[2], action: row[3],
                                      patientID: row[4], courseID: row[5], detail: row[6], account: nil)
            try insert.execute(arguments: [id, nil as String?, previous])
        }
        for g in TamperGuards.all {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(g.name)")
            try db.execute(sql: g.sql)
        }
    }
}

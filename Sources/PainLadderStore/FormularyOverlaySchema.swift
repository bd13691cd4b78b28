import GRDB

/// Migration "v8-formulary-overlay": the clinic's local formulary overlay kept in the
/// database, every version kept (append-only, guarded; `verify` checks the guards once the
/// table exists). The newest version is in force.
enum FormularyOverlaySchema {
    static func v8(_ db: Database) throws {
        let instant = StoreTime.instantGlob
        try db.execute(sql: """
            CREATE TABLE formulary_overlay (
                version INTEGER PRIMARY KEY CHECK (version >= 1),
                name TEXT NOT NULL,
                file TEXT NOT NULL,
                content BLOB NOT NULL,
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                stored_at TEXT NOT NULL CHECK (stored_at GLOB '\(instant)'),
                stored_by TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
            ) STRICT;
            """)
        for g in guards { try db.execute(sql: g.sql) }
    }

    static let guards = TamperGuards.appendOnly("formulary_overlay", "formulary_overlay", key: "version = NEW.version",
                                                "stored formulary overlays are kept: store a new version")
}

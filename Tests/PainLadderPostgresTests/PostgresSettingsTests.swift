import Foundation
import PainLadder
@testable import PainLadderPostgres
import Testing

/// Reading the database setting, the standard environment and the password file: no server.
@Suite struct PostgresSettingsTests {
    @Test func theAddressWinsOverTheEnvironment() throws {
        let s = try PostgresSettings(url: "postgresql://db.north:6543/clinic",
                                     environment: ["PGHOST": "elsewhere", "PGPORT": "1", "PGUSER": "dr.khan",
                                                   "PGDATABASE": "other", "PGPASSWORD": "s3cret"])
        #expect(s == PostgresSettings(host: "db.north", port: 6543, database: "clinic", user: "dr.khan", password: "s3cret"))
        #expect(s.shown == "postgresql://db.north:6543/clinic")
    }

    @Test func whatTheAddressLeavesOutComesFromTheEnvironment() throws {
        let s = try PostgresSettings(url: "postgresql://", environment: ["PGHOST": "10.0.0.9", "PGPORT": "5433",
                                                                          "PGUSER": "nurse", "PGDATABASE": "pain"])
        #expect(s == PostgresSettings(host: "10.0.0.9", port: 5433, database: "pain", user: "nurse", password: nil))
        let bare = try PostgresSettings(url: "postgresql://", environment: ["USER": "ann"], home: "/nonexistent")
        #expect(bare == PostgresSettings(host: "127.0.0.1", port: 5432, database: "ann", user: "ann", password: nil))
    }

    @Test func aPasswordInTheAddressIsRefusedWithoutShowingIt() throws {
        do {
            _ = try PostgresSettings(url: "postgresql://dr.khan:s3cret@db/clinic", environment: [:])
            Issue.record("accepted a password in the address")
        } catch let PainLadderError.noDatabase(path, reason) {
            #expect(path == "postgresql://db/clinic")
            #expect(!reason.contains("s3cret"))
        }
    }

    @Test func aFilePathIsNotAServerSetting() {
        #expect(!PostgresSettings.isServerSetting("clinic.sqlite"))
        #expect(!PostgresSettings.isServerSetting("/srv/postgresql://x"))
        #expect(PostgresSettings.isServerSetting("postgresql://db/clinic"))
        #expect(PostgresSettings.isServerSetting("postgres://db/clinic"))
    }

    @Test func thePasswordFileMatchesAsLibpqDoes() {
        let file = PasswordFile(text: """
            # comment
            db.north:5432:clinic:dr.khan:first
            *:*:clinic:dr.khan:second
            db\\:odd:*:*:*:co\\:lon
            """)
        #expect(file.password(host: "db.north", port: 5432, database: "clinic", user: "dr.khan") == "first")
        #expect(file.password(host: "db.south", port: 5432, database: "clinic", user: "dr.khan") == "second")
        #expect(file.password(host: "db:odd", port: 1, database: "x", user: "y") == "co:lon")
        #expect(file.password(host: "db.south", port: 5432, database: "other", user: "dr.khan") == nil)
    }

    @Test func aPasswordFileOthersCanReadIsIgnored() throws {
        let path = NSTemporaryDirectory() + "pgpass-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "*:*:*:*:open".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(PasswordFile(path: path) == nil)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let s = try PostgresSettings(url: "postgresql://h/d", environment: ["PGPASSFILE": path, "PGUSER": "u"])
        #expect(s.password == "open")
    }
}

/// The schema scripts are sent one statement at a time.
@Suite struct ScriptSplittingTests {
    @Test func semicolonsInsideQuotesBodiesAndCommentsDoNotSplit() {
        let script = """
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'no; never'; END $$;
            -- the server's own; not a statement
            INSERT INTO t VALUES ('a;b');
            SELECT 1
            """
        #expect(PostgresSession.statements(script) == [
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN RAISE EXCEPTION 'no; never'; END $$",
            "-- the server's own; not a statement\nINSERT INTO t VALUES ('a;b')",
            "SELECT 1",
        ])
    }
}

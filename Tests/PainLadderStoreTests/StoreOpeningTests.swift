import Foundation
import GRDB
import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import PainLadderTestSupport
import Testing

@Suite("Opening the database file")
struct StoreOpeningTests {
    @Test("created, closed, reopened: data survives; WAL, synchronous FULL, foreign keys on")
    func reopen() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            do {
                let store = try Store(path: path, createIfMissing: true)
                try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
                _ = try store.startCourse(sampleCourse(), plan: samplePlan())
            }
            let store = try Store(path: path, createIfMissing: false)
            #expect(try store.patient("P001") == samplePatient())
            #expect(try store.currentPlan(courseID: 1)?.schedule == sampleSchedule())

            let query = { (db: Database) in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                 try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                 try Int32.fetchOne(db, sql: "PRAGMA application_id"))
            }
            for (name, values) in [("reader", try store.queue.read(query)), ("writer", try store.queue.write(query))] {
                #expect(values.0 == "wal", "\(name)")
                #expect(values.1 == 2, "\(name): synchronous must read back FULL (2)")
                #expect(values.2 == 1, "\(name)")
                #expect(values.3 == Schema.applicationID, "\(name)")
            }
        }
    }

    @Test("the file, -wal and -shm are 0600; missing parent folders are created 0700")
    func permissions() throws {
        try withTemporaryDirectory { dir in
            let folder = dir + "/a/b"
            let path = folder + "/db.sqlite"
            let store = try Store(path: path, createIfMissing: true)
            try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
            #expect(mode(dir + "/a") == 0o700)
            #expect(mode(folder) == 0o700)
            #expect(mode(path) == 0o600)
            #expect(mode(path + "-wal") == 0o600)
            #expect(mode(path + "-shm") == 0o600)
        }
    }

    @Test("a missing file without create is .noDatabase and nothing is created")
    func missingWithoutCreate() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/sub/db.sqlite"
            #expect(throws: PainLadderError.noDatabase(path: path, reason: "no such file")) {
                try Store(path: path, createIfMissing: false)
            }
            #expect(!FileManager.default.fileExists(atPath: dir + "/sub"))
        }
    }

    @Test("a file of random bytes is refused and left unchanged")
    func garbage() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            var random = SystemRandomNumberGenerator()
            let junk = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) })
            #expect(FileManager.default.createFile(atPath: path, contents: junk, attributes: [.posixPermissions: 0o600]))
            let error = try #require(throws: PainLadderError.self) { try Store(path: path, createIfMissing: true) }
            guard case .noDatabase(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("is not a PainLadder database"))
            #expect(bytes(path) == junk)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test("another application's SQLite file is refused and left unchanged")
    func foreignDatabase() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/other.sqlite"
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
            try queue.close()
            chmod(path, 0o600)   // private, as the store requires, so the contents are what is refused
            let before = bytes(path)
            let error = try #require(throws: PainLadderError.self) { try Store(path: path, createIfMissing: false) }
            #expect(error.description.contains("is not a PainLadder database"))
            #expect(bytes(path) == before)
        }
    }

    @Test("a file other users can write to is refused", arguments: [0o666, 0o620, 0o602])
    func worldWritable(permissions: Int) throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            _ = try Store(path: path, createIfMissing: true)
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
            let error = try #require(throws: PainLadderError.self) { try Store(path: path, createIfMissing: false) }
            #expect(error.description.contains("other users can write"))
            #expect(mode(path) == permissions)
        }
    }

    @Test("a read-only file is refused with a clear message",
          .enabled(if: getuid() != 0, "root can write to any file"))
    func readOnly() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            _ = try Store(path: path, createIfMissing: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
            let error = try #require(throws: PainLadderError.self) { try Store(path: path, createIfMissing: false) }
            #expect(error.description.contains("read-only"))
        }
    }

    @Test("a database written by a newer PainLadder is refused and left unchanged")
    func newerSchema() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            do {
                let store = try Store(path: path, createIfMissing: true)
                try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
            }
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
            try queue.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
            try queue.close()
            let before = try #require(bytes(path))
            let error = try #require(throws: PainLadderError.self) { try Store(path: path, createIfMissing: false) }
            guard case .noDatabase(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("newer PainLadder"))
            #expect(reason.contains("v99-future"))
            #expect(bytes(path) == before)
        }
    }

    @Test("an empty existing file becomes a database; a second open does not migrate again")
    func emptyFile() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o600]))
            _ = try Store(path: path, createIfMissing: false)
            let store = try Store(path: path, createIfMissing: false)
            #expect(try store.patients().isEmpty)
            let applied = try store.queue.read { try Schema.migrator.appliedMigrations($0) }
            #expect(applied == ["v1", "v2-journal", "v3-decisions", "v4-reminders", "v5-trust", "v6-prior-treatment",
                                "v7-medicines", "v7-patient-safety", "v7-journal-windows", "v7-slots",
                                "v7-supply-windows", "v8-inbox", "v8-formulary-overlay"],
                    "every migration once, in order")
        }
    }

    @Test("several processes creating the same new file at once all open it")
    func concurrentCreation() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                do {
                    let store = try Store(path: path, createIfMissing: true)
                    try store.addPatient(samplePatient("P\(i)"), at: t0, by: "cron")
                    results.append(nil)
                } catch { results.append("\(error)") }
            }
            #expect(results.values == [nil, nil, nil, nil])
            let patients = try Store(path: path, createIfMissing: false).patients()
            #expect(patients.count == 4)
        }
    }

    @Test("a writer waiting longer than the busy timeout gets .busy and changes nothing")
    func busy() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let store = try Store(path: path, createIfMissing: true, busyTimeout: 0.2)
            let other = try DatabaseQueue(path: path)
            try other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                let error = try #require(throws: PainLadderError.self) {
                    try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
                }
                guard case .databaseBusy = error else { Issue.record("\(error)"); return }
                try db.execute(sql: "ROLLBACK")
            }
            #expect(try store.patients().isEmpty)
        }
    }

    @Test("plan versions and the audit trail cannot be changed even with SQL")
    func appendOnly() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let store = try Store(path: path, createIfMissing: true)
            try store.addPatient(samplePatient(), at: t0, by: "dr.khan")
            _ = try store.startCourse(sampleCourse(), plan: samplePlan())
            for sql in ["UPDATE plan_version SET reason = 'x'", "DELETE FROM plan_version",
                        "UPDATE audit SET actor = 'x'", "DELETE FROM audit"] {
                #expect(throws: DatabaseError.self, "\(sql)") { try store.queue.write { try $0.execute(sql: sql) } }
            }
        }
    }

    @Test("instants are stored as UTC ISO 8601 with milliseconds, dates as YYYY-MM-DD")
    func storedText() throws {
        try withTemporaryDirectory { dir in
            let store = try Store(path: dir + "/db.sqlite", createIfMissing: true)
            try store.addPatient(samplePatient(), at: t0.addingTimeInterval(0.1234), by: "dr.khan")
            let row = try #require(try store.queue.read { try Row.fetchOne($0, sql: "SELECT * FROM patient") })
            #expect(row["created_at"] as String == "2026-03-02T09:00:00.123Z")
            #expect(row["birth_date"] as String == "1958-04-12")
            #expect(StoreTime.string(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
            for date in [t0, Date(timeIntervalSince1970: -86_400.25), Date(timeIntervalSince1970: 4_102_444_799.999)] {
                #expect(StoreTime.date(StoreTime.string(date)) == date)
            }
            #expect(StoreTime.date("2026-03-02 09:00:00.000Z") == nil)
        }
    }

    @Test("default path: PAINLADDER_DB, else XDG_DATA_HOME, else ~/.local/share")
    func defaultPath() {
        #expect(Store.defaultPath(environment: ["PAINLADDER_DB": "/x/p.db", "HOME": "/home/a"]) == "/x/p.db")
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/home/a"])
                == "/d/painladder/painladder.sqlite")
        #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"])
                == "/home/a/.local/share/painladder/painladder.sqlite")
        #expect(Store.defaultPath(environment: ["PAINLADDER_DB": "", "HOME": "/home/a"])
                == "/home/a/.local/share/painladder/painladder.sqlite")
    }
}

/// Collects results from concurrent work.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String?] = []
    func append(_ value: String?) { lock.withLock { stored.append(value) } }
    var values: [String?] { lock.withLock { stored } }
}

import Foundation
import GRDB
import PainLadder

/// The PainLadder database: one SQLite file, the only code that speaks SQL.
///
/// Every public method is one transaction: it either does all it says or changes nothing.
/// Methods return core values (``Patient``, ``Course``, ``PlanVersion``, ``AuditEntry``),
/// and every failure is a ``PainLadderError`` with a sentence a person can act on.
///
/// ```swift
/// import PainLadder
/// import PainLadderStore
///
/// let store = try Store(path: Store.defaultPath(environment: ProcessInfo.processInfo.environment),
///                       createIfMissing: true)
/// try store.addPatient(patient, at: Date(), by: "dr.khan")
/// let (course, plan) = try store.startCourse(course, plan: firstPlan)
/// ```
///
/// A `Store` is `Sendable`: share one between threads or tasks. Several processes (a patient
/// command, a clinician command, the cron job) may open the same file at once.
///
/// ## How the file is opened
/// - The file is created with mode 0600 and its folder with 0700 before SQLite opens it:
///   it holds health data. SQLite gives `-wal` and `-shm` the database file's mode; once
///   open, the files SQLite holds are checked and tightened through their descriptors.
/// - A symbolic link (it is refused, not followed), a file or companion that other users
///   can read or write, a file of another account, a file without the owner's write bit
///   (root's writes ignore modes), a file that is not SQLite, a
///   SQLite file of another application, and a database written by a newer PainLadder
///   (its schema has migrations this build does not know) are refused and left untouched.
/// - WAL journal (set in the file when it is created): other processes' readers never wait
///   for a writer, and a writer waits up to `busyTimeout` for another writer before failing
///   with ``PainLadderError/busy(_:)`` (exit 75, try again), having changed nothing. Each
///   `Store` holds one connection (`DatabaseQueue`): a command does one thing at a time.
/// - `PRAGMA synchronous = FULL` on every connection: in WAL mode `NORMAL` can lose the
///   last transactions on power loss (they are in the WAL but not yet synced). For health
///   records a change the CLI reports as done must survive a crash or power cut, so every
///   commit syncs the WAL; it costs about 0.2 ms a commit here (see engineering notes).
/// - `PRAGMA foreign_keys = ON`.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// Schedules this store has decoded (plan versions never change).
    let schedules = ScheduleCache()

    /// Opens (and if allowed creates) the database at `path`, upgrading its schema if an
    /// older release wrote it.
    ///
    /// - Parameters:
    ///   - path: the SQLite file; see ``defaultPath(environment:)``.
    ///   - createIfMissing: create the file (and its folders) when it does not exist; when
    ///     `false` a missing file throws ``PainLadderError/noDatabase(path:reason:)``.
    ///   - readOnly: the caller only reads: the file is opened read-only (so a read-only
    ///     file or mount still serves it), unless its schema must be upgraded first.
    ///   - allowedOwner: an account besides this process's own whose file may be used (the
    ///     account a clinic's settings name as the database's owner); `nil`: only our own.
    ///   - busyTimeout: how long a write waits for another process's write (seconds).
    /// - Throws: ``PainLadderError/noDatabase(path:reason:)`` (exit 66) for a missing,
    ///   foreign, damaged, unsafe, read-only or newer database; ``PainLadderError/busy(_:)``;
    ///   ``PainLadderError/readOnlyFileSystem(path:)``, ``PainLadderError/diskFull(path:)``.
    public init(path: String, createIfMissing: Bool, readOnly: Bool = false, allowedOwner: uid_t? = nil,
                busyTimeout: TimeInterval = 5) throws {
        guard !path.isEmpty else { throw PainLadderError.noDatabase(path: path, reason: "no path given") }
        self.path = path
        if readOnly, case .sqlite = try DatabaseFile(path: path, forWriting: false, allowedOwner: allowedOwner).inspect(),
           let reader = try Self.openForReading(path, allowedOwner: allowedOwner, busyTimeout: busyTimeout) {
            queue = reader
            return
        }
        let file = DatabaseFile(path: path, forWriting: true, allowedOwner: allowedOwner)

        var existing: Bool
        switch try file.inspect() {
        case .missing:
            guard createIfMissing else {
                throw PainLadderError.noDatabase(path: path, reason: "no such file")
            }
            try file.createPrivately()
            existing = try file.inspect() != .empty   // a racing process created and wrote it first
        case .empty:
            existing = false
        case .sqlite:
            existing = true
        }

        do {
            // One connection (a CLI command does one thing at a time). Opening it writes
            // nothing, so a refused file is left exactly as it was: a `DatabasePool` would
            // write a dummy transaction (and sync it) whenever the WAL file is absent, which
            // it is after every command, since the last connection to close removes it.
            queue = try DatabaseQueue(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
            try queue.inDatabase { try file.secureOpened($0) }
            let migrated = existing ? try Self.preflight(queue, path: path) : false
            try queue.writeWithoutTransaction { db in
                // WAL is a property of the file: set when it is created (or if a copy was
                // made in another journal mode), then every later connection uses it.
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw PainLadderError.noDatabase(path: path, reason: "cannot use a write-ahead log here (WAL mode)")
                    }
                }
            }
            if !migrated { try Self.migrate(queue, path: path) }
            try queue.inDatabase { try file.secureOpened($0) }
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    /// Opens a database for a command that only reads: `SQLITE_OPEN_READONLY`, so it works on
    /// a read-only file or mount. Where SQLite cannot make the `-shm` file a WAL reader needs
    /// (a read-only mount, or a full disk when no other connection has made it), the file is
    /// opened `immutable`: nothing can change it on a read-only mount, and on a full disk no
    /// write can commit (a WAL with changes in it is read the ordinary way instead).
    /// Returns nil when the schema must be upgraded first: the caller opens it for writing.
    private static func openForReading(_ path: String, allowedOwner: uid_t?, busyTimeout: TimeInterval) throws -> DatabaseQueue? {
        let file = DatabaseFile(path: path, forWriting: false, allowedOwner: allowedOwner)
        var config = configuration(busyTimeout: busyTimeout)
        config.readonly = true
        do {
            var location = path
            var wal = stat(), shm = stat()
            let walHasChanges = stat(path + "-wal", &wal) == 0 && wal.st_size > 0
            if DatabaseFile.onReadOnlyFileSystem(path) {
                if walHasChanges {
                    throw PainLadderError.noDatabase(
                        path: path, reason: "has changes in its write-ahead log (-wal) that cannot be applied on a "
                            + "read-only file system; mount it writable once to read them")
                }
                location = immutableURI(path)
            } else if DatabaseFile.onFullFileSystem(path), !walHasChanges,
                      stat(path + "-shm", &shm) != 0 || shm.st_size < 32_768 {
                location = immutableURI(path)
            }
            let queue = try DatabaseQueue(path: location, configuration: config)
            try queue.inDatabase { try file.secureOpened($0) }
            if try preflight(queue, path: path) { return queue }
            // Pending migrations that reads can do without: the read leaves the file exactly as
            // it was (the next write upgrades it).
            let pending = try queue.read { db in
                Set(Schema.migrator.migrations).subtracting(try Schema.migrator.appliedIdentifiers(db))
            }
            return pending.isSubset(of: Schema.readableWithout) ? queue : nil
        } catch {
            throw mapped(error, path: path)
        }
    }

    /// `file:PATH?immutable=1`, the path percent-encoded as a URI filename requires.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // The journal mode is left to the file (WAL, set when it was created): GRDB's `.wal`
        // would write a dummy transaction on every open that finds no WAL file.
        config.prepareDatabase { db in
            // The setting is per connection.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// Applies missing migrations (refusing a database that a newer PainLadder wrote in
    /// the meantime).
    private static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let migrator = Schema.migrator
        let (superseded, complete, applied) = try queue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db),
             try migrator.appliedIdentifiers(db))
        }
        if superseded { throw newer(path: path, applied: applied) }
        if complete { return }
        do {
            try migrator.migrate(queue)
        } catch {
            // Two processes creating the same database: the other one migrated first.
            if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
            throw error
        }
    }

    private static func newer(path: String, applied: Set<String>) -> PainLadderError {
        let migrator = Schema.migrator
        let unknown = applied.subtracting(migrator.migrations).sorted().joined(separator: ", ")
        return .noDatabase(
            path: path,
            reason: "was written by a newer PainLadder (schema \(unknown)); this build knows schema up to "
                + "\(migrator.migrations.last ?? "none"); install the newer painladder. Nothing was changed")
    }

    /// Reads an existing file before anything writes to it, and refuses it, untouched,
    /// unless it is a PainLadder database this build understands (or an empty SQLite
    /// database). Returns whether every migration this build knows is already applied.
    private static func preflight(_ queue: DatabaseQueue, path: String) throws -> Bool {
        do {
            return try queue.read { db in   // GRDB's read-only read: nothing can write yet
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let applied = try Schema.migrator.appliedIdentifiers(db)
                if id == Schema.applicationID {
                    if try Schema.migrator.hasBeenSuperseded(db) { throw newer(path: path, applied: applied) }
                    return try Schema.migrator.hasCompletedMigrations(db)
                }
                // Not marked as ours: acceptable only while empty (a creation that stopped
                // before its first migration committed).
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    """)
                if id != 0 || !tables.allSatisfy({ $0 == "grdb_migrations" }) || !applied.isEmpty {
                    throw PainLadderError.noDatabase(
                        path: path, reason: notOurs + " (it is another application's SQLite file)")
                }
                return false
            }
        } catch {
            throw mapped(error, path: path)
        }
    }

    // MARK: - One transaction per public method

    /// Runs `body` in one IMMEDIATE write transaction; errors come out as ``PainLadderError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch { throw Self.mapped(error, path: path) }
    }

    /// Runs `body` in one read transaction (a consistent snapshot: a DEFERRED transaction that
    /// only reads never takes the write lock).
    ///
    /// Not `DatabaseQueue.read`: it marks the connection `query_only` for the read and clears
    /// it after, and changing that pragma expires every prepared statement, so each read
    /// compiled its statements again (the reminder job reads every course: half its time).
    /// The closures given here are SELECTs only.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch { throw Self.mapped(error, path: path) }
    }
}

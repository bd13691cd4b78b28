import Foundation
import PainLadder

/// Where a PostgreSQL clinic lives and who logs in: a `postgresql://host:port/database` setting
/// completed by the standard PostgreSQL environment (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE`, `PGPASSWORD`) and the password file (`PGPASSFILE` or `~/.pgpass`).
///
/// A password never comes from the setting itself (it would show in the process list and the
/// shell history), and ``shown`` is the one form written anywhere: no user, no password.
///
/// ```swift
/// let settings = try PostgresSettings(url: "postgresql://db.clinic:5432/painladder",
///                                     environment: ProcessInfo.processInfo.environment)
/// print(settings.shown)          // postgresql://db.clinic:5432/painladder
/// ```
public struct PostgresSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    /// From `PGPASSWORD` or the password file; `nil` for trust or peer logins.
    public var password: String?

    /// The setting as it may be printed: scheme, host, port and database only.
    public var shown: String { "postgresql://\(host):\(port)/\(database)" }

    /// Whether a database setting names a PostgreSQL server rather than a SQLite file.
    public static func isServerSetting(_ setting: String) -> Bool {
        setting.hasPrefix("postgresql://") || setting.hasPrefix("postgres://")
    }

    public init(host: String, port: Int, database: String, user: String, password: String?) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
    }

    /// Reads `url`, filling what it leaves out from `environment` (then the defaults
    /// `127.0.0.1`, 5432, the login's name for user and database).
    /// - Parameter home: where `~/.pgpass` is looked for when `PGPASSFILE` is not set.
    /// - Throws: ``PainLadderError/noDatabase(path:reason:)`` for a setting that is not a
    ///   `postgresql://` address, or that carries a password.
    public init(url: String, environment: [String: String], home: String? = nil) throws {
        guard Self.isServerSetting(url), let parts = URLComponents(string: url) else {
            throw PainLadderError.noDatabase(path: Self.redacted(url), reason: "not a postgresql:// address")
        }
        if parts.password != nil {
            throw PainLadderError.noDatabase(
                path: Self.redacted(url),
                reason: "a password does not belong in the address; use PGPASSWORD or the password file")
        }
        let env = { (key: String) in environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGHOST") ?? "127.0.0.1"
        port = parts.port ?? env("PGPORT").flatMap(Int.init) ?? 5432
        user = parts.user.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGUSER") ?? env("USER") ?? "postgres"
        let path = String(parts.path.drop(while: { $0 == "/" }))
        database = path.isEmpty ? (env("PGDATABASE") ?? user) : path
        if let given = env("PGPASSWORD") {
            password = given
        } else {
            let file = env("PGPASSFILE") ?? (home ?? env("HOME")).map { $0 + "/.pgpass" }
            password = file.flatMap { PasswordFile(path: $0)?.password(host: host, port: port, database: database, user: user) }
        }
    }

    /// The address without anything between `://` and `@` (a user or password), for messages.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound ..< url.endIndex)
        else { return url }
        return String(url[..<scheme.upperBound]) + String(url[at.upperBound...])
    }
}

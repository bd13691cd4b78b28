import Foundation
import PainLadder
import PostgresNIO

/// One login to the server, used synchronously: ``ClinicStore`` is a synchronous protocol whose
/// units of work call back into the workflow between reads and writes, so each statement waits
/// for its `EventLoopFuture` on the caller's thread (the work itself runs on NIO's event loop,
/// never on the Swift concurrency pool, which a blocked caller could starve). One unit of work
/// at a time per session (a lock), each one transaction.
final class PostgresSession: Sendable {
    let settings: PostgresSettings
    private let connection: PostgresConnection
    private let lock = NSLock()
    private let logger: Logger

    /// Serialization failures and deadlocks are retried this many times before ``busy``.
    static let attempts = 5

    init(_ settings: PostgresSettings) throws {
        self.settings = settings
        var logger = Logger(label: "painladder.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.database, tls: .disable)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PainLadderError.noDatabase(path: settings.shown, reason: Self.reason(error))
        }
    }

    deinit { try? connection.close().wait() }

    /// Runs one statement and returns its rows.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    /// Runs several statements separated by semicolons (schema scripts; no parameters), one
    /// at a time: the extended protocol PostgresNIO speaks takes one statement per message.
    func script(_ sql: String) throws {
        for statement in Self.statements(sql) {
            try run(PostgresQuery(unsafeSQL: statement))
        }
    }

    /// Splits a script at the semicolons outside quotes, `$$` bodies and `--` comments.
    static func statements(_ sql: String) -> [String] {
        var result: [String] = [], current = ""
        var inQuote = false, inDollar = false, inComment = false
        var previous: Character = " "
        for c in sql {
            if inComment {
                if c == "\n" { inComment = false }
            } else if inQuote {
                if c == "'" { inQuote = false }
            } else if inDollar {
                if c == "$" && previous == "$" { inDollar = false; previous = " "; current.append(c); continue }
            } else if c == "-" && previous == "-" {
                inComment = true
            } else if c == "'" {
                inQuote = true
            } else if c == "$" && previous == "$" {
                inDollar = true; previous = " "; current.append(c); continue
            } else if c == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { result.append(statement) }
                current = ""; previous = " "
                continue
            }
            current.append(c)
            previous = c
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty && !last.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) {
            result.append(last)
        }
        return result
    }

    /// Runs `body` in one SERIALIZABLE transaction, committed when it returns. A serialization
    /// failure or deadlock rolls back and runs `body` again from the start (it reads afresh);
    /// after ``attempts`` tries the store reports itself busy.
    func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        try lock.withLock {
            for _ in 1 ... Self.attempts {
                do {
                    try run("BEGIN ISOLATION LEVEL SERIALIZABLE \(unescaped: readOnly ? "READ ONLY" : "READ WRITE")")
                    let value = try body()
                    try run("COMMIT")
                    return value
                } catch {
                    _ = try? run("ROLLBACK")
                    if Self.isRetryable(error) { continue }
                    throw Self.mapped(error, settings: settings)
                }
            }
            throw PainLadderError.databaseBusy(path: settings.shown)
        }
    }

    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// 40001 serialization_failure, 40P01 deadlock_detected.
    static func isRetryable(_ error: any Error) -> Bool {
        ["40001", "40P01"].contains(sqlState(error) ?? "")
    }

    /// A domain error passes through; a server's refusal becomes an internal error naming its
    /// message (a guard or a check fired: the store's own invariant, not the user's input).
    static func mapped(_ error: any Error, settings: PostgresSettings) -> any Error {
        if error is PainLadderError { return error }
        if let psql = error as? PSQLError, psql.serverInfo == nil {
            return PainLadderError.noDatabase(path: settings.shown, reason: reason(psql))
        }
        return PainLadderError.internalError(reason(error))
    }

    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}

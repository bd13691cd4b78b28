import GRDB
import GRDBSQLite

/// A prepared INSERT run with SQLite's own binding calls: the bulk loader's hot path.
///
/// Why: GRDB's `execute(arguments:)` boxes every value as a `DatabaseValue` in an array of
/// existentials, about 10,000 instructions a row, a quarter of loading a clinic. The values
/// are the same ones, bound in the same column order, so the rows are the same.
struct RawInsert {
    let statement: Statement
    private var sqlite: SQLiteStatement { statement.sqliteStatement }
    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Binds `values` in order (each a `String`, `Int64`, `Int` or `nil`), runs the insert,
    /// and resets the statement for the next row.
    func run(_ db: Database, _ values: [RawValue]) throws {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(sqlite, index)
            case let .int(v): code = sqlite3_bind_int64(sqlite, index, v)
            case var .text(s):
                code = s.withUTF8 { sqlite3_bind_text(sqlite, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard code == SQLITE_OK else { throw error(db, code) }
        }
        let code = sqlite3_step(sqlite)
        sqlite3_reset(sqlite)
        guard code == SQLITE_DONE else { throw error(db, code) }
    }

    private func error(_ db: Database, _ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                      sql: statement.sql)
    }
}

/// A value for ``RawInsert``.
enum RawValue {
    case null
    case int(Int64)
    case text(String)

    static func int(_ v: Int64?) -> RawValue { v.map(RawValue.int) ?? .null }
    static func int(_ v: Int?) -> RawValue { v.map { .int(Int64($0)) } ?? .null }
    static func text(_ s: String?) -> RawValue { s.map(RawValue.text) ?? .null }
}

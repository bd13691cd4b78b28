import Foundation
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
        for (i, value) in values.enumerated() { try bind(db, value, at: Int32(i + 1)) }
        try step(db)
    }

    /// As ``run(_:_:)`` with `last` bound after `values`: a row whose last value is only
    /// known at insert time (an audit row naming the id just inserted) without copying the array.
    func run(_ db: Database, _ values: [RawValue], last: RawValue) throws {
        for (i, value) in values.enumerated() { try bind(db, value, at: Int32(i + 1)) }
        try bind(db, last, at: Int32(values.count + 1))
        try step(db)
    }

    /// As ``run(_:_:last:)`` for values whose text lies in `bytes` (see ``PackedValue``),
    /// bound WITHOUT a copy (`SQLITE_STATIC`): the statement only reads them during the step,
    /// which happens here while `bytes` is valid; the bindings are cleared before returning so
    /// the statement never keeps a pointer into `bytes`.
    func run(_ db: Database, _ values: ArraySlice<PackedValue>, in bytes: UnsafeBufferPointer<UInt8>,
             last: RawValue? = nil) throws {
        defer { sqlite3_clear_bindings(sqlite) }
        var index: Int32 = 1
        for value in values {
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(sqlite, index)
            case let .int(v): code = sqlite3_bind_int64(sqlite, index, v)
            case let .text(start, count):
                // A zero length with a nil pointer would bind NULL, not the empty text.
                code = count == 0 ? sqlite3_bind_text(sqlite, index, "", 0, Self.transient)
                                  : sqlite3_bind_text(sqlite, index, bytes.baseAddress! + start, count, Self.static)
            }
            guard code == SQLITE_OK else { throw error(db, code) }
            index += 1
        }
        if let last { try bind(db, last, at: index) }
        try step(db)
    }

    /// SQLite reads the bytes where they are, until the next bind or the statement's end.
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    private func bind(_ db: Database, _ value: RawValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(sqlite, index)
        case let .int(v): code = sqlite3_bind_int64(sqlite, index, v)
        case var .text(s):
            code = s.withUTF8 { sqlite3_bind_text(sqlite, index, $0.baseAddress, Int32($0.count), Self.transient) }
        case let .blob(data):
            code = data.withUnsafeBytes { sqlite3_bind_blob(sqlite, index, $0.baseAddress, Int32($0.count), Self.transient) }
        }
        guard code == SQLITE_OK else { throw error(db, code) }
    }

    private func step(_ db: Database) throws {
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
enum RawValue: Sendable {
    case null
    case int(Int64)
    case text(String)
    case blob(Data)

    static func int(_ v: Int64?) -> RawValue { v.map(RawValue.int) ?? .null }
    static func int(_ v: Int?) -> RawValue { v.map { .int(Int64($0)) } ?? .null }
    static func text(_ s: String?) -> RawValue { s.map(RawValue.text) ?? .null }
}

/// A value for ``RawInsert/run(_:_:in:last:)``: text as a range of a shared byte buffer, so
/// that many rows' text takes one allocation instead of one per value.
enum PackedValue: Sendable {
    case null
    case int(Int64)
    /// UTF-8 bytes `start ..< start + count` of the buffer.
    case text(start: Int, count: Int32)
}

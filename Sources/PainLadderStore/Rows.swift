import Foundation
import GRDB
import PainLadder

/// Reading core values out of rows. A stored value that does not parse means the file was
/// changed outside PainLadder: it is reported, never guessed.
enum Rows {
    struct Unreadable: Error, CustomStringConvertible {
        let table: String, column: String, value: String
        var description: String { "\(table).\(column) holds '\(value)', which PainLadder cannot read" }
    }

    static func instant(_ row: Row, _ column: String, table: String) throws -> Date {
        let text: String = row[column]
        guard let date = StoreTime.date(text) else { throw Unreadable(table: table, column: column, value: text) }
        return date
    }

    static func date(_ row: Row, _ column: String, table: String) throws -> LocalDate {
        let text: String = row[column]
        guard let date = LocalDate(parsing: text) else { throw Unreadable(table: table, column: column, value: text) }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String, table: String) throws -> LocalDate? {
        guard let _: String = row[column] else { return nil }
        return try date(row, column, table: table)
    }

    static func enumValue<E: RawRepresentable>(_ row: Row, _ column: String, table: String) throws -> E
    where E.RawValue == String {
        let text: String = row[column]
        guard let value = E(rawValue: text) else { throw Unreadable(table: table, column: column, value: text) }
        return value
    }

    static func schedule(_ row: Row, table: String) throws -> Schedule {
        try schedule(row["schedule"], table: table)
    }

    /// A stored schedule's text decoded by `decode` (the decoder, or a cache of it).
    static func schedule(_ text: String, table: String,
                         decode: (String) throws -> Schedule = StoreJSON.decodeSchedule) throws -> Schedule {
        do { return try decode(text) } catch {
            throw Unreadable(table: table, column: "schedule", value: String(text.prefix(80)))
        }
    }

    static func json<T: Decodable>(_ row: Row, _ column: String, as type: T.Type, table: String) throws -> T {
        let text: String = row[column]
        do { return try StoreJSON.decode(type, from: text) } catch {
            throw Unreadable(table: table, column: column, value: String(text.prefix(80)))
        }
    }
}

extension Database {
    /// `INSERT INTO table (columns) VALUES (…)`; returns the new rowid.
    @discardableResult
    func insertRow(into table: String, _ values: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try execute(sql: sql, arguments: StatementArguments(columns.map { values[$0]! }))
        return lastInsertedRowID
    }
}

import GRDB
import PainLadder

extension BulkLoader {
    /// Journal entries with their row and audit values already encoded (instants as text,
    /// the detail JSON), packed into one byte buffer, for ``BulkLoader/append(_:_:)``.
    ///
    /// Why: encoding is pure Swift work, and a real part of a bulk load's time. A caller can
    /// build these on another thread (the type is `Sendable`) while the loader's thread, the
    /// only one that touches SQLite, inserts the previous ones: the two then overlap instead
    /// of adding up. Packing the text into one buffer also spares the loader's thread a
    /// `free` per value and SQLite a copy per value (it reads the text where it lies). The
    /// values are exactly the ones ``BulkLoader/append(_:)`` binds, so the rows are the same.
    public struct PreparedEntries: Sendable {
        /// The text of every value, back to back (UTF-8).
        var bytes: [UInt8] = []
        /// Per entry: its journal row (``JournalRow/insertSQL``'s 12 columns), then its audit
        /// row but the last column (the detail naming the entry's id, known only at insert).
        var values: [PackedValue] = []
        var supersedes: [Int64] = []
        static let entryColumns = 12
        static let auditColumns = 5

        /// Entries held.
        public var count: Int { supersedes.count }

        public init() {}

        /// Encodes `e` as ``BulkLoader/append(_:)`` would, after the entries already held.
        public mutating func append(_ e: JournalEntry) throws {
            for value in try JournalRow.values(e) + BulkLoader.auditValues(e) { add(value) }
            supersedes.append(e.supersedes ?? 0)
        }

        private mutating func add(_ value: RawValue) {
            switch value {
            case .null, .blob: values.append(.null)   // no blob in a journal or audit row
            case let .int(v): values.append(.int(v))
            case var .text(s):
                let start = bytes.count
                s.withUTF8 { bytes.append(contentsOf: $0) }
                values.append(.text(start: start, count: Int32(bytes.count - start)))
            }
        }
    }

    /// Writes entries `range` of `entries` in order, each with its audit row, as
    /// ``append(_:)`` does one at a time.
    /// - Returns: the id of the last entry written.
    @discardableResult
    public func append(_ entries: PreparedEntries, _ range: Range<Int>) throws -> Int64 {
        let width = PreparedEntries.entryColumns + PreparedEntries.auditColumns
        var id: Int64 = 0
        try entries.bytes.withUnsafeBufferPointer { bytes in
            for i in range {
                let first = i * width
                try insertEntry.run(db, entries.values[first ..< first + PreparedEntries.entryColumns], in: bytes)
                id = db.lastInsertedRowID
                let audit = entries.values[first + PreparedEntries.entryColumns ..< first + width]
                let detail = Self.auditDetail(entry: id, supersedes: entries.supersedes[i])
                try insertAudit.run(db, audit, in: bytes, last: detail)
                var hasher = AuditSeal.Hasher(previous: head)
                hasher.int(db.lastInsertedRowID)
                for value in audit { hasher.packed(value, in: bytes) }
                hasher.raw(detail)
                try seal(db.lastInsertedRowID, hasher)
                rowsWritten += 2
            }
        }
        return id
    }

    /// A table whose ids a caller may predict, see ``nextID(_:)``.
    public enum IDTable: String, Sendable {
        case course
        case planVersion = "plan_version"
    }

    /// The id the next row inserted into `table` gets: one more than the largest so far
    /// (these tables use `INTEGER PRIMARY KEY` without AUTOINCREMENT, and the store never
    /// deletes rows). Lets a caller that prepares records ahead of the inserts, on another
    /// thread, link them (a plan version to its course) before SQLite gives the ids; it must
    /// still check each id it is given against its prediction.
    public func nextID(_ table: IDTable) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM \(table.rawValue)")!
    }
}

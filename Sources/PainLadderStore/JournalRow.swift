import Foundation
import GRDB
import GRDBSQLite
import PainLadder

/// The SQLite codec of a journal entry: how an entry is written to a `journal_entry` row and
/// read back from one. The header and the dose's slot and amount are columns (so SQL can
/// select and index by them); `detail` holds the rest as JSON (``StoreJSON/entryDetail(_:)``).
///
/// A row written before format 2 (its `detail` is the whole entry, with a `kind`) is read from
/// its `detail` alone, exactly as it was written; the columns beside it were always copies.
enum JournalRow {
    /// The columns ``entry(_:)`` reads, in its order: select them as `SELECT \(columns) FROM …`.
    static let columns = """
        id, detail, kind, patient_id, course_id, plan_version_id, at, recorded_at, recorded_by, \
        supersedes, slot_date, slot_time, dose_mg
        """

    /// Inserts one entry, its values bound from ``values(_:)``.
    static let insertSQL = """
        INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by,
                                   supersedes, slot_date, slot_time, dose_mg, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// An entry's row values in ``insertSQL``'s order, bound with their lengths: the columns
    /// are read back as the entry, so a character GRDB's binding would stop at (NUL) must
    /// reach the file too.
    static func values(_ e: JournalEntry) throws -> [RawValue] {
        let dose = e.event.dose
        return [.text(e.patientID), .int(e.courseID), .int(e.planVersionID), .text(e.kind.rawValue),
                .text(StoreTime.string(e.at)), .text(StoreTime.string(e.recordedAt)), .text(e.recordedBy),
                .int(e.supersedes), .text(dose?.slot?.date.description), .text(dose?.slot?.time.description),
                .int(dose?.doseMg), .text(try StoreJSON.entryDetail(e))]
    }

    /// The entry in the current row of `statement`, which selected ``columns``.
    static func entry(_ statement: OpaquePointer) throws -> JournalEntry {
        // sqlite3_column_text before sqlite3_column_bytes: the documented order for text.
        guard let text = sqlite3_column_text(statement, 1) else { throw unreadable("detail", "NULL") }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, 1)))
        var reader = StoreJSONReader(bytes: bytes)
        var entry: JournalEntry
        switch reader.detail() {
        case .detail(let detail)?:
            entry = try assemble(detail, statement)
        case .wholeEntry?:
            entry = try whole(bytes)
        case nil:
            // Text the fast reader does not expect: JSONDecoder decides, whole entry first (an
            // assessment is written whole), then a detail.
            let string = String(decoding: bytes, as: UTF8.self)
            if let whole = try? StoreJSON.decode(JournalEntry.self, from: string) {
                entry = whole
            } else if let detail = try? StoreJSON.decode(EntryDetail.self, from: string) {
                entry = try assemble(detail, statement)
            } else {
                throw unreadable("detail", String(string.prefix(80)))
            }
        }
        entry.id = sqlite3_column_int64(statement, 0)
        return entry
    }

    private static func whole(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JournalEntry {
        do { return try StoreJSON.decodeEntry(bytes: bytes) } catch {
            throw unreadable("detail", String(decoding: bytes.prefix(80), as: UTF8.self))
        }
    }

    private static func assemble(_ d: EntryDetail, _ s: OpaquePointer) throws -> JournalEntry {
        guard let kindText = bytes(s, 2) else { throw unreadable("kind", "NULL") }
        guard let kind = StoreJSONReader.entryKind(kindText) else {
            throw unreadable("kind", String(decoding: kindText, as: UTF8.self))
        }
        var dose: DoseDetail?
        if let parts = d.dose {
            guard let doseMg = int(s, 12) else { throw unreadable("dose_mg", "NULL") }
            var slot: SlotKey?
            if let date = bytes(s, 10), let time = bytes(s, 11) {
                guard let day = LocalDate.parseISO(date) else {
                    throw unreadable("slot_date", String(decoding: date, as: UTF8.self))
                }
                guard let clock = LocalTime(parsingBytes: time) else {
                    throw unreadable("slot_time", String(decoding: time, as: UTF8.self))
                }
                slot = SlotKey(date: day, time: clock)
            }
            dose = DoseDetail(slot: slot, doseMg: Int(doseMg), plannedDoseMg: parts.plannedDoseMg,
                              stepNumber: parts.stepNumber, late: parts.late)
        }
        guard let event = JournalEvent(kind: kind, dose: dose, sideEffect: d.sideEffect, pain: d.pain,
                                       impression: d.impression, assessment: nil) else {
            throw unreadable("detail", "no \(kind.rawValue) detail, or another kind's")
        }
        return JournalEntry(patientID: try text(s, 3, "patient_id"), courseID: int(s, 4), planVersionID: int(s, 5),
                            at: try instant(s, 6, "at"), recordedAt: try instant(s, 7, "recorded_at"),
                            recordedBy: try text(s, 8, "recorded_by"), supersedes: int(s, 9), reason: d.reason,
                            note: d.note, event: event, flags: d.flags)
    }

    private static func bytes(_ s: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(s, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, column)))
    }

    private static func text(_ s: OpaquePointer, _ column: Int32, _ name: String) throws -> String {
        guard let b = bytes(s, column) else { throw unreadable(name, "NULL") }
        return String(decoding: b, as: UTF8.self)
    }

    private static func int(_ s: OpaquePointer, _ column: Int32) -> Int64? {
        sqlite3_column_type(s, column) == SQLITE_NULL ? nil : sqlite3_column_int64(s, column)
    }

    private static func instant(_ s: OpaquePointer, _ column: Int32, _ name: String) throws -> Date {
        guard let b = bytes(s, column) else { throw unreadable(name, "NULL") }
        guard let date = StoreTime.date(bytes: b) else { throw unreadable(name, String(decoding: b, as: UTF8.self)) }
        return date
    }

    private static func unreadable(_ column: String, _ value: String) -> Rows.Unreadable {
        Rows.Unreadable(table: "journal_entry", column: column, value: value)
    }
}

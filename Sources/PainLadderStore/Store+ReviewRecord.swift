import Foundation
import GRDB
import GRDBSQLite
import PainLadder
import PainLadderClinic

extension Store {
    /// A journal row the review needs only as a ``DoseMark``: a dose (taken, skipped, missed or
    /// extra) of format 2 with no flag, neither correcting nor corrected nor undone. The text
    /// tests are conservative: a note that happens to contain `"flags"` only sends its row
    /// down the whole-entry path, which reads every row correctly. (`+j.supersedes`: not by
    /// the unique index on it, whose NULLs are nearly every row of the clinic: by the patient.)
    static let plainDose = """
        (j.kind IN ('taken', 'skipped', 'missed', 'extra') AND +j.supersedes IS NULL
         AND instr(j.detail, '"flags"') = 0 AND instr(j.detail, '"kind"') = 0
         AND NOT EXISTS (SELECT 1 FROM journal_entry u WHERE u.supersedes = j.id))
        """

    /// The patient's record for a review, in one read transaction: every journal entry but the
    /// plain doses whole, and those as marks (``ReviewRecord``). Missed and extra doses among
    /// them give no mark: the review counts only taken and skipped slots.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func reviewRecord(patientID: String) throws -> ReviewRecord {
        try read { db in
            let record = try Self.fetchRecord(patientID, db) { db in
                try Self.entries(db.cachedStatement(sql: """
                    SELECT \(JournalRow.columns) FROM journal_entry j WHERE j.patient_id = ? AND NOT \(Self.plainDose) ORDER BY j.id
                    """), arguments: [patientID])
            }
            return ReviewRecord(record: record, doseMarks: try Self.fetchDoseMarks(patientID, db))
        }
    }

    /// The plain taken and skipped doses with a slot, as marks, read from the columns and the
    /// one `late` of their detail.
    static func fetchDoseMarks(_ patientID: String, _ db: Database) throws -> [DoseMark] {
        let statement = try db.cachedStatement(sql: """
            SELECT j.id, j.course_id, j.kind, j.at, j.slot_date, j.slot_time, json_extract(j.detail, '$.dose.late')
              FROM journal_entry j
             WHERE j.patient_id = ? AND j.kind IN ('taken', 'skipped') AND j.slot_date IS NOT NULL
               AND j.slot_time IS NOT NULL AND \(Self.plainDose)
            """)
        let rows = try Row.fetchCursor(statement, arguments: [patientID])
        let s = statement.sqliteStatement
        var marks: [DoseMark] = []
        func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let text = sqlite3_column_text(s, column) else { return nil }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, column)))
        }
        func unreadable(_ column: String, _ bytes: UnsafeBufferPointer<UInt8>?) -> Rows.Unreadable {
            Rows.Unreadable(table: "journal_entry", column: column,
                            value: bytes.map { String(decoding: $0, as: UTF8.self) } ?? "NULL")
        }
        while try rows.next() != nil {
            let (atText, dateText, timeText) = (text(3), text(4), text(5))
            guard let at = atText.flatMap(StoreTime.date(bytes:)) else { throw unreadable("at", atText) }
            guard let date = dateText.flatMap(LocalDate.parseISO) else { throw unreadable("slot_date", dateText) }
            guard let time = timeText.flatMap({ LocalTime(parsingBytes: $0) }) else { throw unreadable("slot_time", timeText) }
            let skipped = sqlite3_column_bytes(s, 2) == 7  // "skipped" (the query selects only it and "taken")
            marks.append(DoseMark(entryID: sqlite3_column_int64(s, 0),
                                  courseID: sqlite3_column_type(s, 1) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 1),
                                  at: at, slot: SlotKey(date: date, time: time), skipped: skipped,
                                  late: !skipped && sqlite3_column_int64(s, 6) != 0))
        }
        return marks
    }
}

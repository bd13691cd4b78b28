import Foundation
import PainLadder

/// The one JSON line a reminder receiver gets (`remind --json`, `--exec` on standard input):
/// sorted keys and no spaces, so the same reminder always gives the same bytes. Schema:
/// schemas/reminder-line.schema.json.
///
/// `patient` and `course` repeat `patientID` and `courseID` under their names before
/// schema version 1; they go in the next release (README: "JSON output").
struct ReminderLine: Encodable {
    var schemaVersion = JSONContract.schemaVersion
    var key: String
    var kind: String
    var audience: String
    var patientID: String
    var courseID: Int64
    var local: String
    var timeZone: String
    var utc: String
    var message: String
    /// Deprecated: `patientID`.
    var patient: String
    /// Deprecated: `courseID`.
    var course: Int64

    init(_ r: Reminder) {
        key = r.key
        kind = r.kind.rawValue
        audience = r.audience.rawValue
        patientID = r.patientID
        courseID = r.courseID
        local = r.local
        timeZone = r.timeZone
        utc = r.utc
        message = r.message
        patient = r.patientID
        course = r.courseID
    }

    /// The line's text.
    static func text(_ r: Reminder) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(ReminderLine(r))) ?? Data(), as: UTF8.self)
    }
}

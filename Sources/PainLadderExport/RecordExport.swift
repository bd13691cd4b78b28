import Foundation
import PainLadder
import PainLadderClinic

/// A patient's record for other systems: each format a pure function of one
/// ``PatientRecord`` (read in one transaction, so every format is one consistent snapshot).
///
/// ```swift
/// let record = try clinic.record(patientID: "P001")
/// let ics = try RecordExport.calendar(record, formulary: clinic.formulary, howToRecord: "the app's Taken button")
/// let csv = RecordExport.csv(record)
/// ```
public enum RecordExport {
    /// The course in progress as an RFC 5545 calendar (``ICalendarExport``), with any old
    /// drug still tapering beside it (a switch); `howToRecord` ends each dose's description
    /// ("Then record it: …"). Pass a record as lived (`Clinic.record(patientID:now:)`) so a
    /// taper that has ended is not in progress.
    /// When no course is in progress (stopped at once), the newest course is exported, its
    /// doses ending on the stop and the rest cancelled, so a calendar that follows the
    /// patient drops them.
    /// - Throws: `noCourseInProgress` when the patient has no course.
    public static func calendar(_ record: PatientRecord, formulary: Formulary, howToRecord: String) throws -> String {
        let newest = record.courses.filter { !$0.versions.isEmpty }.max { ($0.course.id ?? 0) < ($1.course.id ?? 0) }
        guard let active = record.activeCourse.flatMap({ $0.versions.isEmpty ? nil : $0 }) ?? newest else {
            throw PainLadderError.noCourseInProgress(patient: record.patient.id, purpose: "record this")
        }
        let tapering = try record.courses.filter { $0.course.status == .tapering && $0.course.id != active.course.id }
            .map { ICalendarExport.Taper(course: $0.course, drug: try formulary.drug($0.course.drug), versions: $0.versions) }
        return ICalendarExport.calendar(patient: record.patient, course: active.course,
                                        drug: try formulary.drug(active.course.drug), versions: active.versions,
                                        zones: record.zones, howToRecord: howToRecord, tapering: tapering)
    }

    /// Every journal entry as RFC 4180 CSV, corrected and undone entries included and marked.
    public static func csv(_ record: PatientRecord) -> String {
        JournalExport.csv(HistoryItem.items(of: record, from: nil, to: nil), courses: record.courses.map(\.course))
    }

    /// The record as one FHIR R4 `Bundle` (``FHIRExport``): `now` decides which dated
    /// requests are done and which go on.
    public static func fhir(_ record: PatientRecord, formulary: Formulary, now: Date) throws -> String {
        try FHIRExport.bundle(record, formulary: formulary, now: now)
    }
}

import Foundation
import PainLadder

/// A patient's record as the review reads it: the journal without its plain dose entries,
/// which come as ``DoseMark``s (slot, taken or skipped, late), the one thing the review reads
/// of them. Two years of a course are about 2,200 dose entries and 800 others.
///
/// ```swift
/// let read = try store.reviewRecord(patientID: "P000042")
/// read.record.journal.count   // entries other than plain doses
/// read.doseMarks.count        // the taken and skipped doses in force
/// ```
public struct ReviewRecord: Sendable {
    /// Patient, zones, courses with every plan version, and every journal entry except those
    /// `doseMarks` stand for: every entry with a flag, a correction, an undo or what they
    /// change is here, whole.
    public var record: PatientRecord
    /// Taken and skipped doses in force that carry nothing but their slot and lateness.
    public var doseMarks: [DoseMark]

    public init(record: PatientRecord, doseMarks: [DoseMark]) {
        self.record = record
        self.doseMarks = doseMarks
    }
}

extension ClinicStore {
    /// The whole record, no marks: right for any store (a store that can read less says so).
    public func reviewRecord(patientID: String) throws -> ReviewRecord {
        ReviewRecord(record: try patientRecord(patientID: patientID), doseMarks: [])
    }
}

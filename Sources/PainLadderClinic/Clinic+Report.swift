import Foundation
import PainLadder

extension Clinic {
    /// The review of one patient at `now` with its timeline, from one read of the record (the
    /// same read as ``review(patientID:now:)``). Reads only.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func report(patientID: String, now: Date) throws -> ReviewReport {
        let record = try self.record(patientID: patientID, now: now)
        let journal = Journal.effective(record.journal)
        let summary = ReviewSummary.build(patient: record.patient, formulary: formulary, courses: record.courses,
                                          journal: journal, zones: record.zones, now: now)
        let timeline = ReviewTimeline.build(patient: record.patient, formulary: formulary, courses: record.courses,
                                            journal: journal, zones: record.zones, now: now)
        return ReviewReport(summary: summary, timeline: timeline, priorTreatments: record.patient.priorTreatments ?? [],
                            formulary: FormularySummary(formulary))
    }
}

import Foundation
import PainLadder

/// The clinician's review screen and day list.
extension Clinic {
    /// The review of one patient at `now`: the course in progress, adherence, pain against
    /// baseline, side effects and flags, the adequate trial, the ladder, review dates and a
    /// suggestion (see ``ReviewSummary``). Reads only.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func review(patientID: String, now: Date) throws -> ReviewSummary {
        let record = try self.record(patientID: patientID, now: now)
        return ReviewSummary.build(patient: record.patient, formulary: formulary, courses: record.courses,
                                   journal: Journal.effective(record.journal), zones: record.zones, now: now)
    }

    /// The baseline pain of one course (``BaselinePain`` states the rule), `nil` when there is
    /// none yet: `start` asks, to say how to record one. Reads only.
    /// - Throws: ``PainLadderError/unknownPatient(_:)``.
    public func baseline(patientID: String, courseID: Int64, now: Date) throws -> BaselinePain? {
        let record = try store.patientRecord(patientID: patientID)
        return BaselinePain.of(courseID: courseID, patient: record.patient, formulary: formulary,
                               courses: record.courses, journal: Journal.effective(record.journal),
                               zones: record.zones, now: now)
    }

    /// Patients whose review is due: by default due today or earlier; with `within`, due in
    /// the next `within` days too; with `overdueOnly`, only those past their date. Each
    /// patient's "today" is their own time zone's.
    public func reviewsDue(within days: Int?, overdueOnly: Bool, now: Date) throws -> [ReviewQueue.Item] {
        let entries = try store.reviewQueue(dueBy: ReviewQueue.cutoff(now: now, within: days))
        return ReviewQueue.items(entries, now: now, within: days, overdueOnly: overdueOnly)
    }
}

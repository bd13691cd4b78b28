import Foundation
import PainLadder

/// The review and its timeline from one read of the patient's record: what the printable
/// report, the referral letter and the patient's progress chart are made from.
///
/// ```swift
/// let report = try clinic.report(patientID: "P001", now: Date())
/// report.summary.suggestion.text        // as `review` shows it
/// report.timeline.courses[0].planned    // the daily dose, run by run
/// ```
public struct ReviewReport: Sendable {
    public var summary: ReviewSummary
    public var timeline: ReviewTimeline
    /// Drugs tried before PainLadder, as recorded on the patient.
    public var priorTreatments: [PriorTreatment]
    /// The formulary the numbers come from: its name, version, sources and provenance.
    public var formulary: FormularySummary

    public init(summary: ReviewSummary, timeline: ReviewTimeline, priorTreatments: [PriorTreatment],
                formulary: FormularySummary) {
        self.summary = summary
        self.timeline = timeline
        self.priorTreatments = priorTreatments
        self.formulary = formulary
    }
}

import Foundation
import PainLadder

/// `review --json`: the review screen as values, every field the text shows. Schema:
/// schemas/review.schema.json. Names as the earlier output, with `schemaVersion` and decision
/// details as numbers where they are numbers.
struct ReviewDocument: Encodable {
    var schemaVersion = JSONContract.schemaVersion
    var patientID: String
    var patientName: String?
    var diagnosis: String
    var diagnosisLabel: String?
    var date: String
    var now: Date
    var timeZone: String
    var creatinineClearance: Double?
    var course: ReviewCourseJSON?
    var adherence: AdherenceJSON?
    var pain: ReviewPainJSON
    var sideEffects: ReviewSideEffectsJSON
    var trial: TrialJSON?
    var ladder: ReviewLadderJSON
    var reviews: ReviewDatesJSON
    var suggestion: SuggestionJSON
    /// Medicines no rule can match ("not checked against the rules"); left out when none.
    var uncheckedMedicines: [String]?
    /// Kidney function recorded since a plan made without it: re-evaluated at the next
    /// decision; left out when it does not apply.
    var renalReevaluation: RenalReevaluationDue?

    init(_ s: ReviewSummary) {
        patientID = s.patientID
        patientName = s.patientName
        diagnosis = s.diagnosis
        diagnosisLabel = s.diagnosisLabel
        date = s.date.description
        now = s.now
        timeZone = s.timeZone
        creatinineClearance = s.creatinineClearance
        course = s.course.map(ReviewCourseJSON.init)
        adherence = s.adherence.map(AdherenceJSON.init)
        pain = ReviewPainJSON(s.pain)
        sideEffects = ReviewSideEffectsJSON(s.sideEffects)
        trial = s.trial.map(TrialJSON.init)
        ladder = ReviewLadderJSON(s.ladder)
        reviews = ReviewDatesJSON(s.reviews)
        suggestion = SuggestionJSON(s.suggestion)
        uncheckedMedicines = s.uncheckedMedicines
        renalReevaluation = s.renalReevaluation
    }
}

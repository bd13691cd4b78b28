import PainLadder

/// The ladder: courses with their outcomes, the drugs that remain for this patient, drugs
/// failed, drugs tried before PainLadder, referral prompts and the latest referral.
struct ReviewLadderJSON: Encodable {
    struct Course: Encodable {
        var courseID: Int64?
        var drug: String
        var drugName: String
        var variant: String
        var startDate: String
        var status: String
        var outcome: String?
        var inProgress: Bool
    }

    var order: SourcedValueJSON<[String]>?
    var courses: [Course]
    var remaining: [LadderOptionJSON]
    var failed: [String]
    /// Drugs tried before PainLadder; left out when none is recorded.
    var before: [PatientDocument.Prior]?
    var referralPrompts: [ReferralPromptJSON]
    var referred: DecisionRecordJSON?

    init(_ l: LadderReview) {
        order = l.order.map { SourcedValueJSON($0) { $0 } }
        courses = l.courses.map {
            Course(courseID: $0.courseID, drug: $0.drug, drugName: $0.drugName, variant: $0.variant,
                   startDate: $0.startDate.description, status: $0.status.rawValue, outcome: $0.outcome?.rawValue,
                   inProgress: $0.inProgress)
        }
        remaining = l.remaining.map(LadderOptionJSON.init)
        failed = l.failed
        before = l.before.map { $0.map(PatientDocument.Prior.init) }
        referralPrompts = l.referralPrompts.map(ReferralPromptJSON.init)
        referred = l.referred.map(DecisionRecordJSON.init)
    }
}

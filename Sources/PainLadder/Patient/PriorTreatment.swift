import Foundation

/// A drug the patient tried before PainLadder (before any course recorded here): how it
/// ended, when, and the highest daily dose reached. The ladder counts it as a course would:
/// a prior failure is not offered again without the `tried-before` override, and it counts
/// towards "all suitable drugs tried".
///
/// ```swift
/// PriorTreatment(drug: "amitriptyline", outcome: .notTolerated, until: "2019-06", maxDoseMg: 30,
///                recordedBy: "Dr Rao", reason: "GP letter 2019")
/// ```
public struct PriorTreatment: Codable, Sendable, Equatable {
    public var drug: String
    public var outcome: Course.Outcome
    /// The month it was last taken, `YYYY-MM`.
    public var until: String
    /// The highest total daily dose reached, when known.
    public var maxDoseMg: Milligrams?
    public var recordedBy: String
    /// Where the history comes from, or why it is recorded.
    public var reason: String?

    public init(drug: String, outcome: Course.Outcome, until: String, maxDoseMg: Milligrams? = nil,
                recordedBy: String, reason: String? = nil) {
        self.drug = drug
        self.outcome = outcome
        self.until = until
        self.maxDoseMg = maxDoseMg
        self.recordedBy = recordedBy
        self.reason = reason
    }

    /// Whether it takes the drug off the ladder (not effective, not tolerated, contraindicated).
    public var failed: Bool { LadderReview.fails(outcome) }

    /// Checks it against the formulary and `today` (the patient's): a known drug, a month
    /// `YYYY-MM` not after this one, a dose from 1 mg up to the drug's adult maximum.
    public func check(formulary: Formulary, today: LocalDate) throws {
        let drug = try formulary.drug(self.drug)
        let parts = until.split(separator: "-", omittingEmptySubsequences: false)
        guard until.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              parts[0].count == 4, (1...12).contains(month), year >= 1900 else {
            throw PainLadderError.invalidValue(field: .until, given: until, allowed: "a month YYYY-MM")
        }
        guard (year, month) <= (today.year, today.month) else {
            throw PainLadderError.invalidValue(field: .until, given: until,
                                               allowed: "a month not after this one (\(today.description.prefix(7)))")
        }
        if let dose = maxDoseMg, !(1...drug.maximumDailyDose.value).contains(dose) {
            throw PainLadderError.invalidValue(field: .maxDose, given: "\(dose)",
                                               allowed: "1–\(drug.maximumDailyDose.value) mg a day (the maximum for \(drug.id))")
        }
    }
}

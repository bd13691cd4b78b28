import PainLadder

/// Whether the trial of the drug in progress is adequate yet, against the formulary's rule.
struct TrialJSON: Encodable {
    struct Rule: Encodable {
        var minimumWeeks: Int
        var maximumWeeks: Int
        var weeksAtHighestTolerated: Int
    }

    var trial: SourcedValueJSON<Rule>
    var daysOnDrug: Int
    var week: Int
    var completedWeeks: Int
    var currentDoseMg: Int
    var highestDoseReachedMg: Int
    var daysAtHighestTolerated: Int
    var stillTitrating: Bool
    var adequate: Bool
    var text: String

    init(_ t: TrialReview) {
        trial = SourcedValueJSON(t.trial) {
            Rule(minimumWeeks: $0.minimumWeeks, maximumWeeks: $0.maximumWeeks, weeksAtHighestTolerated: $0.weeksAtHighestTolerated)
        }
        daysOnDrug = t.daysOnDrug
        week = t.week
        completedWeeks = t.completedWeeks
        currentDoseMg = t.currentDoseMg
        highestDoseReachedMg = t.highestDoseReachedMg
        daysAtHighestTolerated = t.daysAtHighestTolerated
        stillTitrating = t.stillTitrating
        adequate = t.adequate
        text = t.text
    }
}

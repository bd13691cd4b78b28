import Foundation

/// Whether the course in progress is an adequate trial yet: time on the drug and time at
/// the highest tolerated dose, against the formulary's adequate-trial length for the drug.
///
/// The highest tolerated dose is taken to be today's dose: while titrating it is the
/// highest reached so far, and after a reduction the higher dose was not kept. A trial is
/// adequate when the weeks on the drug reach the minimum, the days at today's dose reach
/// the weeks needed at the highest tolerated dose, and no planned step-up remains (a step
/// still to come means the highest tolerated dose is not known yet).
public struct TrialReview: Codable, Sendable, Equatable {
    public var trial: Sourced<AdequateTrial>
    /// Days on the drug, counting today.
    public var daysOnDrug: Int
    /// The course week today falls in (week 1 is days 1–7).
    public var week: Int
    /// Whole weeks on the drug.
    public var completedWeeks: Int
    public var currentDoseMg: Milligrams
    public var highestDoseReachedMg: Milligrams
    /// Days at today's dose (the highest tolerated), counting today.
    public var daysAtHighestTolerated: Int
    /// A planned step-up is still to come (and no hold stops it).
    public var stillTitrating: Bool
    public var adequate: Bool
    /// "week 3 of 6–8; 2 weeks at the highest tolerated dose needed (4 days so far)".
    public var text: String

    init?(_ review: CourseReview, drug: Drug?) {
        // Nothing to judge before the first day.
        guard let drug, review.dayOfCourse >= 1 else { return nil }
        trial = drug.adequateTrial
        let t = drug.adequateTrial.value
        daysOnDrug = review.dayOfCourse
        week = (daysOnDrug + 6) / 7
        completedWeeks = daysOnDrug / 7
        currentDoseMg = review.currentStep?.dailyDoseMg ?? 0
        highestDoseReachedMg = review.highestDoseReachedMg
        daysAtHighestTolerated = review.daysAtCurrentDose
        // A later step at a lower dose (a taper) is not titration.
        stillTitrating = (review.nextStep?.dailyDoseMg ?? 0) > currentDoseMg
        adequate = daysOnDrug >= t.minimumWeeks * 7 && daysAtHighestTolerated >= t.weeksAtHighestTolerated * 7
            && !stillTitrating && currentDoseMg > 0
        let range = t.minimumWeeks == t.maximumWeeks ? "\(t.minimumWeeks)" : "\(t.minimumWeeks)–\(t.maximumWeeks)"
        let atDose = daysAtHighestTolerated >= 7
            ? "\(daysAtHighestTolerated / 7) week\(daysAtHighestTolerated / 7 == 1 ? "" : "s")\(daysAtHighestTolerated % 7 == 0 ? "" : " \(daysAtHighestTolerated % 7) day\(daysAtHighestTolerated % 7 == 1 ? "" : "s")")"
            : "\(daysAtHighestTolerated) day\(daysAtHighestTolerated == 1 ? "" : "s")"
        // Past the trial's length, the week is not "of" it: "week 9 (a trial is 4–8 weeks)".
        let weekText = week <= t.maximumWeeks ? "week \(week) of \(range)" : "week \(week) (a trial is \(range) weeks)"
        text = "\(weekText); \(t.weeksAtHighestTolerated) week\(t.weeksAtHighestTolerated == 1 ? "" : "s") "
            + "at the highest tolerated dose needed (\(atDose) at \(currentDoseMg) mg/day so far)"
            + (stillTitrating ? "; titration still under way" : "")
    }
}

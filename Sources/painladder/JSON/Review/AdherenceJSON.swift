import PainLadder

/// Doses taken against doses scheduled, over 7 and 28 days, the whole course and by step.
struct AdherenceJSON: Encodable {
    struct Figure: Encodable {
        var scheduled: Int
        var taken: Int
        var skipped: Int
        var late: Int
        var unrecorded: Int
        var percent: Double?

        init(_ f: AdherenceFigure) {
            scheduled = f.scheduled
            taken = f.taken
            skipped = f.skipped
            late = f.late
            unrecorded = f.unrecorded
            percent = f.percent
        }
    }

    struct ByStep: Encodable {
        var stepNumber: Int
        var dailyDoseMg: Int
        var figure: Figure
    }

    var last7Days: Figure
    var last28Days: Figure
    var wholeCourse: Figure
    var byStep: [ByStep]

    init(_ a: AdherenceReview) {
        last7Days = Figure(a.last7Days)
        last28Days = Figure(a.last28Days)
        wholeCourse = Figure(a.wholeCourse)
        byStep = a.byStep.map { ByStep(stepNumber: $0.stepNumber, dailyDoseMg: $0.dailyDoseMg, figure: Figure($0.figure)) }
    }
}

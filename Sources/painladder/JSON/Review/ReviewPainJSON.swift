import PainLadder

/// Pain against baseline, its IMMPACT band (`worse`, `none`, `minimal`, `moderate`,
/// `substantial`), the impression of change, sleep, mood and what the pain stops.
struct ReviewPainJSON: Encodable {
    struct Baseline: Encodable {
        var score: Double
        var sleep: Double?
        var mood: Double?
        var date: String
        var entryID: Int64?
        var marked: Bool
        /// The number of scores the baseline rests on; left out when one.
        var scoreCount: Int?

        init(_ b: BaselinePain) {
            score = b.score
            sleep = b.sleep
            mood = b.mood
            date = b.date.description
            entryID = b.entryID
            marked = b.marked
            scoreCount = b.scoreCount == 1 ? nil : b.scoreCount
        }
    }

    /// Change since the baseline before the first course, when a later course is in progress.
    struct Pretreatment: Encodable {
        var courseID: Int64?
        var drug: String
        var baseline: Baseline
        var changePoints: Double?
        var changePercent: Double?
        var band: String?
    }

    struct Daily: Encodable {
        var date: String
        var score: Double
    }

    struct Weekly: Encodable {
        var week: Int
        var from: String
        var to: String
        var mean: Double?
        var daysScored: Int
    }

    struct Impression: Encodable {
        var value: Int
        var meaning: String
        var date: String
        var entryID: Int64?
    }

    struct Dated: Encodable {
        var date: String
        var text: String
    }

    struct Bands: Encodable {
        var minimalPercent: Double
        var moderatePercent: Double
        var substantialPercent: Double
    }

    var baseline: Baseline?
    var pretreatment: Pretreatment?
    var windowFrom: String
    var windowTo: String
    var recent: [Daily]
    var last7DaysMean: Double?
    var changePoints: Double?
    var changePercent: Double?
    var band: String?
    var bands: SourcedValueJSON<Bands>?
    var impression: Impression?
    var weekly: [Weekly]
    var sleepLast7DaysMean: Double?
    var baselineSleep: Double?
    var moodLast7DaysMean: Double?
    var baselineMood: Double?
    var impacts: [Dated]
    var stopsDoing: [String]
    var assessedOn: String?

    init(_ p: PainReview) {
        baseline = p.baseline.map(Baseline.init)
        pretreatment = p.pretreatment.map {
            Pretreatment(courseID: $0.courseID, drug: $0.drug, baseline: Baseline($0.baseline), changePoints: $0.changePoints,
                         changePercent: $0.changePercent, band: $0.band?.rawValue)
        }
        windowFrom = p.windowFrom.description
        windowTo = p.windowTo.description
        recent = p.recent.map { Daily(date: $0.date.description, score: $0.score) }
        last7DaysMean = p.last7DaysMean
        changePoints = p.changePoints
        changePercent = p.changePercent
        band = p.band?.rawValue
        bands = p.bands.map {
            SourcedValueJSON($0) { Bands(minimalPercent: $0.minimalPercent, moderatePercent: $0.moderatePercent,
                                         substantialPercent: $0.substantialPercent) }
        }
        impression = p.impression.map { Impression(value: $0.value, meaning: $0.meaning, date: $0.date.description, entryID: $0.entryID) }
        weekly = p.weekly.map { Weekly(week: $0.week, from: $0.from.description, to: $0.to.description, mean: $0.mean, daysScored: $0.daysScored) }
        sleepLast7DaysMean = p.sleepLast7DaysMean
        baselineSleep = p.baselineSleep
        moodLast7DaysMean = p.moodLast7DaysMean
        baselineMood = p.baselineMood
        impacts = p.impacts.map { Dated(date: $0.date.description, text: $0.text) }
        stopsDoing = p.stopsDoing
        assessedOn = p.assessedOn?.description
    }
}

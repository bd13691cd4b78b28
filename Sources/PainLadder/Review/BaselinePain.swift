import Foundation

/// A course's baseline pain: what its outcome is measured against.
///
/// The rule, in this order:
/// 1. **Marked**: the latest score marked as baseline for this course (or marked with no
///    course, on or before its first day), alone. An explicit mark wins over the window.
/// 2. **The window**: the mean of every score in the ``windowDays`` days before the course's
///    first day, and on its first day those recorded before the course was created (a score
///    at 09:05 and `start` at 09:10 the same morning). Each entry counts once.
/// 3. Else the last score before the window, alone (better than none; its date says how old).
///
/// Sleep and mood are the means of the same entries that recorded them.
public struct BaselinePain: Sendable, Equatable {
    /// The mean score of the entries it rests on.
    public var score: Double
    public var sleep: Double?
    /// Mood interference at baseline, 0–10.
    public var mood: Double?
    /// The day of the latest score it rests on.
    public var date: LocalDate
    /// The latest entry it rests on.
    public var entryID: Int64?
    /// `true` when it was marked as the baseline; `false` when it comes from the scores before the start.
    public var marked: Bool
    /// How many scores it rests on: 1 when marked or taken from before the window.
    public var scoreCount: Int
    /// Every entry it rests on: none of them is an outcome.
    var entryIDs: [Int64]

    /// The days before the first day the window covers.
    public static let windowDays = 7

    /// The baseline of `course` from the journal's pain points (one pass).
    static func of(_ course: CourseRecord, in points: [PainPoint]) -> BaselinePain? {
        let start = course.course.startDate, from = start.adding(days: -windowDays)
        let created = course.course.createdAt, id = course.course.id
        var marked: Int?, before: Int?
        var window: [Int] = []
        for i in points.indices {
            let p = points[i]
            if p.detail.baseline && (p.courseID == id || (p.courseID == nil && p.day <= start)) { marked = i }
            if p.day >= from && (p.day < start || (p.day == start && p.at < created)) {
                window.append(i)
            } else if p.day < from {
                before = i
            }
        }
        if let marked { return single(points[marked], marked: true) }
        if window.isEmpty { return before.map { single(points[$0], marked: false) } }
        var sum = 0, sleepSum = 0, sleeps = 0, moodSum = 0, moods = 0
        var latest = window[0]
        for i in window {
            let d = points[i].detail
            sum += d.score
            if let s = d.sleep { sleepSum += s; sleeps += 1 }
            if let m = d.mood { moodSum += m; moods += 1 }
            if points[i].day >= points[latest].day { latest = i }
        }
        return BaselinePain(score: Double(sum) / Double(window.count),
                            sleep: sleeps == 0 ? nil : Double(sleepSum) / Double(sleeps),
                            mood: moods == 0 ? nil : Double(moodSum) / Double(moods),
                            date: points[latest].day, entryID: points[latest].entryID, marked: false,
                            scoreCount: window.count,
                            entryIDs: window.compactMap { points[$0].entryID })
    }

    static func single(_ p: PainPoint, marked: Bool) -> BaselinePain {
        BaselinePain(score: Double(p.detail.score), sleep: p.detail.sleep.map(Double.init),
                     mood: p.detail.mood.map(Double.init), date: p.day, entryID: p.entryID, marked: marked,
                     scoreCount: 1, entryIDs: p.entryID.map { [$0] } ?? [])
    }

    /// Whether `entryID` is one of the scores it rests on.
    func restsOn(_ entryID: Int64?) -> Bool {
        guard let entryID else { return false }
        return entryIDs.contains(entryID)
    }
}

/// In JSON, `scoreCount` appears only when it is more than 1, so a baseline resting on one
/// score reads as reviews always showed it.
extension BaselinePain: Codable {
    enum CodingKeys: String, CodingKey {
        case score, sleep, mood, date, entryID, marked, scoreCount
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        score = try c.decode(Double.self, forKey: .score)
        sleep = try c.decodeIfPresent(Double.self, forKey: .sleep)
        mood = try c.decodeIfPresent(Double.self, forKey: .mood)
        date = try c.decode(LocalDate.self, forKey: .date)
        entryID = try c.decodeIfPresent(Int64.self, forKey: .entryID)
        marked = try c.decode(Bool.self, forKey: .marked)
        scoreCount = try c.decodeIfPresent(Int.self, forKey: .scoreCount) ?? 1
        entryIDs = entryID.map { [$0] } ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(score, forKey: .score)
        try c.encodeIfPresent(sleep, forKey: .sleep)
        try c.encodeIfPresent(mood, forKey: .mood)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(entryID, forKey: .entryID)
        try c.encode(marked, forKey: .marked)
        if scoreCount != 1 { try c.encode(scoreCount, forKey: .scoreCount) }
    }
}

extension BaselinePain {
    /// The baseline of the course `courseID` in a patient's record, by the rule above; `nil`
    /// when it has none (or there is no such course). For commands that need only this.
    public static func of(courseID: Int64, patient: Patient, formulary: Formulary, courses: [CourseRecord],
                          journal: [JournalEntry], zones: ZoneHistory, now: Date) -> BaselinePain? {
        let c = ReviewSummary.context(patient: patient, formulary: formulary, courses: courses, journal: journal,
                                      zones: zones, now: now)
        return c.course(id: courseID).flatMap { of($0, in: c.pains) }
    }
}

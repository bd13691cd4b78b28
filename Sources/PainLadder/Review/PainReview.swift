import Foundation

/// A pain score on a day: the mean of that day's 0–10 entries.
public struct DailyPain: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var score: Double
}

/// Mean pain in one course week (week 1 is the course's first seven days).
public struct WeeklyPain: Codable, Sendable, Equatable {
    public var week: Int
    public var from: LocalDate
    public var to: LocalDate
    /// Mean of the week's daily scores; `nil` when none was recorded.
    public var mean: Double?
    public var daysScored: Int
}

/// The patient's latest impression of change.
public struct ImpressionReview: Codable, Sendable, Equatable {
    public var value: Int
    public var meaning: String
    public var date: LocalDate
    public var entryID: Int64?
}

/// Something the patient wrote, with its day.
public struct DatedText: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var text: String
}

/// Pain against baseline as NICE CG173 reviews ask: the baseline, the mean of the last 7 days,
/// the change in points and per cent and its IMMPACT band, the patient's impression of
/// change beside it, a weekly trend, sleep, mood, and what the pain stops them doing.
public struct PainReview: Codable, Sendable, Equatable {
    /// The reviewed course's baseline (``BaselinePain`` states the rule).
    public var baseline: BaselinePain?
    /// The baseline before the first course on the ladder, when the reviewed course is a later one.
    public var pretreatment: PretreatmentPain?
    /// The days the 7-day mean covers: the last 7 days up to today, not before the course start.
    public var windowFrom: LocalDate
    public var windowTo: LocalDate
    /// The daily scores in the window, oldest first.
    public var recent: [DailyPain]
    /// Mean of the daily scores in the window (each day counts once).
    public var last7DaysMean: Double?
    /// Mean minus baseline: negative is less pain.
    public var changePoints: Double?
    /// Change as a per cent of baseline: negative is less pain; `nil` with a baseline of 0.
    public var changePercent: Double?
    public var band: PainBand?
    /// The thresholds the band uses, with their sources.
    public var bands: Sourced<PainChangeBands>?
    public var impression: ImpressionReview?
    public var weekly: [WeeklyPain]
    /// Mean sleep interference (0–10) over the same 7 days, and at baseline.
    public var sleepLast7DaysMean: Double?
    public var baselineSleep: Double?
    /// Mean mood interference (0–10, BPI) over the same 7 days, and at baseline (NICE CG173 1.1.6).
    public var moodLast7DaysMean: Double?
    public var baselineMood: Double?
    /// What the pain stopped them doing, from pain entries in the last 28 days, newest first.
    public var impacts: [DatedText]
    /// From the latest structured assessment.
    public var stopsDoing: [String]
    public var assessedOn: LocalDate?

    init(context c: ReviewContext) {
        let reference = c.reference
        // Pain entries with their local day, worked out once for the whole review (``PainPoint``).
        let painEntries = c.pains
        let start = reference?.course.startDate

        let base = reference.flatMap { BaselinePain.of($0, in: painEntries) }
        baseline = base
        // Not before the course start (earlier scores are not outcomes of this drug), unless
        // the course has not started yet.
        let started = c.focus.map { $0.course.startDate <= c.today ? $0.course.startDate : c.today.adding(days: -6) }
        let from = max(c.today.adding(days: -6), started ?? c.today.adding(days: -6))
        windowTo = c.today
        windowFrom = from
        // The baseline is what the rest is measured against, never part of the outcome.
        // (Left out in place: a filtered copy of the points was another array as long as the journal's pain.)
        let daily = Self.daily(painEntries, excluding: base)
        recent = daily.filter { $0.date >= from && $0.date <= c.today }
        last7DaysMean = recent.isEmpty ? nil : recent.map(\.score).reduce(0, +) / Double(recent.count)

        bands = c.formulary.pathway.painChangeBands
        if let baseline = base, let mean = last7DaysMean {
            let change = PainChange(mean: mean, baseline: baseline.score, bands: bands?.value)
            changePoints = change.points
            changePercent = change.percent
            band = change.band
        }
        pretreatment = Self.pretreatment(c, points: painEntries, course: base, mean: last7DaysMean)

        // The latest impression for the reference course (any, without one); read in place.
        var latest: Int?
        for i in c.journal.indices.reversed() where c.journal[i].kind == .impression {
            if reference == nil || c.journal[i].courseID == reference?.course.id {
                latest = i
                break
            }
        }
        impression = latest.flatMap { i in
            let e = c.journal[i]
            guard case .impression(let value) = e.event else { return nil }
            return ImpressionScale.meaning(value).map {
                ImpressionReview(value: value, meaning: $0, date: c.localDate(e.at), entryID: e.id)
            }
        }

        weekly = []
        if let start, start <= c.today {
            let weeks = start.days(to: c.today) / 7 + 1
            // `daily` is in date order, so each week's scores are the next run of it.
            var next = 0
            for week in 1...weeks {
                let from = start.adding(days: 7 * (week - 1)), to = from.adding(days: 6)
                while next < daily.count, daily[next].date < from { next += 1 }
                var scores: [Double] = []
                while next < daily.count, daily[next].date <= to {
                    scores.append(daily[next].score)
                    next += 1
                }
                weekly.append(WeeklyPain(week: week, from: from, to: to,
                                         mean: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                                         daysScored: scores.count))
            }
        }

        var sleepSum = 0, sleepCount = 0, moodSum = 0, moodCount = 0
        for i in painEntries.indices where base?.restsOn(painEntries[i].entryID) != true {
            guard painEntries[i].day >= from, painEntries[i].day <= c.today else { continue }
            if let sleep = painEntries[i].detail.sleep {
                sleepSum += sleep
                sleepCount += 1
            }
            if let mood = painEntries[i].detail.mood {
                moodSum += mood
                moodCount += 1
            }
        }
        sleepLast7DaysMean = sleepCount == 0 ? nil : Double(sleepSum) / Double(sleepCount)
        baselineSleep = baseline?.sleep
        moodLast7DaysMean = moodCount == 0 ? nil : Double(moodSum) / Double(moodCount)
        baselineMood = baseline?.mood

        let since = c.today.adding(days: -27)
        impacts = painEntries.reversed().compactMap { p -> DatedText? in
            guard p.day >= since, p.day <= c.today, let text = p.detail.impact, !text.isEmpty else { return nil }
            return DatedText(date: p.day, text: text)
        }
        var assessed: Int?
        for i in c.journal.indices.reversed() where c.journal[i].kind == .assessment && c.journal[i].assessment != nil {
            assessed = i
            break
        }
        stopsDoing = assessed.flatMap { c.journal[$0].assessment?.stopsDoing } ?? []
        assessedOn = assessed.map { c.localDate(c.journal[$0].at) }
    }

    /// The first course's baseline and the change from it, unless the reviewed course is the
    /// first or both baselines rest on the same scores (``PretreatmentPain``).
    static func pretreatment(_ c: ReviewContext, points: [PainPoint], course: BaselinePain?,
                             mean: Double?) -> PretreatmentPain? {
        guard let first = c.courses.first, let reference = c.reference,
              first.course.id != reference.course.id,
              let base = BaselinePain.of(first, in: points), base.entryIDs != course?.entryIDs else { return nil }
        let change = mean.map { PainChange(mean: $0, baseline: base.score, bands: c.formulary.pathway.painChangeBands?.value) }
        return PretreatmentPain(courseID: first.course.id, drug: first.course.drug, baseline: base,
                                changePoints: change?.points, changePercent: change?.percent, band: change?.band)
    }

    /// One score per day: the mean of the day's entries, so a day scored twice counts once.
    /// In date order.
    /// `excluding`: the baseline, whose scores are left out; `nil` for none.
    static func daily(_ points: [PainPoint], excluding excluded: BaselinePain? = nil) -> [DailyPain] {
        // Sorted by day number and summed in runs: the same sums as grouping by date. Built
        // once and sorted in place, only when not in day order already.
        var byDay: [(day: Int, score: Int)] = []
        byDay.reserveCapacity(points.count)
        var ordered = true
        for i in points.indices where excluded?.restsOn(points[i].entryID) != true {
            let day = points[i].day.dayNumber
            if let last = byDay.last, day < last.day { ordered = false }
            byDay.append((day, points[i].detail.score))
        }
        if !ordered { byDay.sort { $0.day < $1.day } }
        var result: [DailyPain] = []
        var i = 0
        while i < byDay.count {
            var sum = 0, n = 0
            let day = byDay[i].day
            while i < byDay.count, byDay[i].day == day {
                sum += byDay[i].score
                n += 1
                i += 1
            }
            result.append(DailyPain(date: LocalDate(dayNumber: day), score: Double(sum) / Double(n)))
        }
        return result
    }
}

/// A pain entry as the review reads it, with its local day worked out once: the pain
/// section, the baseline and the referral prompts all ask for it.
struct PainPoint {
    var entryID: Int64?
    var courseID: Int64?
    var at: Date
    var day: LocalDate
    var detail: PainDetail

    /// The journal's pain entries (with a score), in journal order.
    static func all(in c: ReviewContext) -> [PainPoint] {
        var points: [PainPoint] = []
        // Counted first, so the array is allocated once at its size.
        var count = 0
        for i in c.journal.indices where c.journal[i].kind == .pain && c.journal[i].pain != nil { count += 1 }
        points.reserveCapacity(count)
        for i in c.journal.indices where c.journal[i].kind == .pain {
            guard let detail = c.journal[i].pain else { continue }
            points.append(PainPoint(entryID: c.journal[i].id, courseID: c.journal[i].courseID,
                                    at: c.journal[i].at, day: c.localDate(c.journal[i].at), detail: detail))
        }
        return points
    }
}

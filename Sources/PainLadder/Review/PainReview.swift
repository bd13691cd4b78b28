import Foundation

/// A pain score on a day: the mean of that day's 0–10 entries.
public struct DailyPain: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var score: Double
}

/// The course's baseline pain score.
public struct BaselinePain: Codable, Sendable, Equatable {
    public var score: Int
    public var sleep: Int?
    public var date: LocalDate
    public var entryID: Int64?
    /// `true` when it was marked as the baseline; `false` when it is the last score before the start.
    public var marked: Bool
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
/// change beside it, a weekly trend, sleep, and what the pain stops them doing.
public struct PainReview: Codable, Sendable, Equatable {
    public var baseline: BaselinePain?
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
    public var baselineSleep: Int?
    /// What the pain stopped them doing, from pain entries in the last 28 days, newest first.
    public var impacts: [DatedText]
    /// From the latest structured assessment.
    public var stopsDoing: [String]
    public var assessedOn: LocalDate?

    init(context c: ReviewContext) {
        let reference = c.reference
        let painEntries = c.journal.filter { $0.kind == .pain && $0.pain != nil }
        let start = reference?.course.startDate

        let base = Self.baseline(painEntries, course: reference, context: c)
        baseline = base
        // Not before the course start (earlier scores are not outcomes of this drug), unless
        // the course has not started yet.
        let started = c.focus.map { $0.course.startDate <= c.today ? $0.course.startDate : c.today.adding(days: -6) }
        let from = max(c.today.adding(days: -6), started ?? c.today.adding(days: -6))
        windowTo = c.today
        windowFrom = from
        // The baseline is what the rest is measured against, never part of the outcome.
        let outcomes = painEntries.filter { base?.entryID == nil || $0.id != base?.entryID }
        let daily = Self.daily(outcomes, context: c)
        recent = daily.filter { $0.date >= from && $0.date <= c.today }
        last7DaysMean = recent.isEmpty ? nil : recent.map(\.score).reduce(0, +) / Double(recent.count)

        bands = c.formulary.pathway.painChangeBands
        if let baseline = base, let mean = last7DaysMean {
            changePoints = mean - Double(baseline.score)
            if baseline.score > 0 {
                let percent = (mean - Double(baseline.score)) / Double(baseline.score) * 100
                changePercent = percent
                band = bands.map { PainBand.classify(reductionPercent: -percent, bands: $0.value) }
            }
        }

        let impressions = c.journal.filter {
            $0.kind == .impression && $0.impression != nil && (reference == nil || $0.courseID == reference?.course.id)
        }
        impression = impressions.last.flatMap { e in
            ImpressionScale.meaning(e.impression!).map {
                ImpressionReview(value: e.impression!, meaning: $0, date: c.localDate(e.at), entryID: e.id)
            }
        }

        weekly = []
        if let start, start <= c.today {
            let weeks = start.days(to: c.today) / 7 + 1
            for week in 1...weeks {
                let from = start.adding(days: 7 * (week - 1)), to = from.adding(days: 6)
                let scores = daily.filter { $0.date >= from && $0.date <= to }.map(\.score)
                weekly.append(WeeklyPain(week: week, from: from, to: to,
                                         mean: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                                         daysScored: scores.count))
            }
        }

        let sleeps = outcomes.filter {
            let d = c.localDate($0.at)
            return d >= from && d <= c.today
        }.compactMap { $0.pain?.sleep }
        sleepLast7DaysMean = sleeps.isEmpty ? nil : Double(sleeps.reduce(0, +)) / Double(sleeps.count)
        baselineSleep = baseline?.sleep

        let since = c.today.adding(days: -27)
        impacts = painEntries.reversed().compactMap { e -> DatedText? in
            let d = c.localDate(e.at)
            guard d >= since, d <= c.today, let text = e.pain?.impact, !text.isEmpty else { return nil }
            return DatedText(date: d, text: text)
        }
        let assessment = c.journal.last { $0.kind == .assessment && $0.assessment != nil }
        stopsDoing = assessment?.assessment?.stopsDoing ?? []
        assessedOn = assessment.map { c.localDate($0.at) }
    }

    /// The course's baseline: the latest score marked as baseline for this course (or marked
    /// with no course, on or before its first day); else the last score before its first day.
    static func baseline(_ entries: [JournalEntry], course: CourseRecord?, context c: ReviewContext) -> BaselinePain? {
        guard let course else { return nil }
        let start = course.course.startDate
        let marked = entries.last { e in
            e.pain!.baseline && (e.courseID == course.course.id || (e.courseID == nil && c.localDate(e.at) <= start))
        }
        if let e = marked ?? entries.last(where: { c.localDate($0.at) < start }) {
            return BaselinePain(score: e.pain!.score, sleep: e.pain!.sleep, date: c.localDate(e.at),
                                entryID: e.id, marked: marked != nil)
        }
        return nil
    }

    /// One score per day: the mean of the day's entries, so a day scored twice counts once.
    static func daily(_ entries: [JournalEntry], context c: ReviewContext) -> [DailyPain] {
        var byDay: [LocalDate: [Int]] = [:]
        for e in entries { byDay[c.localDate(e.at), default: []].append(e.pain!.score) }
        return byDay.keys.sorted().map { d in
            DailyPain(date: d, score: Double(byDay[d]!.reduce(0, +)) / Double(byDay[d]!.count))
        }
    }
}

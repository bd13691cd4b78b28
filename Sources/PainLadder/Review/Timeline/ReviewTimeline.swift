import Foundation

/// The review as days, for a picture of it: from the pre-treatment baseline to today, each
/// course's planned daily dose (as runs of days at one dose, so tapers and cross-tapers
/// show), the milligrams taken each day, daily pain with its 7-day mean, sleep and mood,
/// side-effect reports, decisions and holds, and adherence per course week. Pure, like
/// ``ReviewSummary``, and built from the same record.
///
/// ```swift
/// let timeline = ReviewTimeline.build(patient: patient, formulary: formulary, courses: courses,
///                                     journal: Journal.effective(entries), zones: zones, now: now)
/// timeline.courses[0].planned   // [DoseRun(from: 2026-03-02, to: 2026-03-08, dailyDoseMg: 10), …]
/// timeline.painMean7.last       // the 7-day mean on the last day scored
/// ```
public struct ReviewTimeline: Codable, Sendable, Equatable {
    /// The first day shown: the earliest baseline day or course start (today when neither).
    public var from: LocalDate
    /// Today, in the patient's zone.
    public var to: LocalDate
    /// Every course, in start order.
    public var courses: [TimelineCourse]
    /// One point per day scored, from `from` to today: the mean of the day's entries.
    public var pain: [DailyScores]
    /// On each day from the first scored one, the mean of the daily scores in the 7 days up
    /// to it, when at least one of those days was scored.
    public var painMean7: [DailyPain]
    /// The first course's baseline (pre-treatment), and the course in progress's when it differs.
    public var baselines: [TimelineBaseline]
    /// Every side-effect report from `from` to today, in journal order.
    public var sideEffects: [SideEffectReport]
    /// Every decision, oldest first.
    public var decisions: [DecisionRecord]
    /// Days a plan kept its step-ups on hold.
    public var holds: [TimelineHold]
    /// Adherence per course week of the course reviewed (in progress, else the latest).
    public var weeklyAdherence: [WeeklyAdherence]
    /// The course `weeklyAdherence` is for.
    public var adherenceCourseID: Int64?

    /// - Parameters: as ``ReviewSummary/build(patient:formulary:courses:journal:zones:now:)``.
    public static func build(patient: Patient, formulary: Formulary, courses: [CourseRecord],
                             journal: [JournalEntry], zones: ZoneHistory, now: Date) -> ReviewTimeline {
        let c = ReviewSummary.context(patient: patient, formulary: formulary, courses: courses, journal: journal,
                                      zones: zones, now: now)
        return ReviewTimeline(context: c)
    }

    init(context c: ReviewContext) {
        to = c.today
        baselines = Self.baselines(c)
        let starts = c.courses.map(\.course.startDate) + baselines.map(\.date)
        from = min(starts.min() ?? c.today, c.today)
        let range = from...to
        courses = c.courses.map { TimelineCourse($0, context: c, through: c.today) }
        pain = DailyScores.days(c.pains, in: range)
        painMean7 = Self.trailingMeans(pain, through: c.today)
        sideEffects = SideEffectReview.reports(in: c).filter { range.contains($0.reportedOn) }
        decisions = ReviewDates.decisions(c.courses, context: c).filter { range.contains($0.date) }
        holds = c.courses.flatMap { TimelineHold.holds(of: $0, through: c.today) }
        adherenceCourseID = c.reference?.course.id
        weeklyAdherence = c.reference.map { WeeklyAdherence.weeks(of: $0, context: c) } ?? []
    }

    /// The pre-treatment baseline (the first course's) and the reviewed course's, once each.
    static func baselines(_ c: ReviewContext) -> [TimelineBaseline] {
        var result: [TimelineBaseline] = []
        if let first = c.courses.first, let b = BaselinePain.of(first, in: c.pains) {
            result.append(TimelineBaseline(courseID: first.course.id, drug: first.course.drug, pretreatment: true,
                                           score: b.score, date: b.date))
        }
        if let reference = c.reference, reference.course.id != c.courses.first?.course.id,
           let b = BaselinePain.of(reference, in: c.pains), b.score != result.first?.score || b.date != result.first?.date {
            result.append(TimelineBaseline(courseID: reference.course.id, drug: reference.course.drug, pretreatment: false,
                                           score: b.score, date: b.date))
        }
        return result
    }

    /// The trailing 7-day mean (each scored day counts once) on every day from the first
    /// scored day to `today` whose window holds a score.
    static func trailingMeans(_ days: [DailyScores], through today: LocalDate) -> [DailyPain] {
        guard let first = days.first?.date else { return [] }
        var result: [DailyPain] = []
        var window: [(day: Int, score: Double)] = [], next = 0, sum = 0.0
        var day = first
        while day <= today {
            while next < days.count, days[next].date <= day {
                window.append((days[next].date.dayNumber, days[next].score))
                sum += days[next].score
                next += 1
            }
            while let oldest = window.first, oldest.day <= day.dayNumber - 7 {
                sum -= oldest.score
                window.removeFirst()
            }
            if !window.isEmpty { result.append(DailyPain(date: day, score: sum / Double(window.count))) }
            day = day.adding(days: 1)
        }
        return result
    }
}

/// A baseline pain score drawn across the timeline.
public struct TimelineBaseline: Codable, Sendable, Equatable {
    public var courseID: Int64?
    public var drug: String
    /// The first course's: the baseline before any drug on the ladder.
    public var pretreatment: Bool
    public var score: Double
    public var date: LocalDate
}

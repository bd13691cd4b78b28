import Foundation

/// Days in a row at one planned daily dose.
public struct DoseRun: Codable, Sendable, Equatable {
    public var from: LocalDate
    /// The last day, inclusive.
    public var to: LocalDate
    public var dailyDoseMg: Milligrams
}

/// Milligrams recorded as taken on one day (extras included).
public struct DailyDose: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var takenMg: Milligrams
}

/// One course on the timeline: its planned daily dose day by day (holds and later decisions
/// included), what was taken, and for the ladder table the highest dose and the weeks on it.
public struct TimelineCourse: Codable, Sendable, Equatable {
    public var courseID: Int64?
    public var drug: String
    public var drugName: String
    public var startDate: LocalDate
    public var status: Course.Status
    public var outcome: Course.Outcome?
    /// Runs of days with a planned dose above 0, up to today.
    public var planned: [DoseRun]
    /// Days with a dose recorded as taken, in date order.
    public var taken: [DailyDose]
    /// The highest planned daily dose so far.
    public var highestDoseMg: Milligrams
    /// Days from the first to the last day with a planned dose, up to today.
    public var daysOnDrug: Int

    init(_ r: CourseRecord, context c: ReviewContext, through today: LocalDate) {
        courseID = r.course.id
        drug = r.course.drug
        drugName = (try? c.formulary.drug(r.course.drug).name) ?? r.course.drug
        startDate = r.course.startDate
        status = r.course.status
        outcome = r.course.outcome
        var runs: [DoseRun] = []
        var day = r.course.startDate
        while day <= today {
            let mg = r.dailyDose(on: day)
            if mg > 0 {
                if let last = runs.last, last.dailyDoseMg == mg, last.to == day.adding(days: -1) {
                    runs[runs.count - 1].to = day
                } else {
                    runs.append(DoseRun(from: day, to: day, dailyDoseMg: mg))
                }
            }
            day = day.adding(days: 1)
        }
        planned = runs
        highestDoseMg = runs.map(\.dailyDoseMg).max() ?? 0
        daysOnDrug = runs.first.map { $0.from.days(to: runs.last!.to) + 1 } ?? 0
        var byDay: [Int: Milligrams] = [:]
        for i in c.journal.indices where c.journal[i].kind == .taken || c.journal[i].kind == .extra {
            guard c.journal[i].courseID == r.course.id, let dose = c.journal[i].dose else { continue }
            let date = dose.slot?.date ?? c.localDate(c.journal[i].at)
            guard date <= today else { continue }
            byDay[date.dayNumber, default: 0] += dose.doseMg
        }
        taken = byDay.keys.sorted().map { DailyDose(date: LocalDate(dayNumber: $0), takenMg: byDay[$0]!) }
    }
}

/// Days a course's plan held its step-ups for a clinician.
public struct TimelineHold: Codable, Sendable, Equatable {
    public var courseID: Int64?
    public var drug: String
    public var from: LocalDate
    /// The last day held, inclusive (today while the hold lasts).
    public var to: LocalDate
    public var reason: String

    /// Each run of held plan versions, from the first's effective day to the day before the
    /// next version that lifts it (or today).
    static func holds(of r: CourseRecord, through today: LocalDate) -> [TimelineHold] {
        var result: [TimelineHold] = []
        var open: (from: LocalDate, reason: String)?
        for v in r.versions {
            if let reason = v.holdReason {
                if open == nil { open = (v.effectiveFrom, reason) }
            } else if let held = open {
                let end = max(held.from, v.effectiveFrom.adding(days: -1))
                result.append(TimelineHold(courseID: r.course.id, drug: r.course.drug, from: held.from, to: end,
                                           reason: held.reason))
                open = nil
            }
        }
        if let held = open, held.from <= today {
            result.append(TimelineHold(courseID: r.course.id, drug: r.course.drug, from: held.from,
                                       to: r.course.status == .stopped ? held.from : today, reason: held.reason))
        }
        return result.filter { $0.from <= today }.map { h in
            var h = h
            h.to = min(h.to, today)
            return h
        }
    }
}

import Foundation

/// Doses taken against doses due, for one period, with the share taken.
public struct AdherenceFigure: Codable, Sendable, Equatable {
    public var scheduled: Int
    public var taken: Int
    public var skipped: Int
    public var late: Int
    /// Due and neither taken nor skipped.
    public var unrecorded: Int
    /// taken / scheduled × 100; `nil` when nothing was due.
    public var percent: Double?

    public init(_ count: AdherenceCount) {
        scheduled = count.scheduled
        taken = count.taken
        skipped = count.skipped
        late = count.late
        unrecorded = count.unrecorded
        percent = count.fraction.map { $0 * 100 }
    }
}

/// Adherence for one titration step of the course.
public struct StepAdherence: Codable, Sendable, Equatable {
    public var stepNumber: Int
    public var dailyDoseMg: Milligrams
    public var figure: AdherenceFigure
}

/// Adherence of the course in progress over the last 7 and 28 days, the whole course and
/// each step, counting only the doses due by now (see ``AdherenceReport``).
public struct AdherenceReview: Codable, Sendable, Equatable {
    public var last7Days: AdherenceFigure
    public var last28Days: AdherenceFigure
    public var wholeCourse: AdherenceFigure
    /// In step order; a step reached twice (after a reduction) at the same dose is one row.
    public var byStep: [StepAdherence]

    init(_ record: CourseRecord, context c: ReviewContext) {
        // One pass over the slots due by now, each looked up once in an index of the course's
        // dose entries; the same counts as ``AdherenceReport`` per period and per step
        // (`AdherenceReviewEquivalenceTests` checks it against that straightforward way).
        // The slots are counted as the calendar makes them, day by day, with no array of them
        // (a two-year calendar of ``DoseSlot``s and its sorted copy were half a megabyte of
        // fresh memory): the counts do not depend on the order, and the step rows are put in
        // the order of their first slot in time, as a pass over the sorted slots would meet them.
        let start = record.course.startDate
        let status = SlotStatusIndex(c.journal, courseID: record.course.id)
        let week = c.today.adding(days: -7), month = c.today.adding(days: -28)
        var last7 = AdherenceCount(), last28 = AdherenceCount(), whole = AdherenceCount()

        // Steps are numbered within a plan version's schedule; group by number and daily dose
        // so a different schedule (after a decision) does not merge unlike doses. `first` is
        // the group's earliest slot: its instant, then its place in the calendar (the sort by
        // instant is stable, so that breaks ties as it would).
        var groups: [(step: Int, mg: Milligrams, count: AdherenceCount, first: (Date, Int))] = []
        var group = -1, made = 0
        var doseDay: LocalDate?, doseVersion = -1, doseMg: Milligrams = 0
        DoseCalendar.forEachSlot(versions: record.versions, courseStart: start, courseEnd: nil, from: start,
                                 to: c.today, clock: c.clock) { key, instant, _, stepNumber, version in
            made += 1
            guard instant <= c.now else { return }
            let s = status[key]
            let date = key.date
            whole.add(s)
            if date <= c.today {
                if date > week { last7.add(s) }
                if date > month { last28.add(s) }
            }
            // The daily dose of the slot's own plan version: on a day a decision took effect
            // during the day, the earlier slots keep the dose that was in force.
            if date != doseDay || version != doseVersion {
                doseDay = date
                doseVersion = version
                doseMg = record.versions[version].step(on: date)?.dailyTotal ?? record.dailyDose(on: date)
            }
            if group < 0 || groups[group].step != stepNumber || groups[group].mg != doseMg {
                group = groups.firstIndex { $0.step == stepNumber && $0.mg == doseMg } ?? {
                    groups.append((stepNumber, doseMg, AdherenceCount(), (instant, made)))
                    return groups.count - 1
                }()
            }
            groups[group].count.add(s)
            if (instant, made) < groups[group].first { groups[group].first = (instant, made) }
        }
        groups.sort { $0.first < $1.first }
        last7Days = AdherenceFigure(last7)
        last28Days = AdherenceFigure(last28)
        wholeCourse = AdherenceFigure(whole)
        byStep = groups.map { StepAdherence(stepNumber: $0.step, dailyDoseMg: $0.mg, figure: AdherenceFigure($0.count)) }
    }
}

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
        let start = record.course.startDate
        // Only the key, instant and step of each slot: a two-year calendar of full ``DoseSlot``s
        // (administration and plan version included) was a quarter of a megabyte of fresh memory.
        var slots: [(key: SlotKey, instant: Date, stepNumber: Int)] = []
        slots.reserveCapacity(DoseCalendar.estimatedCount(courseStart: start, courseEnd: nil, from: start, to: c.today))
        DoseCalendar.forEachSlot(versions: record.versions, courseStart: start, courseEnd: nil, from: start,
                                 to: c.today, clock: c.clock) { key, instant, _, step, _ in
            slots.append((key, instant, step))
        }
        // In time order, as ``DoseCalendar/slots(versions:courseStart:courseEnd:from:to:zones:)`` gives them.
        if !DoseCalendar.isInOrder(slots, by: { $0.instant }) { slots.sort { $0.instant < $1.instant } }
        let status = SlotStatusIndex(c.journal, courseID: record.course.id)
        let week = c.today.adding(days: -7), month = c.today.adding(days: -28)
        var last7 = AdherenceCount(), last28 = AdherenceCount(), whole = AdherenceCount()

        // Steps are numbered within a plan version's schedule; group by number and daily dose
        // so a different schedule (after a decision) does not merge unlike doses.
        var groups: [(step: Int, mg: Milligrams, count: AdherenceCount)] = []
        var group = -1
        var doseDay: LocalDate?, doseMg: Milligrams = 0
        for slot in slots where slot.instant <= c.now {
            let s = status[slot.key]
            let date = slot.key.date
            whole.add(s)
            if date <= c.today {
                if date > week { last7.add(s) }
                if date > month { last28.add(s) }
            }
            if date != doseDay {
                doseDay = date
                doseMg = record.dailyDose(on: date)
            }
            if group < 0 || groups[group].step != slot.stepNumber || groups[group].mg != doseMg {
                group = groups.firstIndex { $0.step == slot.stepNumber && $0.mg == doseMg } ?? {
                    groups.append((slot.stepNumber, doseMg, AdherenceCount()))
                    return groups.count - 1
                }()
            }
            groups[group].count.add(s)
        }
        last7Days = AdherenceFigure(last7)
        last28Days = AdherenceFigure(last28)
        wholeCourse = AdherenceFigure(whole)
        byStep = groups.map { StepAdherence(stepNumber: $0.step, dailyDoseMg: $0.mg, figure: AdherenceFigure($0.count)) }
    }
}

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
        let slots = DoseCalendar.slots(versions: record.versions, courseStart: record.course.startDate,
                                       from: record.course.startDate, to: c.today, zones: c.zones)
            .filter { $0.instant <= c.now }
        let entries = c.journal.filter { $0.courseID == record.course.id }
        let report = AdherenceReport(slots: slots, entries: entries, courseStart: record.course.startDate)
        last7Days = AdherenceFigure(report.lastDays(7, upTo: c.today))
        last28Days = AdherenceFigure(report.lastDays(28, upTo: c.today))
        wholeCourse = AdherenceFigure(report.overall)

        // Steps are numbered within a plan version's schedule; group by number and daily dose
        // so a different schedule (after a decision) does not merge unlike doses.
        var keys: [(step: Int, mg: Milligrams)] = []
        var slotsByKey: [String: [DoseSlot]] = [:]
        for slot in slots {
            let mg = record.dailyDose(on: slot.key.date)
            let key = "\(slot.stepNumber)/\(mg)"
            if slotsByKey[key] == nil { keys.append((slot.stepNumber, mg)) }
            slotsByKey[key, default: []].append(slot)
        }
        byStep = keys.map { key in
            let group = slotsByKey["\(key.step)/\(key.mg)"] ?? []
            return StepAdherence(stepNumber: key.step, dailyDoseMg: key.mg,
                                 figure: AdherenceFigure(AdherenceReport(slots: group, entries: entries,
                                                                         courseStart: record.course.startDate).overall))
        }
    }
}

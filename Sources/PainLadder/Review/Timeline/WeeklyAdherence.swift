import Foundation

/// Doses taken against doses due in one course week (week 1 is the course's first 7 days).
public struct WeeklyAdherence: Codable, Sendable, Equatable {
    public var week: Int
    public var from: LocalDate
    public var to: LocalDate
    public var figure: AdherenceFigure

    /// Every week of the course up to today, counting the doses due by now as
    /// ``AdherenceReview`` does (a taken dose wins over a skip; extras do not count).
    static func weeks(of r: CourseRecord, context c: ReviewContext) -> [WeeklyAdherence] {
        let start = r.course.startDate
        guard start <= c.today else { return [] }
        let status = SlotStatusIndex(c.journal, courseID: r.course.id)
        var counts = [AdherenceCount](repeating: AdherenceCount(), count: start.days(to: c.today) / 7 + 1)
        DoseCalendar.forEachSlot(versions: r.versions, courseStart: start, courseEnd: nil, from: start, to: c.today,
                                 clock: c.clock) { key, instant, _, _, _ in
            guard instant <= c.now else { return }
            counts[start.days(to: key.date) / 7].add(status[key])
        }
        return counts.indices.map { i in
            let from = start.adding(days: 7 * i)
            return WeeklyAdherence(week: i + 1, from: from, to: min(from.adding(days: 6), c.today),
                                   figure: AdherenceFigure(counts[i]))
        }
    }
}

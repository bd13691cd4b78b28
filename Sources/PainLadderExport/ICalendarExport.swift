import Foundation
import PainLadder

/// A course's dose schedule as an iCalendar file (RFC 5545) that calendar apps import.
///
/// - One VEVENT series per step and administration time: a recurrence rule cannot change
///   the dose, so each step is its own `RRULE:FREQ=DAILY` series, ending with `UNTIL` (in
///   UTC, as §3.3.10 requires with a TZID start) at the end of the day before the next
///   step. The step in force at the end of the plan has no `UNTIL`.
/// - Each series has a VALARM (`ACTION:DISPLAY`, `TRIGGER:PT0M`): the alarm at the dose time.
/// - The next review is an all-day event with an alarm the day before.
/// - Times are wall-clock times in the patient's zone (`DTSTART;TZID=Europe/London:…`),
///   with a VTIMEZONE for each zone used (see ``VTimeZone``), so a dose stays at 22:00
///   across clock changes in every app.
/// - UIDs are stable (course, step, time: `c12-step2-2200@painladder`), SEQUENCE is the
///   plan's version number minus one and DTSTAMP the plan version's time: importing a new
///   export after a decision updates the events instead of duplicating them.
/// - Held plans keep the step in force; planned steps above the usual target are not shown.
/// - Events a decision drops are written again as cancelled (``calendar(patient:course:drug:versions:zones:howToRecord:tapering:)``).
/// - A dose time that does not exist on a spring-forward day (01:30 in London on the last
///   Sunday of March) is left out of its series (EXDATE) and written as its own event at an
///   explicit UTC instant, the instant `remind` uses (the wall-clock time in the offset
///   before the change), so every calendar app places it the same.
public enum ICalendarExport {
    /// One daily series: a step's administration over consecutive days.
    public struct Series: Sendable, Equatable {
        public var uid: String
        public var stepNumber: Int
        public var administration: Administration
        public var firstDay: LocalDate
        /// The last day, inclusive; `nil` when the series goes on.
        public var lastDay: LocalDate?
        public var zone: String
    }

    /// The series of the course's plan, from its first day.
    public static func series(course: Course, versions: [PlanVersion], zones: ZoneHistory) -> [Series] {
        guard let courseID = course.id else { return [] }
        // After the last dated event (a step start, a version, a zone change) nothing changes.
        var ends = versions.flatMap { v in v.schedule.plannedSteps.map(\.startDate) + [v.effectiveFrom] }
        ends += zones.changes.map(\.from).filter { $0 > course.startDate }
        let lastChange = max(ends.max() ?? course.startDate, course.startDate)

        struct Group { var step: TitrationStep; var zone: String; var from: LocalDate; var to: LocalDate }
        var groups: [Group] = []
        var day = course.startDate
        while day <= lastChange {
            if let step = DoseCalendar.plan(on: day, versions: versions)?.step(on: day) {
                let zone = zones.zone(on: day).identifier
                if var g = groups.last, g.to.adding(days: 1) == day, g.step.number == step.number,
                   g.step.administrations == step.administrations, g.zone == zone {
                    g.to = day
                    groups[groups.count - 1] = g
                } else {
                    groups.append(Group(step: step, zone: zone, from: day, to: day))
                }
            }
            day = day.adding(days: 1)
        }
        var used: Set<String> = []
        var result: [Series] = []
        for (i, g) in groups.enumerated() {
            for a in g.step.administrations {
                var uid = "c\(courseID)-step\(g.step.number)-\(String(format: "%02d%02d", a.time.hour, a.time.minute))"
                if !used.insert(uid).inserted { uid += "-\(ICalendarText.dateValue(g.from))" }
                result.append(Series(uid: uid + "@painladder", stepNumber: g.step.number, administration: a,
                                     firstDay: g.from, lastDay: i == groups.count - 1 ? nil : g.to, zone: g.zone))
            }
        }
        return result
    }

    /// An old drug still tapering beside the course in progress (a switch): its dose series
    /// (its own course's UIDs, `c11-step7-0800@painladder`) are exported too, marked as tapering.
    public struct Taper: Sendable {
        public var course: Course
        public var drug: Drug
        public var versions: [PlanVersion]

        public init(course: Course, drug: Drug, versions: [PlanVersion]) {
            self.course = course
            self.drug = drug
            self.versions = versions
        }
    }

    /// The whole calendar: CRLF line ends, folded at 75 octets.
    ///
    /// It follows decisions: every event an earlier plan version wrote that the plan now in
    /// force drops (the steps after a hold, an old drug's doses after a switch, a gap
    /// occurrence past a new end) is written again with `STATUS:CANCELLED`, the same UID and
    /// the current SEQUENCE, so a calendar that imports or subscribes to the file removes it.
    ///
    /// - Parameter howToRecord: how the patient records a dose taken, where they record it
    ///   (a command, a page), ending each dose's description ("Then record it: …").
    /// - Parameter tapering: old drugs still tapering beside `course` (a switch), so a patient
    ///   following the calendar does not stop them at once.
    public static func calendar(patient: Patient, course: Course, drug: Drug, versions: [PlanVersion],
                                zones: ZoneHistory, howToRecord: String, tapering: [Taper] = []) -> String {
        let latest = versions.max { $0.version < $1.version }
        let allVersions = versions + tapering.flatMap(\.versions)
        let firstYear = min(course.startDate.year, tapering.map(\.course.startDate.year).min() ?? course.startDate.year)
        let horizon = gapHorizon(course: course, versions: allVersions, zones: zones)
        let main = DoseEvent.followingDecisions(course: course, versions: versions, zones: zones, horizon: horizon)
        let tapers = tapering.map { t in
            (t, DoseEvent.followingDecisions(course: t.course, versions: t.versions, zones: zones, horizon: horizon))
        }
        let stamp = ICalendarText.utc(latest?.createdAt ?? course.createdAt)
        let sequence = max((latest?.version ?? 1) - 1, 0)
        let name = drug.name
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PainLadder//painladder//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:\(ICalendarText.escape("PainLadder: \(name) (\(patient.id))"))"]

        let every = ([main] + tapers.map(\.1)).flatMap { $0.current + $0.dropped }.map(\.series)
        for zone in Set(every.map(\.zone)).sorted() {
            guard let tz = TimeZone(identifier: zone) else { continue }
            lines += VTimeZone.lines(tz, fromYear: firstYear, toYear: horizon.year)
        }

        let text = EventText(howToRecord: howToRecord)
        lines += text.events(main, name: name, stamp: stamp, sequence: sequence, taper: nil)
        for (taper, events) in tapers {
            let current = taper.versions.max { $0.version < $1.version }
            lines += text.events(events, name: taper.drug.name,
                                 stamp: ICalendarText.utc(current?.createdAt ?? taper.course.createdAt),
                                 sequence: max((current?.version ?? 1) - 1, 0),
                                 taper: current.flatMap { v in v.schedule.stopDate.map { (from: v.effectiveFrom, stop: $0) } })
            // The old drug's review was on the calendar while it was the course in progress.
            if let courseID = taper.course.id, let review = taper.versions.compactMap(\.nextReviewDate).last {
                lines += text.review(courseID: courseID, date: review, name: taper.drug.name, stamp: stamp,
                                     sequence: max((current?.version ?? 1) - 1, 0), cancelled: true)
            }
        }
        if let courseID = course.id {
            if let review = latest?.nextReviewDate {
                lines += text.review(courseID: courseID, date: review, name: name, stamp: stamp, sequence: sequence, cancelled: false)
            } else if let earlier = versions.sorted(by: { $0.version < $1.version }).compactMap(\.nextReviewDate).last {
                lines += text.review(courseID: courseID, date: earlier, name: name, stamp: stamp, sequence: sequence, cancelled: true)
            }
        }
        lines.append("END:VCALENDAR")
        return ICalendarText.document(lines)
    }

    /// How far an open-ended series' spring-forward occurrences are written in UTC: the end
    /// of the second year after the last dated change (a step, a version, a review, a move).
    /// A calendar re-exported later extends it.
    static func gapHorizon(course: Course, versions: [PlanVersion], zones: ZoneHistory) -> LocalDate {
        var dates = versions.flatMap { v in v.schedule.steps.map(\.startDate) + [v.effectiveFrom] }
        dates += versions.compactMap(\.nextReviewDate) + zones.changes.map(\.from).filter { $0 > course.startDate }
        let last = max(dates.max() ?? course.startDate, course.startDate)
        return LocalDate(year: last.year + 2, month: 12, day: 31)!
    }
}

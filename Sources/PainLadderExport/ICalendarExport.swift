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
    /// - Parameter howToRecord: how the patient records a dose taken, where they record it
    ///   (a command, a page), ending each dose's description ("Then record it: …").
    /// - Parameter tapering: old drugs still tapering beside `course` (a switch), so a patient
    ///   following the calendar does not stop them at once.
    public static func calendar(patient: Patient, course: Course, drug: Drug, versions: [PlanVersion],
                                zones: ZoneHistory, howToRecord: String, tapering: [Taper] = []) -> String {
        let all = series(course: course, versions: versions, zones: zones)
        let tapers = tapering.map { t in (t, series(course: t.course, versions: t.versions, zones: zones)) }
        let latest = versions.max { $0.version < $1.version }
        let stamp = ICalendarText.utc(latest?.createdAt ?? course.createdAt)
        let sequence = max((latest?.version ?? 1) - 1, 0)
        let name = drug.name
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PainLadder//painladder//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:\(ICalendarText.escape("PainLadder: \(name) (\(patient.id))"))"]

        let every = all + tapers.flatMap(\.1)
        let firstYear = min(course.startDate.year, tapering.map(\.course.startDate.year).min() ?? course.startDate.year)
        let lastYear = max(every.map { ($0.lastDay ?? $0.firstDay).year }.max() ?? course.startDate.year,
                           latest?.nextReviewDate?.year ?? 0)
        for zone in Set(every.map(\.zone)).sorted() {
            guard let tz = TimeZone(identifier: zone) else { continue }
            lines += VTimeZone.lines(tz, fromYear: firstYear, toYear: lastYear)
        }

        lines += events(all, name: name, stamp: stamp, sequence: sequence, howToRecord: howToRecord, taper: nil)
        for (taper, series) in tapers {
            let current = taper.versions.max { $0.version < $1.version }
            lines += events(series, name: taper.drug.name, stamp: ICalendarText.utc(current?.createdAt ?? taper.course.createdAt),
                            sequence: max((current?.version ?? 1) - 1, 0), howToRecord: howToRecord,
                            taper: current.flatMap { v in v.schedule.stopDate.map { (from: v.effectiveFrom, stop: $0) } })
        }

        if let courseID = course.id, let review = latest?.nextReviewDate {
            lines += ["BEGIN:VEVENT", "UID:c\(courseID)-review@painladder", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                      "DTSTART;VALUE=DATE:\(ICalendarText.dateValue(review))",
                      "DTEND;VALUE=DATE:\(ICalendarText.dateValue(review.adding(days: 1)))",
                      "SUMMARY:\(ICalendarText.escape("\(name) review with your clinician"))",
                      "DESCRIPTION:\(ICalendarText.escape("Review of the \(name.lowercased()) course (PainLadder): how it helps, side effects, what next."))",
                      "TRANSP:TRANSPARENT",
                      "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P1D",
                      "DESCRIPTION:\(ICalendarText.escape("\(name) review tomorrow"))", "END:VALARM", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return ICalendarText.document(lines)
    }
    /// One VEVENT with its alarm per series; a taper's doses (from its version on) are marked
    /// "tapering to stop on …".
    static func events(_ all: [Series], name: String, stamp: String, sequence: Int, howToRecord: String,
                       taper: (from: LocalDate, stop: LocalDate)?) -> [String] {
        var lines: [String] = []
        for s in all {
            let taperStop = taper.flatMap { s.firstDay >= $0.from ? $0.stop : nil }
            let mark = taperStop.map { " (tapering to stop on \($0))" } ?? ""
            let a = s.administration
            let what = "\(name) \(a.doseMg) mg (\(Dispensing.describe(a.units)))\(mark)"
            let period = s.lastDay.map { "from \(s.firstDay) to \($0)" } ?? "from \(s.firstDay) until the plan changes"
            var rule = "FREQ=DAILY"
            if let last = s.lastDay, let tz = TimeZone(identifier: s.zone) {
                // The end of the last day, in UTC: the next step starts the day after.
                let until = WallClock.instant(last.adding(days: 1), LocalTime(hour: 0, minute: 0)!, in: tz).addingTimeInterval(-1)
                rule += ";UNTIL=\(ICalendarText.utc(until))"
            }
            let stop = taperStop.map { " \(name) is tapering: no more \(name.lowercased()) from \($0)." } ?? ""
            lines += ["BEGIN:VEVENT", "UID:\(s.uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                      "DTSTART;TZID=\(s.zone):\(ICalendarText.local(s.firstDay, a.time))", "DURATION:PT15M",
                      "RRULE:\(rule)", "SUMMARY:\(ICalendarText.escape(what))",
                      "DESCRIPTION:\(ICalendarText.escape("Step \(s.stepNumber): take \(a.doseMg) mg (\(Dispensing.describe(a.units))) at \(a.time) each day \(period).\(stop) Then record it: \(howToRecord)"))",
                      "CATEGORIES:MEDICATION", "TRANSP:TRANSPARENT",
                      "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M",
                      "DESCRIPTION:\(ICalendarText.escape("Take \(name.lowercased()) \(a.doseMg) mg (\(Dispensing.describe(a.units)))\(mark)"))",
                      "END:VALARM", "END:VEVENT"]
        }
        return lines
    }
}

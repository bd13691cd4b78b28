import Foundation
import PainLadder

extension ICalendarExport {
    /// The VEVENT lines of one course's doses and review. Events in force are CONFIRMED with
    /// an alarm; dropped ones CANCELLED, marked so in their summary, without an alarm (an app
    /// that ignores STATUS must not ring for a dose no longer planned).
    struct EventText {
        /// How the patient records a dose taken, ending each dose's description.
        var howToRecord: String

        /// A course's events: those in force, then those its decisions dropped. A taper's
        /// doses (from its version on) are marked "tapering to stop on …".
        func events(_ events: DoseEvent.FollowingDecisions, name: String, stamp: String, sequence: Int,
                    taper: (from: LocalDate, stop: LocalDate)?) -> [String] {
            events.current.flatMap { dose($0, name: name, stamp: stamp, sequence: sequence, taper: taper, cancelled: false) }
                + events.dropped.flatMap { dose($0, name: name, stamp: stamp, sequence: sequence, taper: nil, cancelled: true) }
        }

        func dose(_ e: DoseEvent, name: String, stamp: String, sequence: Int,
                  taper: (from: LocalDate, stop: LocalDate)?, cancelled: Bool) -> [String] {
            let s = e.series
            let taperStop = taper.flatMap { s.firstDay >= $0.from ? $0.stop : nil }
            let mark = taperStop.map { " (tapering to stop on \($0))" } ?? ""
            let a = s.administration
            let what = "\(cancelled ? "Cancelled: " : "")\(name) \(a.doseMg) mg (\(Dispensing.describe(a.units)))\(mark)"
            let period = s.lastDay.map { "from \(s.firstDay) to \($0)" } ?? "from \(s.firstDay) until the plan changes"
            let stop = taperStop.map { " \(name) is tapering: no more \(name.lowercased()) from \($0)." } ?? ""
            var lines = ["BEGIN:VEVENT", "UID:\(e.uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                         "STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")"]
            if let gap = e.gapOccurrence {
                // The clocks go forward over this dose time: the instant in UTC, as `remind` has it.
                lines += ["DTSTART:\(ICalendarText.utc(gap.instant))", "DURATION:PT15M"]
            } else {
                var rule = "FREQ=DAILY"
                if let last = s.lastDay, let tz = TimeZone(identifier: s.zone) {
                    // The end of the last day, in UTC: the next step starts the day after.
                    let until = WallClock.instant(last.adding(days: 1), LocalTime(hour: 0, minute: 0)!, in: tz).addingTimeInterval(-1)
                    rule += ";UNTIL=\(ICalendarText.utc(until))"
                }
                lines += ["DTSTART;TZID=\(s.zone):\(ICalendarText.local(s.firstDay, a.time))", "DURATION:PT15M", "RRULE:\(rule)"]
                lines += e.gapDays.map { "EXDATE;TZID=\(s.zone):\(ICalendarText.local($0, a.time))" }
            }
            lines += ["SUMMARY:\(ICalendarText.escape(what))",
                      "DESCRIPTION:\(ICalendarText.escape("Step \(s.stepNumber): take \(a.doseMg) mg (\(Dispensing.describe(a.units))) at \(a.time) each day \(period).\(stop) Then record it: \(howToRecord)"))",
                      "CATEGORIES:MEDICATION", "TRANSP:TRANSPARENT"]
            if !cancelled {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M",
                          "DESCRIPTION:\(ICalendarText.escape("Take \(name.lowercased()) \(a.doseMg) mg (\(Dispensing.describe(a.units)))\(mark)"))",
                          "END:VALARM"]
            }
            return lines + ["END:VEVENT"]
        }

        /// The review with the clinician: an all-day event with an alarm the day before, or
        /// cancelled when the plan in force no longer has it.
        func review(courseID: Int64, date: LocalDate, name: String, stamp: String, sequence: Int, cancelled: Bool) -> [String] {
            var lines = ["BEGIN:VEVENT", "UID:c\(courseID)-review@painladder", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)",
                         "STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")",
                         "DTSTART;VALUE=DATE:\(ICalendarText.dateValue(date))",
                         "DTEND;VALUE=DATE:\(ICalendarText.dateValue(date.adding(days: 1)))",
                         "SUMMARY:\(ICalendarText.escape("\(cancelled ? "Cancelled: " : "")\(name) review with your clinician"))",
                         "DESCRIPTION:\(ICalendarText.escape("Review of the \(name.lowercased()) course (PainLadder): how it helps, side effects, what next."))",
                         "TRANSP:TRANSPARENT"]
            if !cancelled {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P1D",
                          "DESCRIPTION:\(ICalendarText.escape("\(name) review tomorrow"))", "END:VALARM"]
            }
            return lines + ["END:VEVENT"]
        }
    }
}

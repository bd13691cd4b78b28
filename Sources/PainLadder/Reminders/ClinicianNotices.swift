import Foundation

/// Notices for the clinician about what the patient recorded: a dose above the maximum
/// single or daily dose (an ``ClinicianFlag/Kind/aboveMaximum`` flag on a dose entry), or a
/// red-flag symptom (a ``ClinicianFlag/Kind/redFlag`` flag on a side-effect report).
///
/// The rule (also in the README): one notice per flagged entry, keyed by the entry
/// (`clinician:c<course>:e<entry>`), handed out by the first run after it was recorded. An
/// entry corrected or undone before that run gives none (the effective journal no longer
/// holds it flagged).
enum ClinicianNotices {
    static func plan(_ input: ReminderInput, now: Date, into result: inout ReminderPlan) {
        for entry in input.journal where entry.recordedAt <= now {
            guard let id = entry.id else { continue }
            let zone = input.zones.zone(at: entry.at)
            let (date, time) = WallClock.local(entry.at, in: zone)
            let key = Reminder.key(.clinician, course: input.courseID, "e\(id)")
            // Red flags first: the same key (one notice per entry) carries the more urgent.
            if let red = entry.flags.first(where: { $0.kind == .redFlag }) {
                var r = input.reminder(.clinician, .clinician, key: key, date: date, time: time,
                                       message: "\(input.patient.id) reported a red-flag symptom (#\(id) at \(time) on \(date)): "
                                           + red.message)
                r.flag = .redFlag
                result.reminders.append(r)
                continue
            }
            let flags = entry.flags.filter { $0.kind == .aboveMaximum }
            guard !flags.isEmpty else { continue }
            let message = "\(input.patient.id) recorded a dose above the maximum (#\(id) at \(time) on \(date)): "
                + flags.map(\.message).joined(separator: "; ")
                + ". It may be a typing mistake: please check with the patient."
            var r = input.reminder(.clinician, .clinician, key: key, date: date, time: time, message: message)
            r.flag = .aboveMaximum
            result.reminders.append(r)
        }
    }
}

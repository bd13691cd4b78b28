import Foundation

/// Dose reminders, missed-dose markers and runs of missed doses.
///
/// The rules (also in the README):
/// - A slot is reminded once, from ``ReminderPolicy/doseLead`` before it until
///   ``ReminderPolicy/doseLate`` after it, when nothing (taken or skipped) is recorded.
/// - Slots follow the wall clock (``WallClock``): 22:00 stays 22:00 across a clock change.
///   A slot in the spring-forward gap (01:30 on the day Europe/London goes from 01:00 to
///   02:00) is read with the offset before the gap: it falls at 02:30 summer time and is
///   reminded from 02:15. A slot in the repeated autumn hour means its first occurrence
///   (summer time) and is reminded once: the key is the slot's local date and time, so the
///   second 01:30 finds it already sent.
/// - A slot whose late window ended since the previous run with nothing recorded becomes a
///   `missed` entry in the journal (never a stale "take now"). The patient can still record
///   it: a `take` for the slot counts as taken and wins over the marker.
/// - When a newly missed slot makes exactly ``ReminderPolicy/missedRunLength`` missed slots
///   in a row, the clinician is told once (keyed by that slot). Skipped doses are recorded
///   choices and break a run.
enum DoseReminders {
    /// - Parameter missedBy: the latest instant a slot's window may close to be marked
    ///   missed (`now`, or the system clock when that is earlier: a replay ahead of it).
    static func plan(_ input: ReminderInput, now: Date, since: Date, missedBy: Date, policy: ReminderPolicy,
                     into result: inout ReminderPlan) {
        // From two days before the scan (a run needs the slots before the first newly
        // missed one), but never before the journal we were given is complete.
        let from = max(input.localDate(since.addingTimeInterval(-policy.doseLate)).adding(days: -2), input.journalFrom)
        let last = input.localDate(now.addingTimeInterval(policy.doseLead)).adding(days: 1)
        let slots = input.slots(from: from, to: last)
        var recorded = input.recorded()
        var newlyMissed: Set<SlotKey> = []

        for slot in slots where recorded[slot.key] == nil {
            let opens = slot.instant.addingTimeInterval(-policy.doseLead)
            let closes = slot.instant.addingTimeInterval(policy.doseLate)
            if now >= opens && now <= closes {
                result.reminders.append(doseReminder(slot, input))
            } else if now > closes && closes >= since && closes < missedBy {
                result.missed.append(marker(slot, input, now: missedBy))
                recorded[slot.key] = .missed
                newlyMissed.insert(slot.key)
            }
        }

        // Runs: a newly missed slot that is exactly the n-th missed in a row.
        let n = max(policy.missedRunLength, 1)
        let past = slots.filter { recorded[$0.key] != nil || $0.instant.addingTimeInterval(policy.doseLate) < now }
        for (i, slot) in past.enumerated() where newlyMissed.contains(slot.key) && i + 1 >= n {
            let run = past[(i + 1 - n)...i]
            guard run.allSatisfy({ recorded[$0.key] == .missed }) else { continue }
            if i + 1 > n, recorded[past[i - n].key] == .missed { continue }
            result.reminders.append(missedRunReminder(Array(run), input))
        }
    }

    static func doseReminder(_ slot: DoseSlot, _ input: ReminderInput) -> Reminder {
        let a = slot.administration
        let message = "Time to take \(input.drugName.lowercased()) \(a.doseMg) mg (\(Dispensing.describe(a.units))), "
            + "due at \(slot.key.time)\(slot.key.date == input.localDate(slot.instant) ? "" : " (\(slot.key.date))")."
        return input.reminder(.dose, .patient, key: Reminder.key(.dose, course: input.courseID, "\(slot.key.date)T\(slot.key.time)"),
                              date: slot.key.date, time: slot.key.time, message: message)
    }

    /// The journal entry that marks a slot missed.
    static func marker(_ slot: DoseSlot, _ input: ReminderInput, now: Date) -> JournalEntry {
        JournalEntry(patientID: input.patient.id, courseID: input.courseID, planVersionID: slot.planVersionID,
                     at: slot.instant, recordedAt: now, recordedBy: ReminderPlanner.author,
                     reason: "missed (not recorded)",
                     event: .missed(DoseDetail(slot: slot.key, doseMg: 0, plannedDoseMg: slot.doseMg,
                                               stepNumber: slot.stepNumber, late: false)))
    }

    static func missedRunReminder(_ run: [DoseSlot], _ input: ReminderInput) -> Reminder {
        let last = run.last!
        let list = run.map { "\($0.key.date) \($0.key.time)" }.joined(separator: ", ")
        let message = "\(input.patient.id) (\(input.drugName.lowercased())): \(run.count) doses in a row with nothing "
            + "recorded: \(list) (\(input.zones.zone(on: last.key.date).identifier)). They are marked missed; "
            + "the patient can still record them if taken."
        return input.reminder(.missedDoses, .clinician,
                              key: Reminder.key(.missedDoses, course: input.courseID, "\(last.key.date)T\(last.key.time)"),
                              date: last.key.date, time: last.key.time, message: message)
    }
}

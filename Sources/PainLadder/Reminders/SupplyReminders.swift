import Foundation

/// A request for a new prescription when recorded supply runs out soon by the plan.
///
/// The rule (also in the README): from ``ReminderPolicy/noticeTime`` on the day
/// ``ReminderPolicy/supplyLeadDays`` before the first planned dose the stock cannot cover
/// (see ``SupplyForecast``), once per strength and supply record (keyed by the latest
/// supply event: recording a new pack or count allows a new request later). For a
/// controlled drug (gabapentin, pregabalin: UK Schedule 3) the request says the
/// formulary's limits: a prescription covers at most 30 days and is valid for 28 days.
enum SupplyReminders {
    static func plan(_ input: ReminderInput, now: Date, policy: ReminderPolicy, into result: inout ReminderPlan) {
        guard let start = SupplyForecast.consumptionStart(input.supply) else { return }
        let controlled = input.drug.controlledDrug?.value
        let today = input.localDate(now)
        let from = max(input.localDate(start).adding(days: -1), input.journalFrom)
        let to = today.adding(days: policy.supplyLeadDays + 1 + (controlled?.maximumSupplyDays ?? 0))
        let stocks = SupplyForecast.stock(events: input.supply, slots: input.slots(from: from, to: to),
                                          journal: input.journal, drug: input.drug, now: now,
                                          coverDays: controlled?.maximumSupplyDays)
        for stock in stocks {
            guard let out = stock.runsOut else { continue }
            let asks = CourseNotices.instant(input, out.key.date.adding(days: -policy.supplyLeadDays), policy.noticeTime)
            guard now >= asks else { continue }
            let s = stock.strength
            let name = input.drugName.lowercased()
            let past = stock.ranOut(now: now)
            var message = "Ask for a new prescription of \(name) \(s.mg) mg \(s.form)s: "
                + (stock.onHand > 0 ? "about \(stock.onHand) left; " : "none left by the plan's count; ")
                + (past ? "by the plan's count they ran out at the \(out.key.time) dose on \(out.key.date)."
                        : "by the plan's coming doses they run out at the \(out.key.time) dose on \(out.key.date).")
            if let controlled {
                let need = stock.unitsForCover.map { " (\($0) × \(s.mg) mg \(s.form)\($0 == 1 ? "" : "s") for \(controlled.maximumSupplyDays) days from \(out.key.date) by the plan)" } ?? ""
                message += " \(input.drugName) is a Schedule \(controlled.schedule) controlled drug: a prescription covers "
                    + "at most \(controlled.maximumSupplyDays) days\(need) and is valid for \(controlled.prescriptionValidDays) days "
                    + "from the date on it."
            }
            result.reminders.append(input.reminder(
                .supply, .patient,
                key: Reminder.key(.supply, course: input.courseID, "\(s.mg)mg", "e\(stock.lastEventID ?? 0)"),
                date: out.key.date, time: out.key.time, message: message))
            if past { stillTaking(stock, out: out, input, today: today, now: now, policy: policy, into: &result) }
        }
    }

    /// Doses still recorded after a past run-out with no new supply on record: once a day
    /// (from ``ReminderPolicy/noticeTime``), the patient and the clinician are told, while a
    /// dose was recorded since yesterday.
    static func stillTaking(_ stock: SupplyStock, out: DoseSlot, _ input: ReminderInput, today: LocalDate, now: Date,
                            policy: ReminderPolicy, into result: inout ReminderPlan) {
        guard let last = stock.lastUseAfterRunOut, input.localDate(last) >= today.adding(days: -1),
              now >= CourseNotices.instant(input, today, policy.noticeTime) else { return }
        let s = stock.strength
        let name = input.drugName.lowercased()
        let record = "e\(stock.lastEventID ?? 0)"
        let ranOut = "ran out by the plan's count at the \(out.key.time) dose on \(out.key.date)"
        result.reminders.append(input.reminder(
            .supply, .patient, key: Reminder.key(.supply, course: input.courseID, "\(s.mg)mg", record, "\(today)"),
            date: today, time: policy.noticeTime,
            message: "Your \(name) \(s.mg) mg \(s.form)s \(ranOut), and doses are still being recorded: "
                + "ask for a new prescription, and record the new pack when you collect it."))
        result.reminders.append(input.reminder(
            .supply, .clinician, key: Reminder.key(.supply, course: input.courseID, "\(s.mg)mg", record, "\(today)", "clinician"),
            date: today, time: policy.noticeTime,
            message: "\(input.patient.id): \(name) \(s.mg) mg \(s.form)s \(ranOut); doses are still being recorded "
                + "with no new supply on record."))
    }
}

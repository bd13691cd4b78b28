import Foundation

extension SupplyReminders {
    /// The windows in which ``plan(_:now:policy:into:)`` may hand out the course's supply
    /// notices, for ``ReminderHorizon``: for each strength whose stock runs out by the plan
    /// early enough to be asked for before `last` ends, the request from its day (keyed as
    /// the request), and from the run-out on, the daily "still taking" notices while no new
    /// supply is recorded (open-ended: a course out of stock is planned by every run).
    ///
    /// The run-out forecast now is the earliest the journal can make it, except for what the
    /// store marks the horizon out of date for: a dose recorded is at most the plan's, a skip
    /// uses nothing, and a past dose with nothing recorded is assumed taken as a coming one
    /// is; an extra dose, a dose above the plan's, an undo or a correction, a new supply
    /// record or plan version make the store list the course again (``ReminderHorizon``).
    static func windows(_ input: ReminderInput, through last: LocalDate, policy: ReminderPolicy,
                        now: Date) -> [ReminderHorizon.Notice] {
        guard let start = SupplyForecast.consumptionStart(input.supply) else { return [] }
        let controlled = input.drug.controlledDrug?.value
        let from = max(input.localDate(start).adding(days: -1), input.journalFrom)
        let to = last.adding(days: policy.supplyLeadDays + 1 + (controlled?.maximumSupplyDays ?? 0))
        let stocks = SupplyForecast.stock(events: input.supply, slots: input.slots(from: from, to: to),
                                          journal: input.journal, drug: input.drug, now: now,
                                          coverDays: controlled?.maximumSupplyDays)
        return stocks.flatMap { stock -> [ReminderHorizon.Notice] in
            guard let out = stock.runsOut else { return [] }
            let record = "e\(stock.lastEventID ?? 0)"
            let mg = "\(stock.strength.mg)mg"
            return [
                .init(key: Reminder.key(.supply, course: input.courseID, mg, record),
                      opens: CourseNotices.instant(input, out.key.date.adding(days: -policy.supplyLeadDays), policy.noticeTime),
                      closes: nil),
                .init(key: Reminder.key(.supply, course: input.courseID, mg, record, "after"), opens: out.instant, closes: nil),
            ]
        }
    }
}

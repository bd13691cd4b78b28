import Foundation

/// Day notices: a dose change today or tomorrow (patient), step-ups on hold (clinician),
/// and a review due soon or overdue (clinician).
///
/// The rules (also in the README):
/// - **Dose change**: a day whose administrations differ from the day before (dose or
///   time; the course's first day counts) is announced from ``ReminderPolicy/noticeTime``
///   the day before until the end of that day: "From tomorrow, 2026-03-09: …", or "From
///   today" when the job first sees it on the day. A change that has passed is not sent.
///   A held plan has no step-up to announce. Keyed by course, day and daily total.
/// - **Step-up held**: once per hold, as soon as it is in force (keyed by the first plan
///   version of the hold, so a later decision that keeps the hold does not repeat it).
/// - **Review**: "due" from ``ReminderPolicy/noticeTime`` ``ReminderPolicy/reviewWithinDays``
///   days before the date until the end of the date; "overdue" from the next day on.
///   Keyed by course and review date, so a new date gives new reminders.
enum CourseNotices {
    static func plan(_ input: ReminderInput, now: Date, policy: ReminderPolicy, into result: inout ReminderPlan) {
        changes(input, now: now, policy: policy, into: &result)
        hold(input, now: now, into: &result)
        review(input, now: now, policy: policy, into: &result)
    }

    static func instant(_ input: ReminderInput, _ date: LocalDate, _ time: LocalTime) -> Date {
        WallClock.instant(date, time, in: input.zones.zone(on: date))
    }

    static func changes(_ input: ReminderInput, now: Date, policy: ReminderPolicy, into result: inout ReminderPlan) {
        let today = input.localDate(now)
        for day in [today, today.adding(days: 1)] {
            guard let (step, before) = change(input, on: day), var first = step.administrations.first else { continue }
            let opens = instant(input, day.adding(days: -1), policy.noticeTime)
            let closes = instant(input, day.adding(days: 1), LocalTime(hour: 0, minute: 0)!)
            guard now >= opens, now < closes else { continue }
            var when = day == today ? "today" : "tomorrow"
            // A version that began during the day owns only its later slots: the change is
            // from the first of them ("from today at 20:00"), not from a dose already past.
            if let latest = input.versions.max(by: { $0.version < $1.version }), latest.effectiveFrom == day,
               latest.effectiveTime != nil,
               let own = input.slots(from: day, to: day).first(where: { $0.planVersion == latest.version }),
               own.key.time != first.time {
                first = own.administration
                when += " at \(own.key.time)"
            }
            let how = step.administrations.map { "\($0.doseMg) mg, \(Dispensing.describe($0.units)) at \($0.time)" }
                .joined(separator: "; ")
            let total = step.administrations.count > 1 ? "\(step.dailyTotal) mg a day: " : ""
            let was = before.map { " (was \($0.dailyTotal) mg a day)" } ?? ""
            let message = before == nil
                ? "Starting \(when), \(day): \(input.drugName.lowercased()) \(total)\(how)."
                : "From \(when), \(day): \(input.drugName.lowercased()) \(total)\(how)\(was)."
            result.reminders.append(input.reminder(
                .doseChange, .patient, key: Reminder.key(.doseChange, course: input.courseID, "\(day)", "\(step.dailyTotal)mg"),
                date: day, time: first.time, message: message))
        }
    }

    /// The step of a day whose administrations differ from the day before (dose or time; the
    /// course's first day counts), with the step before; `nil` for a day without a change.
    static func change(_ input: ReminderInput, on day: LocalDate) -> (step: TitrationStep, before: TitrationStep?)? {
        guard day >= input.course.startDate, let step = input.step(on: day), !step.administrations.isEmpty else { return nil }
        let before = day == input.course.startDate ? nil : input.step(on: day.adding(days: -1))
        if let before, before.administrations.map({ [$0.time.description, "\($0.doseMg)"] })
            == step.administrations.map({ [$0.time.description, "\($0.doseMg)"] }) { return nil }
        return (step, before)
    }

    /// The windows in which ``plan(_:now:policy:into:)`` may hand out each notice of the
    /// course (dose changes on the days `from...to`, the hold, the review), keyed as it keys
    /// them: for ``ReminderHorizon``. A window may open earlier or close later than the rule,
    /// never the other way.
    static func windows(_ input: ReminderInput, from: LocalDate, to: LocalDate,
                        policy: ReminderPolicy) -> [ReminderHorizon.Notice] {
        let midnight = LocalTime(hour: 0, minute: 0)!
        var result: [ReminderHorizon.Notice] = []
        var day = from
        while day <= to {
            if let (step, _) = change(input, on: day) {
                result.append(.init(key: Reminder.key(.doseChange, course: input.courseID, "\(day)", "\(step.dailyTotal)mg"),
                                    opens: instant(input, day.adding(days: -1), policy.noticeTime),
                                    closes: instant(input, day.adding(days: 1), midnight)))
            }
            day = day.adding(days: 1)
        }
        let ordered = input.versions.sorted { $0.version < $1.version }
        if let plan = ordered.last, plan.holdReason != nil {
            let start = ordered.reversed().prefix { $0.holdReason != nil }.last ?? plan
            result.append(.init(key: Reminder.key(.stepUpHeld, course: input.courseID, "v\(start.version)"),
                                opens: start.createdAt, closes: nil))
        }
        if let due = ordered.last?.nextReviewDate {
            // "Due" lasts while the patient's date is on or before it, in whichever zone.
            result.append(.init(key: Reminder.key(.reviewDue, course: input.courseID, "\(due)"),
                                opens: instant(input, due.adding(days: -policy.reviewWithinDays), policy.noticeTime),
                                closes: instant(input, due.adding(days: 1), midnight)
                                    .addingTimeInterval(ReminderPlanner.horizonMargin)))
            result.append(.init(key: Reminder.key(.reviewOverdue, course: input.courseID, "\(due)"),
                                opens: instant(input, due.adding(days: 1), policy.noticeTime), closes: nil))
        }
        return result
    }

    static func hold(_ input: ReminderInput, now: Date, into result: inout ReminderPlan) {
        let ordered = input.versions.sorted { $0.version < $1.version }
        guard let plan = ordered.last, let reason = plan.holdReason else { return }
        let start = ordered.reversed().prefix { $0.holdReason != nil }.last ?? plan
        guard start.createdAt <= now, let firstStep = plan.schedule.plannedSteps.first else { return }
        let frozenDay = max(plan.effectiveFrom, firstStep.startDate)
        guard let current = plan.step(on: frozenDay) else { return }
        // By number: a hold before the first dose of a step-up day keeps the step before, and
        // the step waiting is that day's.
        let next = plan.schedule.plannedSteps.first { $0.number > current.number && $0.dailyTotal > current.dailyTotal }
        let name = input.drugName.lowercased()
        let waits = next.map { "the planned step to \($0.dailyTotal) mg a day (from \($0.startDate)) waits for your review" }
            ?? "the plan waits for your review"
        let message = "\(input.patient.id) (\(name)): step-ups are on hold since \(start.effectiveFrom): \(reason). "
            + "The patient stays on \(current.dailyTotal) mg a day; \(waits)."
        let local = WallClock.local(start.createdAt, in: input.zones.zone(on: input.localDate(start.createdAt)))
        result.reminders.append(input.reminder(
            .stepUpHeld, .clinician, key: Reminder.key(.stepUpHeld, course: input.courseID, "v\(start.version)"),
            date: local.date, time: local.time, message: message))
    }

    static func review(_ input: ReminderInput, now: Date, policy: ReminderPolicy, into result: inout ReminderPlan) {
        guard let plan = input.versions.max(by: { $0.version < $1.version }), let due = plan.nextReviewDate else { return }
        let today = input.localDate(now)
        let name = input.drugName.lowercased()
        if today <= due, now >= instant(input, due.adding(days: -policy.reviewWithinDays), policy.noticeTime) {
            let days = today.days(to: due)
            let when = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
            result.reminders.append(input.reminder(
                .reviewDue, .clinician, key: Reminder.key(.reviewDue, course: input.courseID, "\(due)"),
                date: due, time: policy.noticeTime,
                message: "\(input.patient.id) (\(name)): review due on \(due) (\(when))."))
        } else if today > due, now >= instant(input, due.adding(days: 1), policy.noticeTime) {
            let days = due.days(to: today)
            result.reminders.append(input.reminder(
                .reviewOverdue, .clinician, key: Reminder.key(.reviewOverdue, course: input.courseID, "\(due)"),
                date: due, time: policy.noticeTime,
                message: "\(input.patient.id) (\(name)): review overdue: it was due on \(due) (\(days) day\(days == 1 ? "" : "s") ago)."))
        }
    }
}

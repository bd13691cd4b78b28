import Foundation
@testable import PainLadder

/// Inputs for the reminder tests: hand-made plans (HandPlan), instants written out in UTC.
enum Remind {
    static func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }
    static func t(_ text: String) -> LocalTime { LocalTime(parsing: text)! }

    /// "2026-03-02T21:45Z" → the instant.
    static func at(_ text: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text.replacingOccurrences(of: "Z", with: ":00Z"))!
    }

    static func patient(zone: String = "Europe/London") -> Patient {
        Patient(id: "P001", birthDate: d("1960-05-01"), sex: .female, timeZone: zone,
                diagnosis: "diabetic-peripheral-neuropathy")
    }

    static func course(drug: String = "amitriptyline", start: LocalDate) -> Course {
        Course(id: 12, patientID: "P001", drug: drug, variant: "standard", startDate: start,
               createdAt: at("2026-03-01T12:00Z"), createdBy: "Dr Rao")
    }

    static func version(_ n: Int, _ schedule: Schedule, from: LocalDate, created: String = "2026-03-01T12:00Z",
                        hold: String? = nil, review: LocalDate? = nil) -> PlanVersion {
        PlanVersion(id: Int64(100 + n), courseID: 12, version: n, replacesID: n == 1 ? nil : Int64(99 + n),
                    createdAt: at(created), author: "Dr Rao", reason: "test", schedule: schedule, effectiveFrom: from,
                    holdReason: hold, nextReviewDate: review)
    }

    /// One step from `start` on: `doses` (mg, units of `strength`) at `times`.
    static func flat(drug: String, start: LocalDate, times: [String], mg: Milligrams, strength: Strength) -> Schedule {
        let a = times.map { Administration(time: t($0), doseMg: mg, units: [UnitCount(strength: strength, count: mg / strength.mg)]) }
        return Schedule(drug: drug, variant: "standard", renalBand: nil,
                        steps: [TitrationStep(number: 1, startDate: start, administrations: a, minimumDays: 1, beyondTarget: false)],
                        maximumDailyDose: Sourced(3600, sources: ["S"], status: .confirmed),
                        usualTarget: Sourced(3600, sources: ["S"], status: .confirmed), cautions: [], offLabel: false)
    }

    static func input(_ versions: [PlanVersion], course: Course, drug: Drug, journal: [JournalEntry] = [],
                      supply: [SupplyEvent] = [], zone: String = "Europe/London") -> ReminderInput {
        ReminderInput(patient: patient(zone: zone), zones: ZoneHistory(single: zone), course: course, drug: drug,
                      versions: versions, journal: Journal.effective(journal), supply: supply, journalFrom: d("2026-01-01"))
    }

    /// Amitriptyline 10 mg at 22:00 from Monday 2026-03-02, +10 mg every 7 days to 50 mg; review 2026-03-16.
    static func amitriptyline(journal: [JournalEntry] = [], supply: [SupplyEvent] = [],
                              extra: [PlanVersion] = []) throws -> ReminderInput {
        let start = d("2026-03-02")
        return input([version(1, HandPlan.amitriptyline(start: start), from: start, review: d("2026-03-16"))] + extra,
                     course: course(start: start), drug: try HandPlan.drug(), journal: journal, supply: supply)
    }

    static func entry(_ id: Int64, _ kind: JournalEntry.Kind, slot: String, at instant: String, mg: Milligrams = 10) -> JournalEntry {
        let parts = slot.split(separator: " ").map(String.init)
        let dose = DoseDetail(slot: SlotKey(date: d(parts[0]), time: t(parts[1])),
                              doseMg: kind == .taken ? mg : 0, plannedDoseMg: mg, stepNumber: 1, late: false)
        return JournalEntry(id: id, patientID: "P001", courseID: 12, at: at(instant), recordedAt: at(instant),
                            recordedBy: "P001", reason: kind == .taken ? nil : "test",
                            event: JournalEvent(kind: kind, dose: dose, sideEffect: nil, pain: nil, impression: nil, assessment: nil)!)
    }

    static func plan(_ input: ReminderInput, now: String, lastRun: String?) -> ReminderPlan {
        ReminderPlanner.plan(now: at(now), lastRun: lastRun.map(at), input: input)
    }
}

extension ReminderPlan {
    func of(_ kind: Reminder.Kind) -> [Reminder] { reminders.filter { $0.kind == kind } }
}

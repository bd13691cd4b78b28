import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// The reminder rules, worked by hand from the README's rules. Amitriptyline from Monday
/// 2026-03-02: 10 mg at 22:00 (1 × 10 mg tablet), 20 mg from 03-09, 30 mg from 03-16, 40 mg
/// from 03-23, 50 mg from 03-30. Europe/London is on GMT (UTC+0) until 01:00 UTC on 03-29.
@Suite("Reminders: what is due, worked by hand")
struct ReminderPlannerTests {
    @Test("a dose is reminded from 15 minutes before its slot to 2 hours after, then marked missed")
    func doseWindow() throws {
        let input = try Remind.amitriptyline()
        #expect(Remind.plan(input, now: "2026-03-02T21:44Z", lastRun: "2026-03-02T21:39Z").of(.dose).isEmpty)

        let due = Remind.plan(input, now: "2026-03-02T21:45Z", lastRun: "2026-03-02T21:40Z").of(.dose)
        #expect(due.count == 1)
        let r = try #require(due.first)
        #expect(r.key == "dose:c12:2026-03-02T22:00")
        #expect(r.audience == .patient)
        #expect(r.patientID == "P001")
        #expect(r.local == "2026-03-02T22:00")
        #expect(r.utc == "2026-03-02T22:00:00Z")
        #expect(r.timeZone == "Europe/London")
        #expect(r.message == "Time to take amitriptyline 10 mg (1 × 10 mg tablet), due at 22:00.")

        // 2 hours after the slot is still "due" (the journal's late threshold is "more than 2 h").
        let last = Remind.plan(input, now: "2026-03-03T00:00Z", lastRun: "2026-03-02T23:55Z")
        #expect(last.of(.dose).map(\.key) == ["dose:c12:2026-03-02T22:00"])
        #expect(last.missed.isEmpty)

        // After that: no "take now", a missed marker for the slot instead.
        let after = Remind.plan(input, now: "2026-03-03T00:05Z", lastRun: "2026-03-03T00:00Z")
        #expect(after.of(.dose).isEmpty)
        #expect(after.missed.count == 1)
        let m = try #require(after.missed.first)
        #expect(m.kind == .missed)
        #expect(m.dose?.slot == SlotKey(date: Remind.d("2026-03-02"), time: Remind.t("22:00")))
        #expect(m.at == Remind.at("2026-03-02T22:00Z"))
        #expect(m.recordedAt == Remind.at("2026-03-03T00:05Z"))
        #expect(m.dose?.plannedDoseMg == 10)
        #expect(m.reason == "missed (not recorded)")
        #expect(m.recordedBy == "painladder remind")

        // The next run finds the marker and does not mark it again.
        let next = Remind.plan(try Remind.amitriptyline(journal: [withID(m, 1)]), now: "2026-03-03T00:10Z",
                               lastRun: "2026-03-02T23:00Z")
        #expect(next.missed.isEmpty)
    }

    @Test("a dose reminder claimed but never confirmed is still useful only while its dose is open and in its window")
    func stillUseful() throws {
        let input = try Remind.amitriptyline()
        let r = try #require(Remind.plan(input, now: "2026-03-02T21:45Z", lastRun: nil).of(.dose).first)
        #expect(ReminderPlanner.stillUseful(r, now: Remind.at("2026-03-02T21:50Z"), input: input))
        #expect(ReminderPlanner.stillUseful(r, now: Remind.at("2026-03-03T00:00Z"), input: input))
        #expect(!ReminderPlanner.stillUseful(r, now: Remind.at("2026-03-03T00:01Z"), input: input), "window closed")
        let taken = try Remind.amitriptyline(journal: [Remind.entry(1, .taken, slot: "2026-03-02 22:00", at: "2026-03-02T21:48Z")])
        #expect(!ReminderPlanner.stillUseful(r, now: Remind.at("2026-03-02T21:50Z"), input: taken), "recorded")
        let review = try #require(Remind.plan(input, now: "2026-03-13T08:00Z", lastRun: nil).of(.reviewDue).first)
        #expect(ReminderPlanner.stillUseful(review, now: Remind.at("2026-03-20T08:00Z"), input: input))
    }

    @Test("nothing for a dose already taken or skipped")
    func recordedDoses() throws {
        for kind in [JournalEntry.Kind.taken, .skipped] {
            let e = Remind.entry(1, kind, slot: "2026-03-02 22:00", at: "2026-03-02T21:30Z")
            let input = try Remind.amitriptyline(journal: [e])
            #expect(Remind.plan(input, now: "2026-03-02T21:45Z", lastRun: "2026-03-02T21:40Z").of(.dose).isEmpty)
            #expect(Remind.plan(input, now: "2026-03-03T00:05Z", lastRun: "2026-03-03T00:00Z").missed.isEmpty)
        }
        // Undone: the slot is open again.
        let take = Remind.entry(1, .taken, slot: "2026-03-02 22:00", at: "2026-03-02T21:30Z")
        let undo = JournalEntry(id: 2, patientID: "P001", courseID: 12, at: take.at,
                                recordedAt: Remind.at("2026-03-02T21:35Z"), recordedBy: "P001", supersedes: 1, reason: "wrong", event: .undo)
        let input = try Remind.amitriptyline(journal: [take, undo])
        #expect(Remind.plan(input, now: "2026-03-02T21:45Z", lastRun: nil).of(.dose).map(\.key) == ["dose:c12:2026-03-02T22:00"])
    }

    @Test("after a three-hour gap: a dose still in its window is sent; one whose window passed is marked missed")
    func catchUp() throws {
        // Machine off 21:00 → 00:00: the 22:00 dose is exactly 2 h old, still useful.
        let amitriptyline = try Remind.amitriptyline()
        let late = Remind.plan(amitriptyline, now: "2026-03-03T00:00Z", lastRun: "2026-03-02T21:00Z")
        #expect(late.of(.dose).map(\.key) == ["dose:c12:2026-03-02T22:00"])
        #expect(late.missed.isEmpty)

        // Gabapentin 300 mg at 08:00, 14:00 and 22:00; off 13:40 → 16:40 on Tuesday 2026-03-03.
        // The 14:00 dose's window (13:45–16:00) passed while the job was off: not a stale
        // "take now" but a missed marker. The 08:00 dose (window closed at 10:00, before the
        // last run) was the earlier run's business; the 22:00 dose is not due yet.
        let capsule = Strength(mg: 300, form: "capsule")
        let start = Remind.d("2026-03-02")
        let gabapentin = Remind.input([Remind.version(1, Remind.flat(drug: "gabapentin", start: start,
                                                                    times: ["08:00", "14:00", "22:00"], mg: 300, strength: capsule),
                                                      from: start)],
                                      course: Remind.course(drug: "gabapentin", start: start),
                                      drug: try FormularyLoader.bundled().drug("gabapentin"))
        let gap = Remind.plan(gabapentin, now: "2026-03-03T16:40Z", lastRun: "2026-03-03T13:40Z")
        #expect(gap.of(.dose).isEmpty)
        #expect(gap.missed.map { $0.dose!.slot!.description } == ["2026-03-03 14:00"])
    }

    @Test("a late take for a slot marked missed counts as taken")
    func lateTakeAfterMissed() throws {
        let marker = withID(DoseReminders.marker(
            DoseCalendar.slots(versions: try Remind.amitriptyline().versions, courseStart: Remind.d("2026-03-02"),
                               from: Remind.d("2026-03-02"), to: Remind.d("2026-03-02"), zones: ZoneHistory(single: "Europe/London"))[0],
            try Remind.amitriptyline(), now: Remind.at("2026-03-03T00:05Z")), 1)
        let input = try Remind.amitriptyline(journal: [marker])
        let context = DoseRecording.Context(patientID: "P001", courseID: 12, courseStart: Remind.d("2026-03-02"),
                                            drug: input.drug, versions: input.versions, zones: input.zones, journal: [marker])
        // 07:00 the next morning: 9 h after the 22:00 slot, 15 h before the next one.
        let take = try DoseRecording.take(at: Remind.at("2026-03-03T07:00Z"), doseMg: nil, note: nil, context: context,
                                          now: Remind.at("2026-03-03T07:01Z"), by: "P001")
        #expect(take.kind == .taken)
        #expect(take.dose?.slot == SlotKey(date: Remind.d("2026-03-02"), time: Remind.t("22:00")))
        #expect(take.dose?.late == true)
        let journal = [marker, withID(take, 2)]
        let day = DayPlan(date: Remind.d("2026-03-02"), now: Remind.at("2026-03-03T07:01Z"), slots: input.slots(from: Remind.d("2026-03-02"), to: Remind.d("2026-03-03")),
                          entries: journal, versions: input.versions, zones: input.zones)
        #expect(day.items.map(\.state) == [.taken])
        let adherence = AdherenceReport(slots: input.slots(from: Remind.d("2026-03-02"), to: Remind.d("2026-03-02")),
                                        entries: journal, courseStart: Remind.d("2026-03-02"))
        #expect(adherence.overall == AdherenceCount(scheduled: 1, taken: 1, skipped: 0, late: 1))
        // Missed but not taken: unrecorded (not skipped) in adherence.
        let missedOnly = AdherenceReport(slots: input.slots(from: Remind.d("2026-03-02"), to: Remind.d("2026-03-02")),
                                         entries: [marker], courseStart: Remind.d("2026-03-02"))
        #expect(missedOnly.overall == AdherenceCount(scheduled: 1, taken: 0, skipped: 0, late: 0))
        #expect(missedOnly.overall.unrecorded == 1)
        // And the taken slot no longer counts towards a run of missed doses.
        let next = Remind.plan(try Remind.amitriptyline(journal: journal), now: "2026-03-04T00:05Z", lastRun: "2026-03-04T00:00Z")
        #expect(next.missed.count == 1)
        #expect(next.of(.missedDoses).isEmpty)
    }

    @Test("two missed doses in a row tell the clinician once; a third does not repeat it; a skip breaks the run")
    func missedRun() throws {
        let first = Remind.entry(1, .missed, slot: "2026-03-02 22:00", at: "2026-03-02T22:00Z")
        let second = Remind.plan(try Remind.amitriptyline(journal: [first]), now: "2026-03-04T00:05Z", lastRun: "2026-03-04T00:00Z")
        #expect(second.missed.map { $0.dose!.slot!.description } == ["2026-03-03 22:00"])
        let r = try #require(second.of(.missedDoses).first)
        #expect(second.of(.missedDoses).count == 1)
        #expect(r.key == "missed-doses:c12:2026-03-03T22:00")
        #expect(r.audience == .clinician)
        #expect(r.local == "2026-03-03T22:00")
        #expect(r.message == "P001 (amitriptyline): 2 doses in a row with nothing recorded: 2026-03-02 22:00, 2026-03-03 22:00 "
            + "(Europe/London). They are marked missed; the patient can still record them if taken.")

        let two = [first, Remind.entry(2, .missed, slot: "2026-03-03 22:00", at: "2026-03-03T22:00Z")]
        let third = Remind.plan(try Remind.amitriptyline(journal: two), now: "2026-03-05T00:05Z", lastRun: "2026-03-05T00:00Z")
        #expect(third.missed.count == 1)
        #expect(third.of(.missedDoses).isEmpty)

        let skipped = Remind.entry(1, .skipped, slot: "2026-03-02 22:00", at: "2026-03-02T22:00Z")
        let broken = Remind.plan(try Remind.amitriptyline(journal: [skipped]), now: "2026-03-04T00:05Z", lastRun: "2026-03-04T00:00Z")
        #expect(broken.missed.count == 1)
        #expect(broken.of(.missedDoses).isEmpty)
    }

    @Test("a dose change is announced from 08:00 the day before until the end of its day")
    func doseChange() throws {
        let input = try Remind.amitriptyline()
        #expect(Remind.plan(input, now: "2026-03-08T07:59Z", lastRun: nil).of(.doseChange).isEmpty)
        let eve = Remind.plan(input, now: "2026-03-08T08:00Z", lastRun: nil).of(.doseChange)
        #expect(eve.count == 1)
        #expect(eve.first?.key == "dose-change:c12:2026-03-09:20mg")
        #expect(eve.first?.local == "2026-03-09T22:00")
        #expect(eve.first?.audience == .patient)
        #expect(eve.first?.message == "From tomorrow, 2026-03-09: amitriptyline 20 mg, 2 × 10 mg tablets at 22:00 (was 10 mg a day).")
        let day = Remind.plan(input, now: "2026-03-09T12:00Z", lastRun: nil).of(.doseChange)
        #expect(day.map(\.key) == ["dose-change:c12:2026-03-09:20mg"])
        #expect(day.first?.message == "From today, 2026-03-09: amitriptyline 20 mg, 2 × 10 mg tablets at 22:00 (was 10 mg a day).")
        // Passed: not sent on catch-up.
        #expect(Remind.plan(input, now: "2026-03-10T00:00Z", lastRun: nil).of(.doseChange).isEmpty)
        // The course's first day.
        let start = Remind.plan(input, now: "2026-03-01T08:00Z", lastRun: nil).of(.doseChange)
        #expect(start.first?.message == "Starting tomorrow, 2026-03-02: amitriptyline 10 mg, 1 × 10 mg tablet at 22:00.")
    }

    @Test("a held step-up tells the clinician once per hold and is not announced to the patient")
    func heldStepUp() throws {
        let schedule = HandPlan.amitriptyline(start: Remind.d("2026-03-02"))
        let v2 = Remind.version(2, schedule, from: Remind.d("2026-03-05"), created: "2026-03-05T10:00Z",
                                hold: "moderate dizziness reported on 2026-03-05", review: Remind.d("2026-03-16"))
        let input = try Remind.amitriptyline(extra: [v2])
        let plan = Remind.plan(input, now: "2026-03-08T08:00Z", lastRun: nil)
        #expect(plan.of(.doseChange).isEmpty, "the 20 mg step waits for the clinician")
        let held = try #require(plan.of(.stepUpHeld).first)
        #expect(held.key == "step-up-held:c12:v2")
        #expect(held.audience == .clinician)
        #expect(held.local == "2026-03-05T10:00")
        #expect(held.message == "P001 (amitriptyline): step-ups are on hold since 2026-03-05: moderate dizziness reported on "
            + "2026-03-05. The patient stays on 10 mg a day; the planned step to 20 mg a day (from 2026-03-09) waits for your review.")
        // A later decision that keeps the hold does not make a new reminder.
        let v3 = Remind.version(3, schedule, from: Remind.d("2026-03-07"), created: "2026-03-07T10:00Z", hold: "still dizzy")
        let kept = Remind.plan(try Remind.amitriptyline(extra: [v2, v3]), now: "2026-03-08T08:00Z", lastRun: nil)
        #expect(kept.of(.stepUpHeld).map(\.key) == ["step-up-held:c12:v2"])
    }

    @Test("a review is due from 08:00 three days before, and overdue from 08:00 the day after")
    func review() throws {
        let input = try Remind.amitriptyline()
        #expect(Remind.plan(input, now: "2026-03-13T07:59Z", lastRun: nil).of(.reviewDue).isEmpty)
        let due = Remind.plan(input, now: "2026-03-13T08:00Z", lastRun: nil).of(.reviewDue)
        #expect(due.map(\.key) == ["review-due:c12:2026-03-16"])
        #expect(due.first?.message == "P001 (amitriptyline): review due on 2026-03-16 (in 3 days).")
        #expect(due.first?.audience == .clinician)
        #expect(due.first?.local == "2026-03-16T08:00")
        #expect(Remind.plan(input, now: "2026-03-16T12:00Z", lastRun: nil).of(.reviewDue).first?.message
            == "P001 (amitriptyline): review due on 2026-03-16 (today).")
        let gap = Remind.plan(input, now: "2026-03-17T07:59Z", lastRun: nil)
        #expect(gap.of(.reviewDue).isEmpty && gap.of(.reviewOverdue).isEmpty)
        let overdue = Remind.plan(input, now: "2026-03-17T08:00Z", lastRun: nil).of(.reviewOverdue)
        #expect(overdue.map(\.key) == ["review-overdue:c12:2026-03-16"])
        #expect(overdue.first?.message == "P001 (amitriptyline): review overdue: it was due on 2026-03-16 (1 day ago).")
    }

    @Test("spring forward: a 01:30 slot in the gap is reminded once, at 02:15 summer time; the repeated autumn hour once")
    func daylightSaving() throws {
        let tablet = Strength(mg: 10, form: "tablet")
        func input(start: String) throws -> ReminderInput {
            let s = Remind.d(start)
            return Remind.input([Remind.version(1, Remind.flat(drug: "amitriptyline", start: s, times: ["01:30"], mg: 10,
                                                              strength: tablet), from: s)],
                                course: Remind.course(start: s), drug: try HandPlan.drug())
        }
        let spring = try input(start: "2026-03-20")
        // 2026-03-28 01:30 GMT = 01:30Z. 2026-03-29 01:30 does not exist (clocks go 01:00 GMT →
        // 02:00 BST): read with the offset before the gap, 01:30 GMT = 01:30Z = 02:30 BST.
        // 2026-03-30 01:30 BST = 00:30Z.
        for (now, key, utc) in [("2026-03-28T01:15Z", "dose:c12:2026-03-28T01:30", "2026-03-28T01:30:00Z"),
                                ("2026-03-29T01:15Z", "dose:c12:2026-03-29T01:30", "2026-03-29T01:30:00Z"),
                                ("2026-03-30T00:15Z", "dose:c12:2026-03-30T01:30", "2026-03-30T00:30:00Z")] {
            let due = Remind.plan(spring, now: now, lastRun: nil).of(.dose)
            #expect(due.map(\.key) == [key], "at \(now)")
            #expect(due.first?.utc == utc)
        }
        #expect(Remind.plan(spring, now: "2026-03-29T01:14Z", lastRun: "2026-03-29T01:09Z").of(.dose).isEmpty)
        #expect(Remind.plan(spring, now: "2026-03-30T00:14Z", lastRun: "2026-03-30T00:09Z").of(.dose).isEmpty)

        // 2026-10-25: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT). The slot is the
        // first one; at the second 01:15 the same key is still in its window (the store
        // has it already), and no second slot exists.
        let autumn = try input(start: "2026-10-20")
        #expect(Remind.plan(autumn, now: "2026-10-25T00:14Z", lastRun: "2026-10-25T00:09Z").of(.dose).isEmpty)
        let first = Remind.plan(autumn, now: "2026-10-25T00:15Z", lastRun: nil).of(.dose)
        #expect(first.map(\.key) == ["dose:c12:2026-10-25T01:30"])
        #expect(first.first?.utc == "2026-10-25T00:30:00Z")
        let second = Remind.plan(autumn, now: "2026-10-25T01:15Z", lastRun: "2026-10-25T01:10Z").of(.dose)
        #expect(second.map(\.key) == ["dose:c12:2026-10-25T01:30"], "same slot, same key: never a second reminder")
        // Its window ends 2 h after the first 01:30 (02:30Z); then it is missed, once.
        let after = Remind.plan(autumn, now: "2026-10-25T02:35Z", lastRun: "2026-10-25T02:30Z")
        #expect(after.of(.dose).isEmpty)
        #expect(after.missed.map { $0.dose!.slot!.description } == ["2026-10-25 01:30"])
    }

    func withID(_ e: JournalEntry, _ id: Int64) -> JournalEntry {
        var e = e
        e.id = id
        return e
    }
}

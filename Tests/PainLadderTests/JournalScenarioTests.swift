import Foundation
import Testing
@testable import FormularyData
@testable import PainLadder

/// Hand-made plans (not the engine's output), so these tests check the journal rules alone.
enum HandPlan {
    static let tablet10 = Strength(mg: 10, form: "tablet")

    /// Amitriptyline as the reference describes it: 10 mg at 22:00, +10 mg every 7 days to 50 mg.
    static func amitriptyline(start: LocalDate, time: LocalTime = LocalTime(hour: 22, minute: 0)!) -> Schedule {
        let steps = (0..<5).map { i in
            TitrationStep(number: i + 1, startDate: start.adding(days: 7 * i),
                          administrations: [Administration(time: time, doseMg: 10 * (i + 1),
                                                           units: [UnitCount(strength: tablet10, count: i + 1)])],
                          minimumDays: 3, beyondTarget: false)
        }
        return Schedule(drug: "amitriptyline", variant: "standard", renalBand: nil, steps: steps,
                        maximumDailyDose: Sourced(75, sources: ["S17"], status: .confirmed),
                        usualTarget: Sourced(50, sources: ["S13"], status: .local), cautions: [], offLabel: false)
    }

    static func version(_ n: Int, _ schedule: Schedule, from: LocalDate, hold: String? = nil) -> PlanVersion {
        PlanVersion(id: Int64(n), courseID: 1, version: n, replacesID: n == 1 ? nil : Int64(n - 1),
                    createdAt: Date(timeIntervalSince1970: 0), author: "test", reason: "test", schedule: schedule,
                    effectiveFrom: from, holdReason: hold)
    }

    static func drug() throws -> Drug {
        try FormularyLoader.bundled().drug("amitriptyline")
    }
}

/// Records entries the way the CLI does, keeping ids like the store.
struct JournalSimulator {
    var context: DoseRecording.Context
    var all: [JournalEntry] = []
    var nextID: Int64 = 1

    mutating func append(_ entry: JournalEntry) {
        var e = entry
        e.id = nextID
        nextID += 1
        all.append(e)
        context.journal = Journal.effective(all)
    }

    @discardableResult
    mutating func take(_ iso: String, dose: Milligrams? = nil, confirmed: Bool = false) throws -> JournalEntry {
        let at = ISO8601DateFormatter().date(from: iso)!
        let e = try DoseRecording.take(at: at, doseMg: dose, note: nil, context: context, now: at, by: "patient",
                                       confirmed: confirmed)
        append(e)
        return all.last!
    }

    @discardableResult
    mutating func skip(_ iso: String, reason: String = "felt sick") throws -> JournalEntry {
        let at = ISO8601DateFormatter().date(from: iso)!
        let e = try DoseRecording.skip(at: at, reason: reason, context: context, now: at, by: "patient")
        append(e)
        return all.last!
    }
}

@Suite("Journal: slots, late doses, extras, corrections, adherence")
struct JournalScenarioTests {
    let london = "Europe/London"
    let start = LocalDate(year: 2026, month: 9, day: 28)!  // a Monday; BST ends 2026-10-25

    func simulator(versions: [PlanVersion], zones: ZoneHistory? = nil) throws -> JournalSimulator {
        JournalSimulator(context: DoseRecording.Context(
            patientID: "P1", courseID: 1, courseStart: start, drug: try HandPlan.drug(), versions: versions,
            zones: zones ?? ZoneHistory(single: london), journal: []))
    }

    /// Six weeks of amitriptyline across the end of British Summer Time, worked by hand:
    /// 42 nightly slots at 22:00; 39 taken (one late, after midnight), 2 skipped, 1 never
    /// recorded; one extra; a moderate side effect on day 17 holds the step-up at 30 mg.
    @Test func sixWeeksAcrossTheEndOfSummerTime() throws {
        let plan = HandPlan.amitriptyline(start: start)
        let holdDay = LocalDate(year: 2026, month: 10, day: 14)!
        let versions = [HandPlan.version(1, plan, from: start),
                        HandPlan.version(2, plan, from: holdDay, hold: "moderate dizziness")]
        var sim = try simulator(versions: versions)
        let skipped: Set<String> = ["2026-10-07", "2026-10-28"]
        let unrecorded: Set<String> = ["2026-10-15"]
        for offset in 0..<42 {
            let day = start.adding(days: offset)
            let d = day.description
            if unrecorded.contains(d) { continue }
            // 22:05 local: BST (UTC+1) until 25 October, GMT after.
            let utcHour = day < LocalDate(year: 2026, month: 10, day: 25)! ? "21" : "22"
            if skipped.contains(d) {
                try sim.skip("\(d)T\(utcHour):00:00Z")
            } else if d == "2026-10-09" {
                // Taken at 00:30 BST on the 10th = 23:30Z on the 9th: the 9th's 22:00 slot, late.
                let e = try sim.take("2026-10-09T23:30:00Z")
                #expect(e.kind == .taken)
                #expect(e.dose?.slot == SlotKey(date: day, time: LocalTime(hour: 22, minute: 0)!))
                #expect(e.dose?.late == true)
            } else {
                try sim.take("\(d)T\(utcHour):05:00Z")
            }
            if d == "2026-10-20" {
                // A second dose at 22:40 for a slot already taken: an extra, not an overwrite.
                let extra = try sim.take("2026-10-20T21:40:00Z")
                #expect(extra.kind == .extra)
                #expect(extra.dose?.doseMg == 30)
            }
        }
        let now = ISO8601DateFormatter().date(from: "2026-11-09T09:00:00Z")!
        let slots = DoseCalendar.slots(versions: versions, courseStart: start, from: start,
                                       to: LocalDate(year: 2026, month: 11, day: 8)!, zones: ZoneHistory(single: london))
            .filter { $0.instant <= now }
        #expect(slots.count == 42)
        // The 22:00 slot is 21:00Z in BST and 22:00Z in GMT.
        let utc = { (s: DoseSlot) in ISO8601DateFormatter().string(from: s.instant) }
        #expect(utc(slots.first { $0.key.date.description == "2026-10-24" }!) == "2026-10-24T21:00:00Z")
        #expect(utc(slots.first { $0.key.date.description == "2026-10-25" }!) == "2026-10-25T22:00:00Z")
        // The hold keeps 30 mg (step 3, from 12 October) instead of 40 mg on 19 October and 50 mg on the 26th.
        #expect(slots.first { $0.key.date.description == "2026-10-20" }!.doseMg == 30)
        #expect(slots.last!.doseMg == 30)
        #expect(slots.last!.stepNumber == 3)

        let report = AdherenceReport(slots: slots, entries: sim.context.journal, courseStart: start)
        #expect(report.overall == AdherenceCount(scheduled: 42, taken: 39, skipped: 2, late: 1))
        #expect(report.byWeek[2] == AdherenceCount(scheduled: 7, taken: 6, skipped: 1, late: 1))
        #expect(report.byWeek[3] == AdherenceCount(scheduled: 7, taken: 6, skipped: 0, late: 0))
        #expect(report.byWeek[3]?.unrecorded == 1)
        #expect(report.byStep[1] == AdherenceCount(scheduled: 7, taken: 7))
        #expect(report.byStep[2] == AdherenceCount(scheduled: 7, taken: 6, skipped: 1, late: 1))
        #expect(report.byStep[3] == AdherenceCount(scheduled: 28, taken: 26, skipped: 1))
        #expect(sim.all.filter { $0.kind == .extra }.count == 1)
        // Every dose event keeps a copy of what was planned at that slot.
        let oct20 = sim.all.first { $0.dose?.slot?.date.description == "2026-10-20" }!
        #expect(oct20.dose?.plannedDoseMg == 30)
    }

    @Test func theRepeatedAutumnHourAndTheSpringGapResolveOnce() {
        let zone = TimeZone(identifier: london)!
        let iso = ISO8601DateFormatter()
        // 01:30 on 25 Oct 2026 happens twice (BST then GMT): the first, 00:30Z.
        #expect(iso.string(from: WallClock.instant(LocalDate(year: 2026, month: 10, day: 25)!,
                                                   LocalTime(hour: 1, minute: 30)!, in: zone)) == "2026-10-25T00:30:00Z")
        // 01:30 on 29 Mar 2026 does not exist: read with the offset before the gap (GMT), 01:30Z = 02:30 BST.
        #expect(iso.string(from: WallClock.instant(LocalDate(year: 2026, month: 3, day: 29)!,
                                                   LocalTime(hour: 1, minute: 30)!, in: zone)) == "2026-03-29T01:30:00Z")
        // A 01:30 slot across both changes gives exactly one slot per day.
        let plan = HandPlan.amitriptyline(start: LocalDate(year: 2026, month: 3, day: 27)!, time: LocalTime(hour: 1, minute: 30)!)
        let slots = DoseCalendar.slots(versions: [HandPlan.version(1, plan, from: plan.steps[0].startDate)],
                                       courseStart: plan.steps[0].startDate, from: plan.steps[0].startDate,
                                       to: LocalDate(year: 2026, month: 3, day: 31)!, zones: ZoneHistory(single: london))
        #expect(slots.count == 5)
        #expect(Set(slots.map(\.key.date)).count == 5)
    }

    @Test func aZoneWithoutDaylightSavingKeepsTheSameRules() throws {
        let kolkata = ZoneHistory(single: "Asia/Kolkata")  // UTC+5:30 all year
        let plan = HandPlan.amitriptyline(start: start)
        var sim = try simulator(versions: [HandPlan.version(1, plan, from: start)], zones: kolkata)
        // 22:00 IST = 16:30Z. A dose at 00:30 IST on the 29th (19:00Z on the 28th) is the 28th's, late.
        let e = try sim.take("2026-09-28T19:00:00Z")
        #expect(e.dose?.slot?.date == start)
        #expect(e.dose?.late == true)
        let again = try sim.take("2026-09-28T19:10:00Z")
        #expect(again.kind == .extra)
    }

    @Test func aPatientWhoMovesKeepsLocalTimesFromThatDay() throws {
        let moved = LocalDate(year: 2026, month: 10, day: 1)!
        let zones = ZoneHistory([(start, london), (moved, "America/New_York")])
        let plan = HandPlan.amitriptyline(start: start)
        let slots = DoseCalendar.slots(versions: [HandPlan.version(1, plan, from: start)], courseStart: start,
                                       from: start, to: moved, zones: zones)
        let iso = ISO8601DateFormatter()
        // 30 Sep 22:00 BST = 21:00Z; 1 Oct 22:00 EDT (UTC−4) = 2 Oct 02:00Z.
        #expect(iso.string(from: slots[2].instant) == "2026-09-30T21:00:00Z")
        #expect(iso.string(from: slots[3].instant) == "2026-10-02T02:00:00Z")
    }

    @Test func correctionsReplaceWithoutErasing() throws {
        let plan = HandPlan.amitriptyline(start: start)
        var sim = try simulator(versions: [HandPlan.version(1, plan, from: start)])
        let first = try sim.take("2026-09-28T21:05:00Z")
        #expect(first.dose?.doseMg == 10)
        var corrected = first
        corrected.id = nil
        corrected.supersedes = first.id
        corrected.reason = "took two tablets by mistake"
        var dose = try #require(first.dose)
        dose.doseMg = 20
        corrected.event = .taken(dose)
        sim.append(corrected)
        let undone = try sim.take("2026-09-29T21:05:00Z")
        sim.append(JournalEntry(patientID: "P1", at: undone.at, recordedAt: undone.at,
                                recordedBy: "patient", supersedes: undone.id, reason: "entered on the wrong day", event: .undo))
        let effective = Journal.effective(sim.all)
        #expect(effective.count == 1)
        #expect(effective[0].dose?.doseMg == 20)
        #expect(sim.all.count == 4, "history keeps the original, the correction, the undone entry and the undo")
        let slots = DoseCalendar.slots(versions: [HandPlan.version(1, plan, from: start)], courseStart: start,
                                       from: start, to: start.adding(days: 1), zones: ZoneHistory(single: london))
        let report = AdherenceReport(slots: slots, entries: effective, courseStart: start)
        #expect(report.overall == AdherenceCount(scheduled: 2, taken: 1))
    }

    @Test func aFutureDoseAndAnImpossibleDoseAreRefused() throws {
        let plan = HandPlan.amitriptyline(start: start)
        let sim = try simulator(versions: [HandPlan.version(1, plan, from: start)])
        let now = ISO8601DateFormatter().date(from: "2026-09-28T12:00:00Z")!
        #expect(throws: PainLadderError.self) {
            try DoseRecording.take(at: now.addingTimeInterval(3600), doseMg: nil, note: nil, context: sim.context, now: now, by: "p")
        }
        #expect(throws: PainLadderError.self) {
            try DoseRecording.take(at: now, doseMg: 7, note: nil, context: sim.context, now: now, by: "p")
        }
    }

    @Test func aDayAboveTheMaximumIsFlagged() throws {
        let plan = HandPlan.amitriptyline(start: start)
        var sim = try simulator(versions: [HandPlan.version(1, plan, from: start)])
        try sim.take("2026-09-28T21:05:00Z")
        // Not confirmed: refused, nothing recorded (issue 13, Why 6).
        #expect(throws: PainLadderError.self) { try sim.take("2026-09-28T21:30:00Z", dose: 70) }
        let extra = try sim.take("2026-09-28T21:30:00Z", dose: 70, confirmed: true)
        #expect(extra.kind == .extra)
        #expect(extra.flags.map(\.kind) == [.aboveMaximum], "10 + 70 = 80 mg > 75 mg")
    }

    /// What people type ("yesterday 22:10") is read by the CLI (its end-to-end tests check the
    /// words and the refusals); the expression it reads resolves in the patient's zone.
    @Test func timeExpressionResolvesInThePatientsZone() throws {
        let zones = ZoneHistory(single: london)
        let now = ISO8601DateFormatter().date(from: "2026-10-10T08:00:00Z")!  // 09:00 BST
        let iso = ISO8601DateFormatter()
        func at(_ day: TimeExpression.Day, _ h: Int, _ m: Int) -> String {
            iso.string(from: TimeExpression(.wallClock(day, LocalTime(hour: h, minute: m)!), given: "").instant(now: now, zones: zones))
        }
        #expect(at(.yesterday, 22, 10) == "2026-10-09T21:10:00Z")
        #expect(at(.today, 7, 30) == "2026-10-10T06:30:00Z")
        #expect(at(.date(LocalDate(year: 2026, month: 10, day: 8)!), 22, 0) == "2026-10-08T21:00:00Z")
        #expect(TimeExpression(.now, given: "now").instant(now: now, zones: zones) == now)
    }

    /// A move from London to New York from 2026-10-10: the day of a typed time decides its zone.
    @Test func timeInputAfterAMoveUsesTheZoneOfTheDayItNames() throws {
        let zones = ZoneHistory([(LocalDate(dayNumber: 0), london),
                                 (LocalDate(year: 2026, month: 10, day: 10)!, "America/New_York")])
        let iso = ISO8601DateFormatter()
        let now = iso.date(from: "2026-10-10T13:00:00Z")!  // 09:00 EDT (UTC−4)
        // 10-09 was a London day (BST, UTC+1): 22:10 BST = 21:10Z.
        func at(_ day: TimeExpression.Day, _ h: Int, _ m: Int) -> String {
            iso.string(from: TimeExpression(.wallClock(day, LocalTime(hour: h, minute: m)!), given: "").instant(now: now, zones: zones))
        }
        #expect(at(.yesterday, 22, 10) == "2026-10-09T21:10:00Z")
        // Today is a New York day: 07:30 EDT = 11:30Z.
        #expect(at(.today, 7, 30) == "2026-10-10T11:30:00Z")
        // The move applies from local midnight in the new zone: 10-10 00:00 EDT = 04:00Z.
        #expect(zones.zone(at: iso.date(from: "2026-10-10T03:59:00Z")!).identifier == london)
        #expect(zones.zone(at: iso.date(from: "2026-10-10T04:00:00Z")!).identifier == "America/New_York")
        #expect(zones.localDate(iso.date(from: "2026-10-10T03:59:00Z")!) == LocalDate(year: 2026, month: 10, day: 10)!)
    }

    @Test func assessmentFlags() {
        let relapse = PainAssessment(withNewOrReturningSymptoms: true, character: [.burning])
        #expect(relapse.flags.map(\.kind) == [.possibleRelapse])
        let muscle = PainAssessment(character: [.back, .hip])
        #expect(muscle.flags.map(\.kind) == [.notNeuropathic])
        let face = PainAssessment(character: [.sharpFacial], oneSidedFacial: true)
        #expect(face.flags.map(\.kind) == [.possibleTrigeminalNeuralgia])
    }
}

@Suite("Journal: side effects resolved through corrections")
struct SideEffectLineageTests {
    func entry(_ id: Int64, _ kind: JournalEntry.Kind, supersedes: Int64? = nil, resolves: Int64? = nil) -> JournalEntry {
        let detail = SideEffectDetail(symptom: "dizziness", known: true, severity: .mild, resolves: resolves)
        return JournalEntry(id: id, patientID: "P1", at: Date(timeIntervalSince1970: Double(id)),
                            recordedAt: Date(timeIntervalSince1970: Double(id)), recordedBy: "p", supersedes: supersedes,
                            event: kind == .sideEffect ? .sideEffect(detail) : .sideEffectResolved(detail))
    }

    @Test func aResolutionOfTheOriginalCountsForItsCorrection() {
        // #1 reported, #2 resolves #1, #3 corrects #1's severity: #3 is the report in force, and it is resolved.
        let all = [entry(1, .sideEffect), entry(2, .sideEffectResolved, resolves: 1), entry(3, .sideEffect, supersedes: 1)]
        let effective = Journal.effective(all)
        let report = effective.first { $0.kind == .sideEffect }!
        #expect(report.id == 3)
        #expect(Journal.lineage(of: report, in: all) == [1, 3])
        #expect(Journal.isResolved(report, effective: effective))
        // The review reads the same effective journal: the resolution now names #3.
        #expect(effective.first { $0.kind == .sideEffectResolved }?.sideEffect?.resolves == 3)
    }

    @Test func anUndoneResolutionLeavesTheReportOpen() {
        let all = [entry(1, .sideEffect), entry(2, .sideEffectResolved, resolves: 1), entry(3, .undo, supersedes: 2)]
        let effective = Journal.effective(all)
        #expect(!Journal.isResolved(effective[0], effective: effective))
    }
}

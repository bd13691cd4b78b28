import Foundation
import GRDB
import PainLadderTestSupport
import Testing
import PainLadderClinic
import PainLadder
@testable import PainLadderStore

/// The store's part of exactly once: keys, transactions, confirmation, dry runs, indexes.
@Suite("Reminders: store, exactly once")
struct ReminderStoreTests {
    @Test("a reminder is claimed once; the next run at the same moment hands out nothing")
    func claimedOnce() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("P001", zone: "Europe/London", drug: "amitriptyline", start: "2026-03-02")
            // 2026-03-02 21:45 GMT: the first 22:00 dose (the "starting today" notice went out
            // with it: first run ever).
            let first = try c.run("2026-03-02T21:45Z")
            // Same instant (the change's first dose is this dose): ordered by key.
            #expect(first.map(\.key) == ["dose-change:c1:2026-03-02:10mg", "dose:c1:2026-03-02T22:00"])
            #expect(try c.run("2026-03-02T21:45Z").isEmpty)
            #expect(try c.run("2026-03-02T21:50Z").isEmpty)
            #expect(try c.count("SELECT count(*) FROM reminder_sent WHERE confirmed = 1") == 2)
            #expect(try c.store.lastReminderRun() == ReminderClinic.at("2026-03-02T21:50Z"))
        }
    }

    @Test("a failed delivery stays unconfirmed and is handed out again next run with the same key")
    func unconfirmedResent() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("P001", zone: "Europe/London", drug: "amitriptyline", start: "2026-03-02")
            _ = try c.run("2026-03-02T12:00Z")   // the start notice, out of the way
            var tries: [String] = []
            let failed = try c.clinic.remind(now: ReminderClinic.at("2026-03-02T21:45Z"), mode: .confirmed { tries.append($0.key); return false })
            #expect(failed.failed.map(\.key) == ["dose:c1:2026-03-02T22:00"])
            #expect(failed.reminders.isEmpty)
            #expect(try c.count("SELECT count(*) FROM reminder_sent WHERE confirmed = 0") == 1)
            let again = try c.clinic.remind(now: ReminderClinic.at("2026-03-02T21:50Z"), mode: .confirmed { tries.append($0.key); return true })
            #expect(again.reminders.map(\.key) == ["dose:c1:2026-03-02T22:00"])
            #expect(tries == ["dose:c1:2026-03-02T22:00", "dose:c1:2026-03-02T22:00"])
            let rows = try c.store.sentReminders(patientID: "P001").filter { $0.reminder.kind == .dose }
            #expect(rows.count == 1)
            #expect(rows.first?.confirmed == true)
            #expect(rows.first?.attempts == 2)
            #expect(try c.clinic.remind(now: ReminderClinic.at("2026-03-02T21:55Z"), mode: .confirmed { _ in true }).reminders.isEmpty)
        }
    }

    @Test("an unconfirmed dose reminder is not handed out again once the dose is recorded; it is withdrawn")
    func staleResendWithdrawn() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("P001", zone: "Europe/London", drug: "amitriptyline", start: "2026-03-02")
            _ = try c.run("2026-03-02T12:00Z")
            _ = try c.clinic.remind(now: ReminderClinic.at("2026-03-02T21:45Z"), mode: .confirmed { _ in false })
            try c.clinic.take(patientID: "P001", at: nil, doseMg: nil, note: nil, by: "P001", now: ReminderClinic.at("2026-03-02T21:48Z"))
            var delivered: [String] = []
            let next = try c.clinic.remind(now: ReminderClinic.at("2026-03-02T21:50Z"), mode: .confirmed { delivered.append($0.key); return true })
            #expect(delivered.isEmpty)
            #expect(next.reminders.isEmpty && next.failed.isEmpty)
            let row = try #require(try c.store.sentReminders(patientID: "P001").first { $0.reminder.kind == .dose })
            #expect(row.withdrawn && !row.confirmed)
            #expect(try c.store.unconfirmedReminders().isEmpty)
        }
    }

    @Test("a dry run records nothing: no claims, no missed entries, no run mark")
    func dryRun() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("P001", zone: "Europe/London", drug: "amitriptyline", start: "2026-03-02")
            let tables = ["reminder_sent", "reminder_run", "journal_entry", "audit", "supply_event"]
            let before = try tables.map { try c.count("SELECT count(*) FROM \($0)") }
            let result = try c.clinic.remind(now: ReminderClinic.at("2026-03-04T00:05Z"), mode: .dryRun)
            // Two nights with nothing recorded; a first run looks back 24 h, so only the
            // 03-03 22:00 dose (window closed at 00:00) would be marked missed.
            #expect(result.missed.map { $0.dose!.slot!.description } == ["2026-03-03 22:00"])
            #expect(try tables.map { try c.count("SELECT count(*) FROM \($0)") } == before)
        }
    }

    @Test("missed doses are journal entries; a late take for one still counts as taken")
    func missedThenTaken() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("P001", zone: "Europe/London", drug: "amitriptyline", start: "2026-03-02")
            try c.run("2026-03-02T21:45Z")
            try c.run("2026-03-03T00:05Z")
            let journal = try c.store.journal(patientID: "P001")
            #expect(journal.map(\.kind) == [.missed])
            #expect(journal.first?.dose?.slot?.description == "2026-03-02 22:00")
            #expect(try c.count("SELECT count(*) FROM audit WHERE action = 'journal.missed'") == 1)
            // Recorded the next morning for last night.
            let taken = try c.clinic.take(patientID: "P001", at: TimeExpression(.wallClock(.yesterday, LocalTime(hour: 22, minute: 15)!), given: "yesterday 22:15"), doseMg: nil, note: nil, by: "P001",
                                          now: ReminderClinic.at("2026-03-03T08:00Z"))
            #expect(taken.entries.first?.kind == .taken)
            #expect(taken.entries.first?.dose?.slot?.description == "2026-03-02 22:00")
            let today = try c.clinic.today(patientID: "P001", now: ReminderClinic.at("2026-03-03T08:00Z"))
            #expect(today.day.items.map(\.state) == [.upcoming])
            // And a later run neither marks it again nor counts it in a run of missed doses.
            try c.run("2026-03-04T00:05Z")
            #expect(try c.count("SELECT count(*) FROM journal_entry WHERE kind = 'missed'") == 2)
            #expect(try c.count("SELECT count(*) FROM reminder_sent WHERE kind = 'missed-doses'") == 0)
        }
    }

    @Test("two stores claiming the same course at once (no run lock): every key claimed once")
    func concurrentClaims() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            for i in 1...6 {
                try c.patient("P00\(i)", zone: "Europe/London", drug: "gabapentin", start: "2026-03-02")
            }
            let now = ReminderClinic.at("2026-03-05T13:45Z")
            let journalFrom: @Sendable ([SupplyEvent]) -> LocalDate = { s in ReminderPlanner.journalFrom(now: now, lastRun: nil, supply: s) }
            let formulary = c.clinic.formulary
            let compute: @Sendable (ReminderRecord, ClaimedKeys) throws -> ReminderPlan = { r, claimed in
                try ReminderPlanner.plan(now: now, lastRun: nil, input: ReminderInput(
                    patient: r.patient, zones: r.zones, course: r.course, drug: try formulary.drug(r.course.drug),
                    versions: r.versions, journal: Journal.effective(r.journal), supply: r.supply, journalFrom: r.journalFrom))
                    .unclaimed(claimed)
            }
            let stores = try (0..<2).map { _ in try Store(path: dir + "/clinic.sqlite", createIfMissing: false, busyTimeout: 10) }
            let courses = try c.store.coursesInProgress()
            let claimed = Claimed()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                for id in courses {
                    do {
                        let plan = try stores[i].claimReminders(courseID: id, now: now, confirmed: true, journalFrom: journalFrom, compute,
                                                                handOut: { _ in })
                        claimed.add(plan.reminders.map(\.key), missed: plan.missed.count)
                    } catch { claimed.fail("\(error)") }
                }
            }
            #expect(claimed.errors.isEmpty, "\(claimed.errors)")
            #expect(claimed.keys.count == Set(claimed.keys).count, "no key claimed twice")
            // Each patient: the 14:00 dose of 2026-03-05 is due (13:45–16:00).
            #expect(Set(claimed.keys).isSuperset(of: (1...6).map { "dose:c\($0):2026-03-05T14:00" }))
            #expect(try c.count("SELECT count(*) FROM reminder_sent") == claimed.keys.count)
            #expect(try c.count("SELECT count(*) FROM journal_entry WHERE kind = 'missed'") == claimed.missed)
            #expect(try c.count("SELECT count(*) FROM (SELECT course_id, slot_date, slot_time FROM journal_entry WHERE kind = 'missed' GROUP BY 1, 2, 3 HAVING count(*) > 1)") == 0)
        }
    }

    @Test("the job's queries use indexes: courses in progress, the journal window, extras, unconfirmed claims")
    func queryPlans() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            func plan(_ sql: String) throws -> String {
                try c.store.queue.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " | ")
                }
            }
            #expect(try plan("SELECT id FROM course WHERE status <> 'stopped' ORDER BY id").contains("course_in_progress"))
            #expect(try plan("SELECT id FROM journal_entry WHERE course_id = 1 AND slot_date >= '2026-03-01'").contains("journal_by_course_slot"))
            #expect(try plan("SELECT id FROM journal_entry WHERE course_id = 1 AND kind = 'extra' AND at >= '2026-03-01'").contains("journal_extra_by_course"))
            #expect(try plan("SELECT id FROM journal_entry WHERE supersedes IN (1, 2)").contains("INDEX"))
            #expect(try plan("SELECT reminder FROM reminder_sent WHERE confirmed = 0 AND withdrawn_at IS NULL ORDER BY due_at, key").contains("reminder_sent_unconfirmed"))
            #expect(try plan("SELECT key FROM reminder_sent WHERE key IN ('a', 'b')").contains("PRIMARY KEY"))
            #expect(try plan("SELECT * FROM plan_version WHERE course_id = 1 ORDER BY version").contains("INDEX"))
        }
    }

    @Test("supply: only the current drug's strengths, append-only, stock shown by the plan")
    func supply() throws {
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("P001", zone: "Europe/London", drug: "amitriptyline", start: "2026-03-02")
            let now = ReminderClinic.at("2026-03-02T09:00Z")
            let error = try #require(throws: PainLadderError.self) {
                try c.clinic.recordSupply(patientID: "P001", kind: .add, units: 28, strengthMg: 20, by: "P001", now: now)
            }
            guard case let .invalidValue(field, _, allowed) = error else { Issue.record("\(error)"); return }
            #expect(field == .strength && allowed.description.contains("10 mg tablet, 25 mg tablet, 50 mg tablet"))
            try c.clinic.recordSupply(patientID: "P001", kind: .add, units: 56, strengthMg: 10, by: "P001", now: now)
            let view = try c.clinic.supply(patientID: "P001", now: now)
            // The formulary's plan: 10, 20, 30, 40 mg a night from 03-02, 03-09, 03-16, 03-23
            // (40 mg = 4 × 10 mg). 7 + 14 + 21 = 42 by 03-22; 14 left cover 03-23..25; out on 03-26.
            #expect(view.stocks.count == 1)
            #expect(view.stocks.first?.stock.onHand == 56)
            #expect(view.stocks.first?.stock.runsOut?.key.description == "2026-03-26 22:00")
            #expect(view.stocks.first?.requestFrom == LocalDate(parsing: "2026-03-19"))
            #expect(throws: (any Error).self) {
                try c.store.queue.write { try $0.execute(sql: "UPDATE supply_event SET units = 1") }
            }
        }
    }
}

/// Thread-safe collection for the concurrency test.
final class Claimed: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var keys: [String] = []
    private(set) var missed = 0
    private(set) var errors: [String] = []

    func add(_ k: [String], missed m: Int) { lock.lock(); keys += k; missed += m; lock.unlock() }
    func fail(_ e: String) { lock.lock(); errors.append(e); lock.unlock() }
}

import ClinicGenerator
import Foundation
import FormularyData
@testable import PainLadderClinic
import PainLadder
@testable import PainLadderStore
import GRDB
import SeededRandom
import Testing

/// The narrow reminder run (only the courses the slot horizons name) hands out exactly what
/// the reference run (every course in progress, planned in full) hands out, run after run,
/// on two copies of one seeded clinic that live the same life: doses taken, skipped, undone
/// and corrected, decisions (increase, hold, switch, stop), zone moves, catch-up gaps, a run
/// behind the mark, dry runs; across the spring clock changes (Europe 29 March, and Sydney's
/// autumn change on 5 April for the patients moved there) and Europe's autumn change (25 October).
/// After each change that moves slots (a decision, a hold from a side effect, a zone move,
/// supply recorded), the narrow copy's stored slots and notice windows of the courses it
/// moved equal a fresh full computation at that instant, with no run in between.
@Suite("Reminders: the horizon run equals the full run", .serialized)
struct ReminderHorizonEquivalenceTests {
    struct Twin {
        let reference: Clinic
        let narrow: Clinic
        let dir: String
        var narrowPath: String { "\(dir)/narrow.sqlite" }
    }

    static func twin(_ options: ClinicGenerator.Options) throws -> Twin {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("painladder-horizon-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let formulary = try FormularyLoader.bundled()
        func clinic(_ name: String) throws -> Clinic {
            let store = try Store(path: "\(dir)/\(name).sqlite", createIfMissing: true)
            _ = try ClinicGenerator.generate(options, formulary: formulary, into: store)
            return Clinic(store: store, formulary: formulary)
        }
        return Twin(reference: try clinic("reference"), narrow: try clinic("narrow"), dir: dir)
    }

    /// What a run did, in comparable form.
    struct Outcome: Equatable, CustomStringConvertible {
        var reminders: [Reminder]
        var missed: [String]
        var problems: [String]
        var description: String {
            (reminders.map { "\($0.key) \($0.utc) \($0.message)" } + missed.map { "missed \($0)" } + problems).joined(separator: "\n")
        }

        init(failure: String) {
            reminders = []
            missed = []
            problems = [failure]
        }

        init(_ result: Clinic.RemindResult, handedOut: [Reminder]) {
            reminders = handedOut.isEmpty ? result.reminders : handedOut
            missed = result.missed.map { "\($0.patientID) c\($0.courseID ?? 0) \($0.dose?.slot?.description ?? "") \($0.at)" }
            problems = result.problems.map { "c\($0.courseID): \($0.error)" }
        }
    }

    static func run(_ clinic: Clinic, now: Date, dry: Bool, everyCourse: Bool) -> Outcome {
        var out: [Reminder] = []
        do {
            let result = try clinic.remind(now: now, systemNow: now, replay: false, policy: .standard,
                                           mode: dry ? .dryRun : .inline { out.append($0) }, lockTimeout: 5,
                                           everyCourse: everyCourse)
            return Outcome(result, handedOut: out)
        } catch {
            return Outcome(failure: "\(error)")
        }
    }

    /// Applies one change to a clinic; the description of what happened (or the error), and
    /// the courses whose slots it moved (`nil`: every course of the patient in progress).
    static func apply(_ change: Change, to clinic: Clinic, now: Date) -> (text: String, moved: [Int64]?) {
        do {
            switch change {
            case let .take(patient, minutesAgo):
                let at = minutesAgo == 0 ? nil : TimeExpression(.instant(now.addingTimeInterval(Double(-minutesAgo * 60))), given: "t")
                return ("\(try clinic.take(patientID: patient, at: at, doseMg: nil, note: nil, by: "test", now: now).entries.map(\.id))", [])
            case let .skip(patient):
                return ("\(try clinic.skip(patientID: patient, at: nil, reason: "away", by: "test", now: now).entries.map(\.id))", [])
            case let .undo(patient, entry):
                return ("\(try clinic.undo(patientID: patient, entryID: entry, reason: "wrong", by: "test", now: now).entries.map(\.id))", [])
            case let .correctTime(patient, entry, minutesAgo):
                let at = TimeExpression(.instant(now.addingTimeInterval(Double(-minutesAgo * 60))), given: "t")
                return ("\(try clinic.correct(patientID: patient, entryID: entry, .init(at: at), reason: "time", by: "test", now: now).entries.map(\.id))", [])
            case let .decide(patient, request):
                let saved = try clinic.decide(patientID: patient, request, now: now)
                return ("\(saved.course.id ?? 0) \(saved.course.status) \(saved.newCourse?.id ?? 0)",
                        [saved.course.id!] + [saved.newCourse?.id].compactMap { $0 } + saved.closedTapers.compactMap(\.id))
            case let .moveZone(patient, zone):
                var changes = PatientChanges()
                changes.timeZone = zone
                return ("\(try clinic.updatePatient(patient, changes, reason: "moved", by: "test", now: now).changed)", nil)
            case let .supply(patient, kind, units):
                guard let (course, _) = try clinic.coursesInProgress(patientID: patient).first else { return ("no course", []) }
                let mg = try clinic.formulary.drug(course.drug).strengths.value.map(\.mg).min()!
                let e = try clinic.recordSupply(patientID: patient, kind: kind, units: units, strengthMg: mg, by: "test", now: now)
                return ("\(e.id ?? 0) \(e.courseID)", [e.courseID])
            case let .sideEffect(patient):
                let r = try clinic.reportSideEffect(patientID: patient, symptom: "dizziness", severity: .moderate, since: nil,
                                                    note: nil, by: "test", now: now)
                return ("\(r.entries.map(\.id)) \(r.newPlan?.version ?? 0)", r.newPlan.map { [$0.courseID] } ?? [])
            }
        } catch {
            return ("error: \(error)", [])
        }
    }

    enum Change {
        case take(String, minutesAgo: Int)
        case skip(String)
        case undo(String, Int64)
        case correctTime(String, Int64, minutesAgo: Int)
        case decide(String, DecisionRequest)
        case moveZone(String, String)
        case supply(String, SupplyEvent.Kind, Int)
        case sideEffect(String)

        /// The patient whose slots it may move, or `nil` for a change that only records a dose.
        var moves: String? {
            switch self {
            case let .decide(p, _), let .moveZone(p, _), let .supply(p, _, _), let .sideEffect(p): p
            case .take, .skip, .undo, .correctTime: nil
            }
        }
    }

    /// The patient's courses in progress that the change moved (`courses`; `nil`: all): each one's stored horizon (slots still planned,
    /// notice windows, covered instants) against ``ReminderPlanner/horizon(now:input:policy:)``
    /// computed afresh at `now`, less the notices already claimed; no course left marked out
    /// of date. Returns what differs.
    static func storedHorizonsDiffer(_ twin: Twin, patient: String, courses: [Int64]?, now: Date) throws -> [String] {
        let clinic = twin.narrow
        let planning = clinic.horizonPlanning(now: now)
        let lastRun = try clinic.store.lastReminderRun()
        let db = try DatabaseQueue(path: twin.narrowPath)
        defer { try? db.close() }
        var differences: [String] = []
        for (course, _) in try clinic.coursesInProgress(patientID: patient) where courses?.contains(course.id!) ?? true {
            let id = course.id!
            guard let record = try clinic.store.reminderRecord(courseID: id, journalFrom: { planning.journalFrom($0, lastRun: lastRun) })
            else { continue }
            let fresh = try planning.build(record)
            let t = StoreTime.string
            let (stored, notices, covered, claimed) = try db.read { db in
                (try Row.fetchAll(db, sql: """
                    SELECT slot_date, slot_time, due_at, time_zone, dose_mg, plan_version, status FROM dose_slot
                     WHERE course_id = ? AND status <> 'withdrawn' ORDER BY due_at, slot_date, slot_time
                    """, arguments: [id]).map { r in (0..<7).map { "\(r[$0] as DatabaseValue)" }.joined(separator: " ") },
                 try Row.fetchAll(db, sql: "SELECT key, opens_at, closes_at FROM reminder_notice WHERE course_id = ? ORDER BY key",
                                  arguments: [id]).map { r in (0..<3).map { "\(r[$0] as DatabaseValue)" }.joined(separator: " ") },
                 try Row.fetchOne(db, sql: "SELECT covered_from, covered_through FROM dose_slot_horizon WHERE course_id = ?",
                                  arguments: [id]).map { "\($0[0] as String) \($0[1] as String)" } ?? "none",
                 Set(try String.fetchAll(db, sql: "SELECT key FROM reminder_sent")))
            }
            func text(_ v: String) -> String { "\(DatabaseValue(value: v)!)" }
            let expectedSlots = fresh.slots.sorted { ($0.instant, $0.date, $0.time.description) < ($1.instant, $1.date, $1.time.description) }
                .map { s in [text(s.date.description), text(s.time.description), text(t(s.instant)), text(s.zone),
                             "\(s.doseMg)", "\(s.planVersion)", text(s.status.rawValue)].joined(separator: " ") }
            let expectedNotices = fresh.notices.filter { !claimed.contains($0.key) }.sorted { $0.key < $1.key }
                .map { n in [text(n.key), text(Store.noticeInstant(n.opens)),
                             n.closes.map { text(Store.noticeInstant($0)) } ?? "NULL"].joined(separator: " ") }
            let expectedCovered = "\(t(fresh.coveredFrom)) \(t(fresh.coveredThrough))"
            if stored != expectedSlots { differences.append("c\(id) slots:\n\(stored)\nexpected:\n\(expectedSlots)") }
            if notices != expectedNotices { differences.append("c\(id) notices:\n\(notices)\nexpected:\n\(expectedNotices)") }
            if covered != expectedCovered { differences.append("c\(id) covered \(covered), expected \(expectedCovered)") }
        }
        return differences
    }

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Seeded life between runs, the same on both copies.
    static func live(_ twin: Twin, seed: UInt64, from start: Date, to end: Date, moves: [(Date, String, String)]) throws {
        var rng = SplitMix(seed: seed)
        let patients = try twin.reference.patients().map(\.id)
        var recorded: [(patient: String, entry: Int64)] = []
        var pendingMoves = moves
        var now = start
        var runs = 0
        var handedOut = 0
        var movingChanges = 0
        while now < end {
            // Changes before the run.
            var changes: [Change] = []
            while let move = pendingMoves.first, move.0 <= now {
                changes.append(.moveZone(move.1, move.2))
                pendingMoves.removeFirst()
            }
            for _ in 0..<rng.int(0...3) {
                let p = patients[rng.int(0...(patients.count - 1))]
                switch rng.int(0...19) {
                case 0...7: changes.append(.take(p, minutesAgo: rng.chance(0.5) ? 0 : rng.int(1...180)))
                case 8...9: changes.append(.skip(p))
                case 10...11 where !recorded.isEmpty:
                    let r = recorded.remove(at: rng.int(0...(recorded.count - 1)))
                    changes.append(.undo(r.patient, r.entry))
                case 12...13 where !recorded.isEmpty:
                    let r = recorded.remove(at: rng.int(0...(recorded.count - 1)))
                    changes.append(.correctTime(r.patient, r.entry, minutesAgo: rng.int(0...240)))
                case 15: changes.append(.supply(p, rng.chance(0.8) ? .add : .count, rng.int(6...60)))
                case 16: changes.append(.sideEffect(p))
                case 14:
                    let kinds: [DecisionRequest] = [
                        .init(kind: .increase, by: "Dr Rao", reason: "more"),
                        .init(kind: .hold, by: "Dr Rao", reason: "dizzy"),
                        .init(kind: .continue, by: "Dr Rao", reason: "fine",
                              nextReview: ZoneHistory(single: "UTC").localDate(now).adding(days: rng.int(1...5))),
                        .init(kind: .switch, by: "Dr Rao", reason: "no help", outcome: .notEffective, switchTo: "amitriptyline"),
                        .init(kind: .stop, by: "Dr Rao", reason: "better", outcome: .effective),
                    ]
                    changes.append(.decide(p, kinds[rng.int(0...(kinds.count - 1))]))
                default: break
                }
            }
            for change in changes {
                let a = apply(change, to: twin.reference, now: now).text
                let (b, moved) = apply(change, to: twin.narrow, now: now)
                #expect(a == b, "\(change) at \(now)")
                if let p = change.moves, !b.hasPrefix("error") {
                    let differences = try storedHorizonsDiffer(twin, patient: p, courses: moved, now: now)
                    #expect(differences.isEmpty, "\(change) at \(now): \(differences.joined(separator: "\n"))")
                    movingChanges += 1
                }
                switch change {
                case let .take(p, _), let .skip(p):
                    if let id = a.split(separator: "(").last.flatMap({ Int64($0.prefix { $0.isNumber }) }) { recorded.append((p, id)) }
                default: break
                }
            }
            // The run: now and then a dry run first, or a run behind the mark.
            if rng.int(0...9) == 0 {
                #expect(run(twin.reference, now: now, dry: true, everyCourse: true) == run(twin.narrow, now: now, dry: true, everyCourse: false),
                        "dry run at \(now)")
            }
            let runAt = rng.int(0...39) == 0 ? now.addingTimeInterval(-3 * 3600) : now
            let reference = run(twin.reference, now: runAt, dry: false, everyCourse: true)
            let narrow = run(twin.narrow, now: runAt, dry: false, everyCourse: false)
            #expect(reference == narrow, "run at \(runAt)")
            handedOut += reference.reminders.count
            runs += 1
            // Mostly a cron's pace; sometimes the machine was off for hours.
            let minutes = rng.int(0...24) == 0 ? rng.int(300...1_500) : rng.int(5...110)
            now = now.addingTimeInterval(Double(minutes * 60))
        }
        #expect(runs > 100)
        #expect(movingChanges > 10, "changes that move slots were checked")
        #expect(handedOut > 100, "the runs handed something out")
    }

    @Test(arguments: [UInt64(7), 2026])
    func springChangesAndZoneMoves(seed: UInt64) throws {
        let options = ClinicGenerator.Options(patients: 14, days: 40, seed: seed)
        let twin = try Self.twin(options)
        defer { try? FileManager.default.removeItem(atPath: twin.dir) }
        let patients = try twin.reference.patients().map(\.id)
        // Three patients move: to Sydney before its autumn change, to New York and to London.
        let moves = [(Self.at("2026-03-24T03:00:00Z"), patients[0], "Australia/Sydney"),
                     (Self.at("2026-03-26T20:00:00Z"), patients[1], "America/New_York"),
                     (Self.at("2026-03-31T10:00:00Z"), patients[2], "Europe/London"),
                     (Self.at("2026-04-02T10:00:00Z"), patients[3], "Australia/Sydney")]
        try Self.live(twin, seed: seed, from: options.now, to: Self.at("2026-04-07T00:00:00Z"), moves: moves)
    }

    @Test func autumnChange() throws {
        let options = ClinicGenerator.Options(patients: 12, days: 40, seed: 11,
                                              end: LocalDate(year: 2026, month: 10, day: 21)!)
        let twin = try Self.twin(options)
        defer { try? FileManager.default.removeItem(atPath: twin.dir) }
        let patients = try twin.reference.patients().map(\.id)
        let moves = [(Self.at("2026-10-23T23:00:00Z"), patients[0], "Europe/Paris"),
                     (Self.at("2026-10-24T12:00:00Z"), patients[1], "America/New_York")]
        try Self.live(twin, seed: 11, from: options.now, to: Self.at("2026-10-28T00:00:00Z"), moves: moves)
    }
}

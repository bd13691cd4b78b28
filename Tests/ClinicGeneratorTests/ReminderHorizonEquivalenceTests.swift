import ClinicGenerator
import Foundation
import FormularyData
@testable import PainLadderClinic
import PainLadder
import PainLadderStore
import SeededRandom
import Testing

/// The narrow reminder run (only the courses the slot horizons name) hands out exactly what
/// the reference run (every course in progress, planned in full) hands out, run after run,
/// on two copies of one seeded clinic that live the same life: doses taken, skipped, undone
/// and corrected, decisions (increase, hold, switch, stop), zone moves, catch-up gaps, a run
/// behind the mark, dry runs; across the spring clock changes (Europe 29 March, and Sydney's
/// autumn change on 5 April for the patients moved there) and Europe's autumn change (25 October).
@Suite("Reminders: the horizon run equals the full run", .serialized)
struct ReminderHorizonEquivalenceTests {
    struct Twin {
        let reference: Clinic
        let narrow: Clinic
        let dir: String
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

    /// Applies one change to a clinic; the description of what happened (or the error).
    static func apply(_ change: Change, to clinic: Clinic, now: Date) -> String {
        do {
            switch change {
            case let .take(patient, minutesAgo):
                let at = minutesAgo == 0 ? nil : TimeExpression(.instant(now.addingTimeInterval(Double(-minutesAgo * 60))), given: "t")
                return "\(try clinic.take(patientID: patient, at: at, doseMg: nil, note: nil, by: "test", now: now).entries.map(\.id))"
            case let .skip(patient):
                return "\(try clinic.skip(patientID: patient, at: nil, reason: "away", by: "test", now: now).entries.map(\.id))"
            case let .undo(patient, entry):
                return "\(try clinic.undo(patientID: patient, entryID: entry, reason: "wrong", by: "test", now: now).entries.map(\.id))"
            case let .correctTime(patient, entry, minutesAgo):
                let at = TimeExpression(.instant(now.addingTimeInterval(Double(-minutesAgo * 60))), given: "t")
                return "\(try clinic.correct(patientID: patient, entryID: entry, .init(at: at), reason: "time", by: "test", now: now).entries.map(\.id))"
            case let .decide(patient, request):
                let saved = try clinic.decide(patientID: patient, request, now: now)
                return "\(saved.course.id ?? 0) \(saved.course.status) \(saved.newCourse?.id ?? 0)"
            case let .moveZone(patient, zone):
                var changes = PatientChanges()
                changes.timeZone = zone
                return "\(try clinic.updatePatient(patient, changes, reason: "moved", by: "test", now: now).changed)"
            }
        } catch {
            return "error: \(error)"
        }
    }

    enum Change {
        case take(String, minutesAgo: Int)
        case skip(String)
        case undo(String, Int64)
        case correctTime(String, Int64, minutesAgo: Int)
        case decide(String, DecisionRequest)
        case moveZone(String, String)
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
                let a = apply(change, to: twin.reference, now: now)
                let b = apply(change, to: twin.narrow, now: now)
                #expect(a == b, "\(change) at \(now)")
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

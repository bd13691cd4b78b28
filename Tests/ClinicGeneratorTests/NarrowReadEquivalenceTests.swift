import ClinicGenerator
import Foundation
import FormularyData
import PainLadder
@testable import PainLadderClinic
@testable import PainLadderStore
import Testing

/// `take`, `skip`, `today` and the other journal commands that need no older entry (pain,
/// impression, assessment, side effect) read only the journal window and the plan versions that can be
/// in force in it (``Store/fetchPlanVersions(where:arguments:decisions:inForceFrom:_:)``). Over
/// seeded clinics (switches with tapers, holds, corrections, two years of history), they
/// decide exactly what the old whole-history computation decides, kept here as the reference.
@Suite("Narrow reads equal whole-history reads", .serialized)
struct NarrowReadEquivalenceTests {
    /// Many short histories (switches, tapers) and a few of two years.
    static let clinics = [ClinicGenerator.Options(patients: 16, days: 150, seed: 17, secondCourseRate: 0.6),
                          ClinicGenerator.Options(patients: 2, days: 730, seed: 5)]

    @Test(arguments: clinics.indices)
    func todayTakeAndSkipAgreeAtEveryInstant(clinicIndex: Int) throws {
        let options = Self.clinics[clinicIndex]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("painladder-narrow-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/clinic.sqlite", createIfMissing: true)
        let formulary = try FormularyLoader.bundled()
        _ = try ClinicGenerator.generate(options, formulary: formulary, into: store)
        let clinic = Clinic(store: store, formulary: formulary)

        var compared = 0, narrowerVersions = 0
        for patient in try store.patients() {
            // The reference: the whole history, read once (it does not depend on the instant).
            let whole = try store.snapshot(patientID: patient.id)
            let first = options.end.adding(days: -options.days)
            // Every 41 hours and 13 minutes: each time of day and day of the week in turn.
            var instant = Date(timeIntervalSince1970: Double(first.dayNumber * 86_400))
            while instant <= options.now {
                let narrow = try store.snapshot(patientID: patient.id, journalNear: instant)
                if narrow.versions.count < whole.versions.count { narrowerVersions += 1 }
                #expect(Self.outcome { try Self.today(clinic, narrow, now: instant) }
                        == Self.outcome { try Self.today(clinic, whole, now: instant) },
                        "today, \(patient.id) at \(instant)")
                for skip in [false, true] {
                    #expect(Self.entries { try Self.dose(clinic, narrow, at: instant, skip: skip) }
                            == Self.entries { try Self.dose(clinic, whole, at: instant, skip: skip) },
                            "\(skip ? "skip" : "take"), \(patient.id) at \(instant)")
                }
                // What pain, impression, assessment and side-effect reports use: the current plan
                // of each course as lived that day and the plan in force that day.
                let day = whole.zones.localDate(instant)
                let (livedNarrow, livedWhole) = (CourseRules.asLived(narrow, on: day), CourseRules.asLived(whole, on: day))
                #expect(livedNarrow.inProgress.map { [$0.course.id, $0.versions.last?.id] }
                        == livedWhole.inProgress.map { [$0.course.id, $0.versions.last?.id] }, "\(patient.id) at \(instant)")
                #expect(DoseCalendar.plan(on: day, versions: narrow.versions) == DoseCalendar.plan(on: day, versions: whole.versions))
                compared += 1
                instant += 41 * 3600 + 13 * 60
            }
        }
        #expect(compared > 500)
        #expect(narrowerVersions > compared / 2, "most instants read fewer versions than the whole course")
    }

    /// `Clinic.today(patientID:now:)` on a snapshot already read.
    static func today(_ clinic: Clinic, _ read: PatientSnapshot, now: Date) throws -> Clinic.Today {
        let all = CourseRules.asLived(read, on: read.zones.localDate(now))
        var today = try clinic.today(all, now: now)
        today.others = try all.others.map { try clinic.today(all.focused(onCourse: $0.course.id), now: now) }
        return today
    }

    /// What `Clinic.take` / `Clinic.skip` would write at `at` (their unit of work's closure).
    static func dose(_ clinic: Clinic, _ all: PatientSnapshot, at: Date, skip: Bool) throws -> [JournalEntry?] {
        let s = try CourseRules.asLived(all, on: all.zones.localDate(at)).focused(onDrug: nil)
        let context = try clinic.doseContext(s)
        try Clinic.requireStarted(context, at)
        if skip {
            return [try DoseRecording.skip(at: at, reason: "asleep", context: context, now: at, by: "P")]
        }
        let entry = try DoseRecording.take(at: at, doseMg: nil, note: nil, context: context, now: at, by: "P",
                                           confirmed: true)
        return [entry, DoseRecording.possibleRepeat(of: entry, context: context)]
    }

    /// The day's JSON, or the error: comparable either way.
    static func outcome(_ body: () throws -> Clinic.Today) -> String {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(try body()), as: UTF8.self)
        } catch {
            return "error: \(error)"
        }
    }

    /// The entries, or the error.
    static func entries(_ body: () throws -> [JournalEntry?]) -> Outcome {
        do { return .entries(try body()) } catch { return .error("\(error)") }
    }

    enum Outcome: Equatable {
        case entries([JournalEntry?])
        case error(String)
    }
}

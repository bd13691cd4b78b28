import Foundation
import FormularyData
import PainLadderClinic
import PainLadder
@testable import PainLadderStore

/// A clinic on a real temporary SQLite file for the reminder tests.
struct ReminderClinic {
    let dir: String
    let store: Store
    let clinic: Clinic

    init(dir: String) throws {
        self.dir = dir
        store = try Store(path: dir + "/clinic.sqlite", createIfMissing: true)
        clinic = Clinic(store: store, formulary: try FormularyLoader.bundled())
    }

    /// "2026-03-02T21:45Z" → the instant.
    static func at(_ text: String) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text.replacingOccurrences(of: "Z", with: ":00Z"))!
    }

    /// Adds a patient and starts a course on `start` (the formulary's schedule).
    @discardableResult
    func patient(_ id: String, zone: String, drug: String, start: String, times: [String]? = nil) throws -> Course {
        let p = Patient(id: id, birthDate: LocalDate(parsing: "1960-05-01")!, sex: .female, timeZone: zone, weightKg: 70,
                        serumCreatinine: SerumCreatinine(value: 80, unit: .micromolPerLitre), creatinineClearance: 100,
                        diagnosis: "diabetic-peripheral-neuropathy")
        try store.addPatient(p, at: Self.at("2026-01-01T12:00Z"), by: "test")
        let (course, _) = try clinic.startCourse(patientID: id, drug: drug, variant: nil, on: LocalDate(parsing: start)!,
                                                 times: times?.map { LocalTime(parsing: $0)! }, by: "Dr Rao",
                                                 now: Self.at("2026-01-01T12:00Z"))
        return course
    }

    /// Runs the job at `now`, printing into an array; returns what was handed out.
    @discardableResult
    func run(_ now: String, policy: ReminderPolicy = .standard) throws -> [Reminder] {
        var out: [Reminder] = []
        _ = try clinic.remind(now: Self.at(now), policy: policy, mode: .inline { out.append($0) })
        return out
    }

    func count(_ sql: String) throws -> Int {
        try store.queue.read { try Int.fetchOne($0, sql: sql) ?? 0 }
    }
}

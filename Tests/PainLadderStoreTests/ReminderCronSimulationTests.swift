import Foundation
import PainLadderTestSupport
import Testing
import PainLadderClinic
import PainLadder
@testable import PainLadderStore

/// A cron job every 5 minutes for 3 days, in process (the library the binary calls), on a
/// real SQLite file, for four patients, across a daylight-saving change.
///
/// Patients (every expectation below is worked by hand in UTC, not computed):
/// - L1 Europe/London, amitriptyline at 22:00; records the second night's dose at 21:30.
/// - L2 Europe/London, gabapentin at 08:00, 14:00 and 22:00; takes the 08:00 dose at 07:30
///   every day (before its reminder opens at 07:45), the 14:00 dose at 14:20 (after its
///   reminder at 13:45), never records the 22:00 dose.
/// - L3 Europe/London, amitriptyline at 01:30, never records.
/// - N1 America/New_York, amitriptyline at 01:30, never records.
@Suite("Reminders: cron every 5 minutes for 3 days", .serialized)
struct ReminderCronSimulationTests {
    struct Expected: Hashable, CustomStringConvertible {
        var patient: String
        var slot: String   // local "YYYY-MM-DDTHH:MM"
        var slotUTC: String
        var sentAt: String // the cron tick, UTC
        var description: String { "\(patient) \(slot) (\(slotUTC)) at \(sentAt)" }
    }

    struct Window {
        var name: String
        var first: String       // first tick, UTC
        var starts: [String: String]
        var takes: [(String, String)]   // (patient, instant UTC)
        var expected: [Expected]
    }

    /// 2026-03-28 (Sat) to 03-30: Europe/London springs forward at 01:00 UTC on Sunday 03-29
    /// (GMT+0 → BST+1). New York is already on EDT (UTC−4) since 03-08.
    static let spring = Window(
        name: "UK spring forward",
        first: "2026-03-28T00:00Z",
        starts: ["L1": "2026-03-20", "L2": "2026-03-08", "L3": "2026-03-20", "N1": "2026-03-20"],
        takes: [("L1", "2026-03-29T20:30Z"),                                          // 21:30 BST
                ("L2", "2026-03-28T07:30Z"), ("L2", "2026-03-29T06:30Z"), ("L2", "2026-03-30T06:30Z"),  // 07:30 local
                ("L2", "2026-03-28T14:20Z"), ("L2", "2026-03-29T13:20Z"), ("L2", "2026-03-30T13:20Z")], // 14:20 local
        expected: [
            // L1 22:00: GMT on the 28th (22:00Z), BST after (21:00Z); the 29th was taken.
            .init(patient: "L1", slot: "2026-03-28T22:00", slotUTC: "2026-03-28T22:00:00Z", sentAt: "2026-03-28T21:45Z"),
            .init(patient: "L1", slot: "2026-03-30T22:00", slotUTC: "2026-03-30T21:00:00Z", sentAt: "2026-03-30T20:45Z"),
            // L2 14:00 (reminded, then taken) and 22:00 (never taken); never the 08:00.
            .init(patient: "L2", slot: "2026-03-28T14:00", slotUTC: "2026-03-28T14:00:00Z", sentAt: "2026-03-28T13:45Z"),
            .init(patient: "L2", slot: "2026-03-28T22:00", slotUTC: "2026-03-28T22:00:00Z", sentAt: "2026-03-28T21:45Z"),
            .init(patient: "L2", slot: "2026-03-29T14:00", slotUTC: "2026-03-29T13:00:00Z", sentAt: "2026-03-29T12:45Z"),
            .init(patient: "L2", slot: "2026-03-29T22:00", slotUTC: "2026-03-29T21:00:00Z", sentAt: "2026-03-29T20:45Z"),
            .init(patient: "L2", slot: "2026-03-30T14:00", slotUTC: "2026-03-30T13:00:00Z", sentAt: "2026-03-30T12:45Z"),
            .init(patient: "L2", slot: "2026-03-30T22:00", slotUTC: "2026-03-30T21:00:00Z", sentAt: "2026-03-30T20:45Z"),
            // L3 01:30: 01:30 GMT; on the 29th 01:30 does not exist: the offset before the gap
            // (GMT) gives 01:30Z, which is 02:30 BST; then 01:30 BST = 00:30Z.
            .init(patient: "L3", slot: "2026-03-28T01:30", slotUTC: "2026-03-28T01:30:00Z", sentAt: "2026-03-28T01:15Z"),
            .init(patient: "L3", slot: "2026-03-29T01:30", slotUTC: "2026-03-29T01:30:00Z", sentAt: "2026-03-29T01:15Z"),
            .init(patient: "L3", slot: "2026-03-30T01:30", slotUTC: "2026-03-30T00:30:00Z", sentAt: "2026-03-30T00:15Z"),
            // N1 01:30 EDT = 05:30Z.
            .init(patient: "N1", slot: "2026-03-28T01:30", slotUTC: "2026-03-28T05:30:00Z", sentAt: "2026-03-28T05:15Z"),
            .init(patient: "N1", slot: "2026-03-29T01:30", slotUTC: "2026-03-29T05:30:00Z", sentAt: "2026-03-29T05:15Z"),
            .init(patient: "N1", slot: "2026-03-30T01:30", slotUTC: "2026-03-30T05:30:00Z", sentAt: "2026-03-30T05:15Z"),
        ])

    /// 2026-10-31 (Sat) to 11-02: New York falls back at 06:00 UTC on Sunday 11-01 (02:00
    /// EDT → 01:00 EST): 01:30 happens twice, at 05:30Z (EDT) and 06:30Z (EST). London is on
    /// GMT (since 10-25) throughout.
    static let autumn = Window(
        name: "US fall back",
        first: "2026-10-31T00:00Z",
        starts: ["L1": "2026-10-20", "L2": "2026-10-08", "L3": "2026-10-20", "N1": "2026-10-20"],
        takes: [("L1", "2026-11-01T21:30Z"),
                ("L2", "2026-10-31T07:30Z"), ("L2", "2026-11-01T07:30Z"), ("L2", "2026-11-02T07:30Z"),
                ("L2", "2026-10-31T14:20Z"), ("L2", "2026-11-01T14:20Z"), ("L2", "2026-11-02T14:20Z")],
        expected: [
            .init(patient: "L1", slot: "2026-10-31T22:00", slotUTC: "2026-10-31T22:00:00Z", sentAt: "2026-10-31T21:45Z"),
            .init(patient: "L1", slot: "2026-11-02T22:00", slotUTC: "2026-11-02T22:00:00Z", sentAt: "2026-11-02T21:45Z"),
            .init(patient: "L2", slot: "2026-10-31T14:00", slotUTC: "2026-10-31T14:00:00Z", sentAt: "2026-10-31T13:45Z"),
            .init(patient: "L2", slot: "2026-10-31T22:00", slotUTC: "2026-10-31T22:00:00Z", sentAt: "2026-10-31T21:45Z"),
            .init(patient: "L2", slot: "2026-11-01T14:00", slotUTC: "2026-11-01T14:00:00Z", sentAt: "2026-11-01T13:45Z"),
            .init(patient: "L2", slot: "2026-11-01T22:00", slotUTC: "2026-11-01T22:00:00Z", sentAt: "2026-11-01T21:45Z"),
            .init(patient: "L2", slot: "2026-11-02T14:00", slotUTC: "2026-11-02T14:00:00Z", sentAt: "2026-11-02T13:45Z"),
            .init(patient: "L2", slot: "2026-11-02T22:00", slotUTC: "2026-11-02T22:00:00Z", sentAt: "2026-11-02T21:45Z"),
            .init(patient: "L3", slot: "2026-10-31T01:30", slotUTC: "2026-10-31T01:30:00Z", sentAt: "2026-10-31T01:15Z"),
            .init(patient: "L3", slot: "2026-11-01T01:30", slotUTC: "2026-11-01T01:30:00Z", sentAt: "2026-11-01T01:15Z"),
            .init(patient: "L3", slot: "2026-11-02T01:30", slotUTC: "2026-11-02T01:30:00Z", sentAt: "2026-11-02T01:15Z"),
            // N1: 01:30 EDT on the 31st; on 11-01 the first 01:30 (EDT, 05:30Z) and not again
            // at the second (06:30Z); 01:30 EST = 06:30Z on 11-02.
            .init(patient: "N1", slot: "2026-10-31T01:30", slotUTC: "2026-10-31T05:30:00Z", sentAt: "2026-10-31T05:15Z"),
            .init(patient: "N1", slot: "2026-11-01T01:30", slotUTC: "2026-11-01T05:30:00Z", sentAt: "2026-11-01T05:15Z"),
            .init(patient: "N1", slot: "2026-11-02T01:30", slotUTC: "2026-11-02T06:30:00Z", sentAt: "2026-11-02T06:15Z"),
        ])

    static func tick(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return String(f.string(from: date).dropLast(4)) + "Z"   // "2026-03-28T21:45Z"
    }

    @Test("every due dose reminded exactly once at the right local time; none for doses taken", arguments: ["spring", "autumn"])
    func threeDays(window name: String) throws {
        let w = name == "spring" ? Self.spring : Self.autumn
        try withTemporaryDirectory { dir in
            let c = try ReminderClinic(dir: dir)
            try c.patient("L1", zone: "Europe/London", drug: "amitriptyline", start: w.starts["L1"]!)
            try c.patient("L2", zone: "Europe/London", drug: "gabapentin", start: w.starts["L2"]!)
            try c.patient("L3", zone: "Europe/London", drug: "amitriptyline", start: w.starts["L3"]!, times: ["01:30"])
            try c.patient("N1", zone: "America/New_York", drug: "amitriptyline", start: w.starts["N1"]!, times: ["01:30"])

            let first = ReminderClinic.at(w.first)
            // The job was already running: one run 5 minutes before the window.
            try c.run(Self.tick(first.addingTimeInterval(-300)))
            var takes = w.takes.map { ($0.0, ReminderClinic.at($0.1)) }.sorted { $0.1 < $1.1 }
            var sent: [(tick: String, reminder: Reminder)] = []
            for i in 0..<(3 * 288) {
                let now = first.addingTimeInterval(Double(i) * 300)
                while let next = takes.first, next.1 <= now {
                    let recorded = try c.clinic.take(patientID: next.0, at: nil, doseMg: nil, note: nil, by: next.0, now: next.1)
                    #expect(recorded.entries.first?.kind == .taken, "\(next.0) at \(next.1)")
                    takes.removeFirst()
                }
                for r in try c.run(Self.tick(now)) { sent.append((Self.tick(now), r)) }
            }

            // Exactly once: no key twice, whatever its kind.
            let keys = sent.map(\.reminder.key)
            #expect(keys.count == Set(keys).count, "duplicate keys: \(Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys)")

            let doses = sent.filter { $0.reminder.kind == .dose }.map {
                Expected(patient: $0.reminder.patientID, slot: $0.reminder.local, slotUTC: $0.reminder.utc, sentAt: $0.tick)
            }
            let expected = Set(w.expected)
            #expect(Set(doses) == expected, "\(w.name): unexpected \(Set(doses).subtracting(expected)); missing \(expected.subtracting(doses))")
            #expect(doses.count == expected.count)
            for d in sent where d.reminder.kind == .dose {
                #expect(d.reminder.timeZone == (d.reminder.patientID == "N1" ? "America/New_York" : "Europe/London"))
                #expect(d.reminder.message.hasSuffix("due at \(d.reminder.localTime)."))
            }

            // Every dose not recorded was marked missed once; the taken ones never.
            let dupes = try c.count("""
                SELECT count(*) FROM (SELECT course_id, slot_date, slot_time FROM journal_entry
                WHERE kind = 'missed' GROUP BY 1, 2, 3 HAVING count(*) > 1)
                """)
            #expect(dupes == 0)
            for (patient, at) in w.takes {
                let journal = try c.store.journal(patientID: patient)
                let taken = try #require(journal.first { $0.kind == .taken && $0.at == ReminderClinic.at(at) })
                #expect(!journal.contains { $0.kind == .missed && $0.dose?.slot == taken.dose?.slot })
            }
            // L3 and N1 never record: after two nights the clinician hears once per run of misses.
            for p in ["L3", "N1"] {
                let runs = sent.filter { $0.reminder.kind == .missedDoses && $0.reminder.patientID == p }
                #expect(runs.count <= 1, "\(p): \(runs.map(\.reminder.key))")
            }
        }
    }
}

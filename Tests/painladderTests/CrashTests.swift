import Foundation
import SeededRandom
import Testing

/// A writer killed with SIGKILL at random points, many times: afterwards the database opens,
/// passes integrity_check, holds every write a command reported as done, and shows nothing
/// half-written (see ``Reliability/soundness(_:)``).
@Suite("Reliability: crashes")
struct CrashTests {
    /// 30 kills by default; `PAINLADDER_RELIABILITY=long` does 300.
    static let kills = Reliability.long ? 300 : 30

    /// The writes the loop cycles through, each marked so it can be found afterwards. A
    /// moderate side effect during titration also writes a hold (a new plan version and a
    /// course status change), a decision a plan version and its audit row, and `remind`
    /// (its clock an hour later each time) its claims and missed-dose entries: several rows
    /// in one transaction.
    static func command(_ i: Int) -> [String] {
        let marker = "crash-\(i)"
        switch i % 6 {
        case 0: return ["pain", "P001", "\(i % 11)", "--impact", marker]
        case 1: return ["take", "P001", "--at", "2026-03-1\(i % 9) 22:\(String(format: "%02d", i % 60))", "--note", marker]
        case 2: return ["side-effect", "P001", "dizziness", "--severity", i % 8 == 2 ? "moderate" : "mild", "--note", marker]
        case 3: return ["skip", "P001", "--at", "2026-03-0\(2 + i % 7) 22:00", "--reason", marker]
        case 4: return ["decide", "P001", "continue", "--by", "Dr Crash", "--reason", marker]
        default:
            let instant = Date(timeIntervalSince1970: 1_773_921_600 + Double(i) * 3600)   // from 2026-03-19T12:00Z
            return ["remind", "--json", "--now", ISO8601DateFormatter().string(from: instant)]
        }
    }

    @Test func sigkillAtRandomPointsLosesNothingAcknowledged() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        var rng = SplitMix(seed: UInt64(ProcessInfo.processInfo.environment["PAINLADDER_CRASH_SEED"] ?? "") ?? 6)
        // How long one write takes here, so the kill points spread over a whole run.
        let start = Date()
        let probe = try Running(cli, Self.command(0) + ["--now", Reliability.now]).wait()
        #expect(probe.result.status == 0, "\(probe.result.stderr)")
        var span = max(Date().timeIntervalSince(start) * 1.3, 0.01)

        var acknowledged: [(marker: String, entry: Int)] = []
        if let n = acknowledgedEntry(probe.result.stdout) { acknowledged.append(("crash-0", n)) }
        var killedCount = 0
        var killedMarkers: [String] = []
        var decided: [String] = []
        var reminded = 0
        for i in 1...Self.kills {
            // Every tenth run is left alone and timed: runs slow down as the journal grows,
            // and the kill points must keep spreading over a whole run.
            let timed = i % 10 == 0
            let started = Date()
            let args = Self.command(i)
            let running = try Running(cli, args.contains("--now") ? args : args + ["--now", Reliability.now])
            if !timed {
                usleep(UInt32(Double(rng.next() % 1000) / 1000 * span * 1_000_000))
                running.kill()
            }
            let (result, killed) = running.wait()
            if timed { span = max(Date().timeIntervalSince(started) * 1.3, 0.01) }
            if killed {
                killedCount += 1
                killedMarkers.append("crash-\(i)")
            } else if result.status == 0, args[0] == "decide" {
                decided.append("crash-\(i)")
            } else if result.status == 0, args[0] == "remind" {
                reminded += result.stdout.split(separator: "\n").count
            } else if result.status == 0 {
                let entry = try #require(acknowledgedEntry(result.stdout), "a done write names its entry: \(result.stdout)")
                acknowledged.append(("crash-\(i)", entry))
            } else {
                // A refusal is allowed (e.g. no slot to skip), a crash of our own is not.
                #expect(result.status == 65, "\(Self.command(i)): exit \(result.status), \(result.stderr)")
            }

            // After every kill: the binary opens the file and the file is sound.
            let check = try cli.run(["patient", "show", "P001", "--now", Reliability.now])
            #expect(check.status == 0, "after kill \(i): \(check.stderr)")
            let problems = try Reliability.soundness(cli.database)
            #expect(problems.isEmpty, "after kill \(i): \(problems)")
            if !problems.isEmpty || check.status != 0 { break }
        }
        // Every acknowledged write is there, with its own marker.
        let rows = try Reliability.sqlite(cli.database, "SELECT id || ' ' || coalesce(json_extract(detail, '$.note'), json_extract(detail, '$.pain.impact'), json_extract(detail, '$.reason'), '') FROM journal_entry")
        let stored = Set(rows.split(separator: "\n").map(String.init))
        for (marker, entry) in acknowledged {
            #expect(stored.contains("\(entry) \(marker)"), "acknowledged entry #\(entry) (\(marker)) is missing")
        }
        let markers = Set(stored.map { String($0.split(separator: " ").last ?? "") })
        let committedThenKilled = killedMarkers.filter(markers.contains).count
        print("crash test: \(Self.kills) runs, \(killedCount) killed (\(committedThenKilled) of them after their commit), "
              + "\(acknowledged.count) acknowledged")
        let decisions = Set(try Reliability.sqlite(cli.database, "SELECT json_extract(decision, '$.reason') FROM plan_version WHERE decision IS NOT NULL").split(separator: "\n").map(String.init))
        for marker in decided {
            #expect(decisions.contains(marker), "acknowledged decision \(marker) is missing")
        }
        // Every reminder a finished run printed is recorded as sent.
        #expect(Int(try Reliability.sqlite(cli.database, "SELECT count(*) FROM reminder_sent WHERE confirmed = 1")) ?? 0 >= reminded)
        // The kills must really have hit the writers, or this test proves nothing.
        #expect(killedCount >= Self.kills / 4, "only \(killedCount) of \(Self.kills) runs were killed before they ended")
        #expect(acknowledged.count >= 2, "only \(acknowledged.count) writes finished")
    }
}

import Foundation
import Testing

/// Several processes at once on one database for a fixed time: two patients recording doses
/// and pain, a clinician adding patients, starting courses, updating records and deciding,
/// `remind` every second (its clock advancing ten minutes a run, as cron would), and a
/// reader. Afterwards every acknowledged write is present, no command failed (in particular
/// none with "database is locked" or exit 75), no reminder was handed out twice, and the
/// file is sound.
@Suite("Reliability: concurrency")
struct ConcurrencyTests {
    /// 4 s by default; `PAINLADDER_RELIABILITY=long` runs 60 s.
    static let seconds: TimeInterval = Reliability.long ? 60 : 4

    struct Outcome: Sendable {
        var worker: String
        var args: [String]
        var result: CLI.Result
        var marker: String?
    }

    static let addP002 = ["patient", "add", "P002", "--born", "1950-07-01", "--sex", "male", "--tz", "Europe/London",
                          "--diagnosis", "post-herpetic-neuralgia", "--crcl", "70"]

    /// The patient's k-th write: a dose or a pain score, marked.
    static func patientWrite(_ id: String, _ k: Int) -> (args: [String], marker: String) {
        let marker = "\(id)-\(k)"
        if k % 2 == 0 {
            let day = 3 + (k / 2) % 17, minute = k % 60
            return (["take", id, "--at", String(format: "2026-03-%02d 21:%02d", day, minute), "--note", marker], marker)
        }
        return (["pain", id, "\(k % 11)", "--impact", marker], marker)
    }

    /// The clinician's k-th action: a new patient, a course for them, an update, a decision.
    static func clinicianWrite(_ k: Int) -> (args: [String], marker: String) {
        let patient = "C\(k / 4)"
        switch k % 4 {
        case 0: return (["patient", "add", patient, "--born", "1965-01-01", "--sex", "female", "--tz", "Europe/London",
                         "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "80"], patient)
        case 1: return (["start", patient, "duloxetine", "--on", "2026-03-20", "--by", "Dr Concurrent"], patient)
        case 2: return (["patient", "update", "P001", "--weight", String(format: "%.1f", 60 + Double(k % 200) / 10),
                         "--reason", "update-\(k)"], "update-\(k)")
        default: return (["decide", "P002", "continue", "--by", "Dr Concurrent", "--reason", "decide-\(k)"], "decide-\(k)")
        }
    }

    /// The cron job's k-th run: ten minutes after the one before, from 06:00 UTC.
    static func cronRun(_ k: Int) -> [String] {
        let instant = Date(timeIntervalSince1970: 1_773_986_400 + Double(k) * 600)   // 2026-03-20T06:00:00Z
        return ["remind", "--json", "--now", ISO8601DateFormatter().string(from: instant)]
    }

    @Test func writersAndReadersAtOnceLoseNothingAndNeverLock() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        for args in [Self.addP002, ["start", "P002", "gabapentin", "--on", "2026-03-02"]] {
            let r = try cli.run(args + ["--now", Reliability.now])
            try #require(r.status == 0, "\(r.stderr)")
        }
        let ledger = Ledger<Outcome>()
        let deadline = Date().addingTimeInterval(Self.seconds)
        let workers = ["P001", "P002", "clinician", "cron", "reader"]
        // One thread per worker (concurrentPerform would run only as many as there are cores).
        let done = DispatchGroup()
        for w in workers.indices {
            done.enter()
            Thread {
                defer { done.leave() }
                var k = 0
                while Date() < deadline {
                    let (args, marker): ([String], String?)
                    switch workers[w] {
                    case "clinician": (args, marker) = Self.clinicianWrite(k)
                    case "cron":
                        args = Self.cronRun(k)
                        marker = nil
                        usleep(1_000_000)
                    case "reader":
                        args = k % 2 == 0 ? ["today", "P001"] : ["review", "P002"]
                        marker = nil
                    default: (args, marker) = Self.patientWrite(workers[w], k)
                    }
                    do {
                        let r = try cli.run(args.contains("--now") ? args : args + ["--now", Reliability.now])
                        ledger.append(Outcome(worker: workers[w], args: args, result: r, marker: marker))
                    } catch {
                        ledger.append(Outcome(worker: workers[w], args: args,
                                              result: CLI.Result(status: -1, stdout: "", stderr: "\(error)"), marker: marker))
                    }
                    k += 1
                }
            }.start()
        }
        done.wait()

        let outcomes = ledger.all
        for o in outcomes where o.result.status != 0 {
            Issue.record("\(o.worker) \(o.args.prefix(3).joined(separator: " ")): exit \(o.result.status), \(o.result.stderr)")
        }
        #expect(!outcomes.contains { $0.result.stderr.contains("locked") || $0.result.status == 75 })
        for worker in workers {
            #expect(outcomes.filter { $0.worker == worker }.count >= 2, "\(worker) barely ran")
        }

        // Every acknowledged journal write is there, under the entry number it printed.
        let rows = try Reliability.sqlite(cli.database, "SELECT id || ' ' || coalesce(json_extract(detail, '$.note'), json_extract(detail, '$.pain.impact'), '') FROM journal_entry")
        let stored = Set(rows.split(separator: "\n").map(String.init))
        for o in outcomes where o.result.status == 0 && ["P001", "P002"].contains(o.worker) {
            let entry = acknowledgedEntry(o.result.stdout)
            #expect(entry != nil && stored.contains("\(entry!) \(o.marker!)"), "missing: \(o.args)")
        }
        // Every acknowledged clinician action is there.
        let patients = Set(try Reliability.sqlite(cli.database, "SELECT id FROM patient").split(separator: "\n").map(String.init))
        let courses = Set(try Reliability.sqlite(cli.database, "SELECT patient_id FROM course WHERE drug = 'duloxetine'").split(separator: "\n").map(String.init))
        let reasons = Set(try Reliability.sqlite(cli.database, "SELECT json_extract(detail, '$.reason') FROM audit WHERE action = 'patient.update'").split(separator: "\n").map(String.init))
        let decisions = Set(try Reliability.sqlite(cli.database, "SELECT json_extract(decision, '$.reason') FROM plan_version WHERE decision IS NOT NULL").split(separator: "\n").map(String.init))
        for o in outcomes where o.result.status == 0 && o.worker == "clinician" {
            switch o.args[0] {
            case "patient" where o.args[1] == "add": #expect(patients.contains(o.marker!))
            case "start": #expect(courses.contains(o.marker!))
            case "decide": #expect(decisions.contains(o.marker!), "\(o.marker!)")
            default: #expect(reasons.contains(o.marker!))
            }
        }
        // Exactly once: no reminder key handed out by two runs (or twice by one).
        var keys: [String] = []
        for o in outcomes where o.worker == "cron" {
            for line in o.result.stdout.split(separator: "\n") {
                let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                keys.append(try #require(json?["key"] as? String, "\(line)"))
            }
        }
        #expect(Set(keys).count == keys.count, "reminders handed out twice: \(Dictionary(grouping: keys) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        #expect(!keys.isEmpty, "the cron runs reminded something (doses were due)")
        let sent = try Reliability.sqlite(cli.database, "SELECT count(*) FROM reminder_sent")
        #expect(Int(sent) == keys.count, "every reminder handed out is recorded once")
        let problems = try Reliability.soundness(cli.database)
        #expect(problems.isEmpty, "\(problems)")
        let counts = Dictionary(grouping: outcomes, by: \.worker).mapValues(\.count)
        print("concurrency test: \(Self.seconds) s, commands run: \(counts.sorted { $0.key < $1.key })")
    }
}

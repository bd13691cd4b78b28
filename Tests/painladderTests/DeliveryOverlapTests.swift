import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, Why 7: a `remind --exec` killed while its delivery runs, and another run at
/// once, must never have two deliveries of one key in flight; a timeout ends the whole
/// process group of the command.
@Suite("Reliability: deliveries never overlap")
struct DeliveryOverlapTests {
    /// One delivery's span, from the lines its command wrote.
    struct Span {
        var key: String
        var start: Double
        var end: Double?
        var endedBy: String?
    }

    /// Reads "start KEY T", "end KEY T" and "term KEY T" lines into spans, in order.
    static func spans(_ log: String) -> [Span] {
        var spans: [Span] = []
        for line in log.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 3, let t = Double(parts[2]) else { continue }
            if parts[0] == "start" {
                spans.append(Span(key: parts[1], start: t))
            } else if let i = spans.lastIndex(where: { $0.key == parts[1] && $0.end == nil }) {
                spans[i].end = t
                spans[i].endedBy = parts[0]
            }
        }
        return spans
    }

    /// A delivery that takes a while and logs its span; on SIGTERM (its run died) it logs
    /// "term" once its current step is done, and fails.
    static func command(log: String) -> String {
        let stamp = "$PAINLADDER_REMINDER_KEY $(date +%s.%N)"
        return "trap 'echo \"term \(stamp)\" >> \(log); exit 1' TERM; echo \"start \(stamp)\" >> \(log); "
            + "cat > /dev/null; sleep 1.5; echo \"end \(stamp)\" >> \(log)"
    }

    @Test("kill a run during its delivery, start another at once: no key delivered twice at the same time")
    func killDuringDelivery() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for i in 1...2 { try cli.patientOnCourse("P00\(i)") }
        let log = cli.directory.appendingPathComponent("spans.log")
        let rounds = Reliability.long ? 10 : 3
        var kills = 0, secondRuns: [Int32] = []
        for round in 0..<rounds {
            let now = "2026-03-\(String(format: "%02d", 3 + round))T21:45:00Z"
            let first = try cli.start(["remind", "--exec", Self.command(log: log.path), "--now", now], name: "first\(round)")
            // Kill it once its first delivery has started.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, !(((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n")
                .filter { $0.hasPrefix("start") }.count > Self.spans((try? String(contentsOf: log, encoding: .utf8)) ?? "")
                .filter { $0.end != nil }.count) {
                usleep(5_000)
            }
            kill(first.process.processIdentifier, SIGKILL)
            _ = first.wait()
            kills += 1
            let second = try cli.run(["remind", "--exec", Self.command(log: log.path), "--now", now])
            secondRuns.append(second.status)
            #expect(second.status == 0 || second.status == 75, "\(second.stderr)")
        }
        // Let any delivery still running finish before reading the log.
        #expect(try cli.run(["remind", "--exec", Self.command(log: log.path), "--now", "2026-03-\(String(format: "%02d", 3 + rounds))T21:50:00Z"]).status != 70)
        let spans = Self.spans(try String(contentsOf: log, encoding: .utf8))
        #expect(spans.allSatisfy { $0.end != nil }, "every delivery ended: \(spans)")
        for key in Set(spans.map(\.key)) {
            let same = spans.filter { $0.key == key }.sorted { $0.start < $1.start }
            for (a, b) in zip(same, same.dropFirst()) {
                #expect((a.end ?? .infinity) <= b.start, "\(key) delivered twice at once: \(a) and \(b)")
            }
        }
        // The killed run's delivery was stopped with it (SIGTERM from the kernel), not left to finish.
        #expect(spans.contains { $0.endedBy == "term" }, "\(spans)")
        // Every key was in the end delivered in full (an "end" line) at least once.
        for key in Set(spans.map(\.key)) {
            #expect(spans.contains { $0.key == key && $0.endedBy == "end" }, "\(key) never delivered in full")
        }
        print("delivery overlap: \(kills) runs killed during a delivery, \(spans.count) deliveries, "
              + "\(Set(spans.map(\.key)).count) keys, second runs exited \(secondRuns), no overlap")
    }

    @Test("--exec-timeout ends the command's whole process group, not only /bin/sh")
    func timeoutEndsGroup() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        let pidFile = cli.directory.appendingPathComponent("child.pid").path
        let r = try cli.run(["remind", "--exec", "cat > /dev/null; sleep 60 & echo $! > '\(pidFile)'; wait",
                             "--exec-timeout", "1", "--now", "2026-03-05T21:45:00Z"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("took longer than 1 s"))
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, kill(pid, 0) == 0 { usleep(20_000) }
        #expect(kill(pid, 0) != 0, "the command's child (sleep, pid \(pid)) is still running")
    }
}

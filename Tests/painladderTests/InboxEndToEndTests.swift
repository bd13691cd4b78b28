import Foundation
import PainLadderStore
import Testing

/// Issue 19, item 1: the clinician's inbox through the built binary. Amitriptyline from
/// Monday 2026-03-02 (10 mg at 22:00, London on GMT); fainting is one of its red flags.
@Suite("End to end: the inbox, acknowledgement and re-notification")
struct InboxEndToEndTests {
    static let fainted = ["side-effect", "P001", "fainted", "--severity", "mild", "--now", "2026-03-03T10:00:00Z"]

    /// The clinician lines of a run (`remind --json`) whose key starts with `prefix`.
    func clinicianKeys(_ cli: CLI, at now: String, prefix: String = "clinician:") throws -> [String] {
        let r = try cli.run(["remind", "--json", "--now", now])
        #expect(r.status == 0, "\(r.stderr)")
        return CLI.keys(r.stdout).filter { $0.hasPrefix(prefix) }
    }

    func items(_ cli: CLI, _ args: [String] = []) throws -> [[String: Any]] {
        let r = try cli.run(["inbox", "--json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return object?["items"] as? [[String: Any]] ?? []
    }

    @Test("a red flag is handed out again every 2 hours until acknowledged, then never again; a decision resolves it")
    func redFlagRenotifiedUntilAcknowledged() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        #expect(try cli.run(Self.fainted).status == 0)
        // The first run after it: one clinician notice, and an open item.
        let first = try clinicianKeys(cli, at: "2026-03-03T10:05:00Z")
        #expect(first.count == 1 && first[0].hasPrefix("clinician:c1:e"), "\(first)")
        let key = try #require(first.first)
        var open = try items(cli)
        #expect(open.count == 1)
        #expect(open.first?["category"] as? String == "red-flag")
        #expect(open.first?["state"] as? String == "open")
        #expect(open.first?["key"] as? String == key)
        #expect(open.first?["renotifyAt"] as? String == "2026-03-03T12:05:00Z")
        let itemID = try #require(open.first?["itemID"] as? Int)
        // Not again before the interval; then once per interval, each repeat its own key.
        #expect(try clinicianKeys(cli, at: "2026-03-03T11:00:00Z").isEmpty)
        #expect(try clinicianKeys(cli, at: "2026-03-03T12:05:00Z") == ["\(key):r1"])
        #expect(try clinicianKeys(cli, at: "2026-03-03T12:30:00Z").isEmpty)
        let text = try cli.run(["remind", "--now", "2026-03-03T14:10:00Z"])
        #expect(text.stdout.contains("Not yet acknowledged (inbox item \(itemID), repeat 2): P001 reported a red-flag symptom"),
                "\(text.stdout)")
        #expect(text.stdout.contains("[\(key):r2]"))
        // The review screen shows the open item.
        let review = try cli.run(["review", "P001", "--now", "2026-03-03T14:20:00Z"])
        #expect(review.stdout.contains("Inbox: 1 open"), "\(review.stdout)")
        #expect(review.stdout.contains("#\(itemID)  OPEN  red-flag  P001"), "\(review.stdout)")
        // Acknowledged: never handed out again.
        let ack = try cli.run(["ack", "\(itemID)", "--by", "Dr Rao", "--note", "phoned: recovered, reviewing tomorrow",
                               "--now", "2026-03-03T14:30:00Z"])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout.hasPrefix("acknowledged #\(itemID)  ACKNOWLEDGED  red-flag"), "\(ack.stdout)")
        // (Doses recorded, so no run of missed doses opens another item.)
        #expect(try cli.run(["take", "P001", "--at", "2026-03-03 22:05", "--now", "2026-03-03T22:06:00Z"]).status == 0)
        #expect(try cli.run(["take", "P001", "--at", "2026-03-04 22:05", "--now", "2026-03-04T22:06:00Z"]).status == 0)
        for now in ["2026-03-03T16:10:00Z", "2026-03-03T18:15:00Z", "2026-03-04T09:00:00Z", "2026-03-05T09:00:00Z"] {
            #expect(try cli.run(["remind", "--json", "--now", now]).stdout.isEmpty, "\(now)")
        }
        #expect(try items(cli).isEmpty)
        #expect(try cli.run(["inbox", "--now", "2026-03-05T09:00:00Z"]).stdout == "Nothing open in the inbox.\n")
        open = try items(cli, ["--all"])
        let seen = try #require(open.first)
        #expect(seen["state"] as? String == "acknowledged")
        #expect(seen["renotified"] as? Int == 2)
        #expect(seen["renotifyAt"] == nil)
        let acknowledgement = seen["acknowledgement"] as? [String: Any]
        #expect(acknowledgement?["by"] as? String == "Dr Rao")
        #expect(acknowledgement?["note"] as? String == "phoned: recovered, reviewing tomorrow")
        #expect(acknowledgement?["at"] as? String == "2026-03-03T14:30:00Z")
        // Once only: a second acknowledgement is refused, one line, nothing changed.
        let before = try cli.dump()
        let again = try cli.run(["ack", "\(itemID)", "--by", "Dr Rao", "--now", "2026-03-03T15:00:00Z"])
        #expect(again.status == 65 && again.stderr.contains("was acknowledged by Dr Rao"), "\(again)")
        #expect(try cli.dump() == before)
        #expect(try cli.run(["ack", "999", "--by", "Dr Rao"]).status == 65)
        // The audit trail has the opening and the acknowledgement, and verify checks the inbox's guards.
        let audit = try Reliability.sqlite(cli.database, "SELECT action FROM audit WHERE action LIKE 'inbox.%' ORDER BY id")
        #expect(audit.trimmingCharacters(in: .whitespacesAndNewlines) == "inbox.open\ninbox.acknowledge", "\(audit)")
        #expect(try cli.run(["verify"]).status == 0)
        // The next decision on the course resolves it.
        #expect(try cli.run(["decide", "P001", "continue", "--by", "Dr Rao", "--reason", "recovered",
                             "--now", "2026-03-04T10:00:00Z"]).status == 0)
        let resolved = try #require(try items(cli, ["--all"]).first)
        #expect(resolved["state"] as? String == "resolved")
        #expect((resolved["resolution"] as? [String: Any])?["at"] as? String == "2026-03-04T10:00:00Z")
    }

    @Test("missed doses open an item that is not re-notified; red flags list first")
    func urgencyOrder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        // 03-04 and 03-05 22:00 never recorded: two in a row (the clinician is told).
        #expect(try clinicianKeys(cli, at: "2026-03-05T12:00:00Z", prefix: "").allSatisfy { !$0.hasPrefix("missed") })
        #expect(try clinicianKeys(cli, at: "2026-03-06T09:00:00Z", prefix: "missed-doses:").count == 1)
        #expect(try cli.run(Self.fainted.dropLast(2) + ["--now", "2026-03-06T10:00:00Z"]).status == 0)
        _ = try clinicianKeys(cli, at: "2026-03-06T10:05:00Z")
        let open = try items(cli, ["--patient", "P001"])
        #expect(open.compactMap { $0["category"] as? String } == ["red-flag", "missed-doses"])
        #expect(open.last?["renotifyAt"] == nil)
        #expect(try cli.run(["inbox", "--patient", "P999"]).status == 66)
    }

    @Test("an acknowledgement by an account that is not a clinician is refused where roles are set (77)")
    func acknowledgementNeedsAClinician() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.patientOnCourse("P001")
        #expect(try cli.run(Self.fainted).status == 0)
        _ = try clinicianKeys(cli, at: "2026-03-03T10:05:00Z")
        let itemID = try #require(try items(cli).first?["itemID"] as? Int)
        // Another account is the clinician; this one is linked to the patient only.
        #expect(try cli.run(["clinic", "allow", "nurse.ali", "--role", "clinician"]).status == 0)
        let before = try cli.dump()
        let refused = try cli.run(["ack", "\(itemID)", "--by", "Dr Rao"], environment: ["PAINLADDER_USER": "Dr Rao"])
        #expect(refused.status == 77, "\(refused)")
        #expect(refused.stderr.hasPrefix("painladder: not permitted: account '\(SystemAccount.current)'"), "\(refused.stderr)")
        #expect(try cli.dump() == before, "a refusal changes nothing")
        // Reading the inbox is not restricted; the item is still open and still re-notified.
        #expect(try items(cli).count == 1)
        #expect(try clinicianKeys(cli, at: "2026-03-03T12:06:00Z").count == 1)
    }
}

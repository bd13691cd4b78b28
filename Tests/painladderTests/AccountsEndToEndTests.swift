import Foundation
import PainLadderStore
import Testing

/// Issue 14, "Why" 5: who acts. The account is the process's (getuid), so these tests name
/// the account they run as, or another one, in the clinic's settings.
@Suite struct AccountsEndToEndTests {
    static let me = SystemAccount.current
    static let decide = ["decide", "P001", "continue", "--reason", "settled", "--by", "Dr Rao"]
    static let addP002 = ["patient", "add", "P002", "--born", "1970-01-01", "--sex", "male", "--tz", "Europe/London",
                          "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "90"]   // pregabalin needs it (issue 12)
    static let startP002 = ["start", "P002", "pregabalin", "--on", "2026-03-02", "--by", "Dr Rao"]

    /// The template clinic plus P002 on pregabalin, before any account is named.
    static func twoPatients() throws -> CLI {
        let cli = try Reliability.clinic()
        for args in [addP002, startP002] {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        return cli
    }

    func run(_ cli: CLI, _ args: [String], user: String = "mallory") throws -> CLI.Result {
        try cli.run(args + ["--now", Reliability.now], environment: ["PAINLADDER_USER": user])
    }

    @Test func withNoAccountNamedEverythingWorksAsBefore() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        let accounts = try run(cli, ["clinic", "accounts"])
        #expect(accounts.status == 0 && accounts.stdout.hasPrefix("No accounts named"), "\(accounts)")
        for args in [Self.decide, ["take", "P002", "--at", "2026-03-19 22:05"], ["patient", "update", "P001", "--weight", "71"]] {
            let r = try run(cli, args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
    }

    @Test func aPatientAccountIsRefusedADecisionAndAnotherPatientsDose() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        let link = try run(cli, ["clinic", "link", Self.me, "P001"])
        #expect(link.status == 0, "\(link.stderr)")
        let before = try cli.dump()
        let refusals: [[String]] = [
            Self.decide,
            ["take", "P002", "--at", "2026-03-19 22:05"],
            ["pain", "P002", "3"],
            ["start", "P002", "duloxetine", "--by", "Dr Rao"],
            Self.addP002.map { $0 == "P002" ? "P003" : $0 },
            ["patient", "update", "P001", "--weight", "71"],
        ]
        for args in refusals {
            // $PAINLADDER_USER names a clinician: only a display name, it changes nothing.
            let r = try run(cli, args, user: "Dr Rao")
            #expect(r.status == 77, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("painladder: not permitted: account '\(Self.me)'"), "\(args): \(r.stderr)")
            #expect(r.stderr.filter { $0 == "\n" }.count == 1 && r.stdout.isEmpty, "\(args): one line")
        }
        #expect(try cli.dump() == before, "refusals change nothing")
        let own = try run(cli, ["take", "P001", "--at", "2026-03-20 09:00"])
        #expect(own.status == 0, "its own patient's dose: \(own.stderr)")
        // No clinician is named yet, so anyone may name the first one.
        #expect(try run(cli, ["clinic", "allow", Self.me, "--role", "clinician"]).status == 0)
        #expect(try run(cli, Self.decide).status == 0)
    }

    @Test func aClinicianAccountMayActForEveryPatient() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        #expect(try run(cli, ["clinic", "allow", Self.me, "--role", "clinician"]).status == 0)
        #expect(try run(cli, ["clinic", "link", "ann", "P001"]).status == 0)
        for args in [Self.decide, ["take", "P002", "--at", "2026-03-19 22:05"], ["patient", "update", "P002", "--weight", "80"]] {
            let r = try run(cli, args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let list = try run(cli, ["clinic", "accounts"])
        #expect(list.stdout.contains("clinician") && list.stdout.contains("ann") && list.stdout.contains("P001"), "\(list.stdout)")
    }

    @Test func anAccountNotNamedIsRefusedOnceAnotherClinicianIs() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        #expect(try run(cli, ["clinic", "allow", "nurse.ali", "--role", "clinician"]).status == 0)
        for args in [Self.decide, ["take", "P001", "--at", "2026-03-19 22:05"], ["clinic", "allow", Self.me, "--role", "clinician"],
                     ["clinic", "revoke", "nurse.ali"]] {
            let r = try run(cli, args)
            #expect(r.status == 77, "\(args): \(r.stderr)")
        }
    }

    @Test func everyWriteRecordsTheProcessAccountAndAccountChangesAreAudited() throws {
        let cli = try Self.twoPatients()
        defer { cli.cleanUp() }
        #expect(try run(cli, ["take", "P001", "--at", "2026-03-19 22:05"], user: "someone-else").status == 0)
        let newest = try Reliability.sqlite(cli.database, """
            SELECT a.actor || '|' || s.account FROM audit a JOIN audit_seal s ON s.audit_id = a.id ORDER BY a.id DESC LIMIT 1
            """)
        #expect(newest == "someone-else|\(Self.me)")
        #expect(try run(cli, ["clinic", "link", Self.me, "P002"]).status == 0)
        #expect(try run(cli, ["clinic", "revoke", Self.me]).status == 0)
        let trail = try Reliability.sqlite(cli.database, """
            SELECT action || ' ' || coalesce(patient_id, '-') FROM audit WHERE action LIKE 'account.%' ORDER BY id
            """)
        #expect(trail == "account.link P002\naccount.revoke -")
        #expect(try run(cli, ["clinic", "link", "bad name", "P001"]).status == 65)
        #expect(try run(cli, ["clinic", "link", "ann", "P404"]).status == 66)
    }
}

import Foundation
import PainLadderTestSupport
import SeededRandom
import Testing

/// Bad database files: every command refuses them with one line and exit 66, and leaves
/// the file's bytes exactly as they were.
@Suite("Reliability: bad database files")
struct DatabaseFileTests {
    enum BadFile: String, CaseIterable, Sendable {
        case randomBytes, damagedPages, otherApplication, futureSchema, readOnly, directory
    }

    static let commands: [[String]] = [
        ["take", "P001"], ["pain", "P001", "5"], ["patient", "show", "P001"], ["history", "P001"],
        ["today", "P001"], ["start", "P001", "gabapentin"],
        Reliability.addP001.replacingFirst("P001", with: "P009"),
    ]

    /// The commands above that only read (by their first words).
    static let readingCommands: [[String]] = [["patient", "show"], ["history"], ["today"]]

    /// What the one stderr line must say for each kind of file.
    static func expected(_ kind: BadFile) -> String {
        switch kind {
        case .randomBytes: "not a SQLite file"
        case .damagedPages: "is not a PainLadder database"
        case .otherApplication: "another application"
        case .futureSchema: "newer PainLadder"
        case .readOnly: "read-only"
        case .directory: "not a regular file"
        }
    }

    @Test(arguments: BadFile.allCases, commands)
    func badFileIsRefusedUntouched(_ kind: BadFile, _ command: [String]) throws {
        let cli = try Reliability.clinic()
        defer { Self.restore(cli); cli.cleanUp() }
        if let reason = try Self.make(kind, at: cli) {
            // Only reached when the read-only trick is unavailable; say why instead of passing silently.
            withKnownIssue(Comment(rawValue: reason)) { Issue.record(Comment(rawValue: reason)) }
            return
        }
        let before = Reliability.bytes(cli.database)
        let r = try cli.run(command + ["--now", Reliability.now])
        if kind == .readOnly && Self.readingCommands.contains(where: { command.starts(with: $0) }) {
            // A command that only reads opens the file read-only: a read-only file serves it.
            #expect(r.status == 0, "\(command): exit \(r.status), \(r.stderr)")
            #expect(r.stderr.isEmpty)
            #expect(Reliability.bytes(cli.database) == before, "the file must not be touched")
            return
        }
        #expect(r.status == 66, "\(kind): exit \(r.status), \(r.stderr)")
        #expect(r.errorLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(Self.expected(kind)), "\(kind): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(Reliability.bytes(cli.database) == before, "the file must not be touched")
    }

    /// A zero-length file is a database not written yet (Store's rule): it is not refused;
    /// a reading command finds no patient (66) and writes no row.
    @Test func emptyFileIsANewDatabaseWithNoPatient() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        FileManager.default.createFile(atPath: cli.database.path, contents: Data(),
                                       attributes: [.posixPermissions: 0o600])
        let r = try cli.run(["take", "P001", "--now", Reliability.now])
        #expect(r.status == 66)
        #expect(r.errorLines.count == 1)
        #expect(r.stderr.contains("no patient 'P001'"))
        #expect(try Reliability.sqlite(cli.database, "SELECT (SELECT count(*) FROM patient) + (SELECT count(*) FROM journal_entry) + (SELECT count(*) FROM audit)") == "0")
    }

    /// Builds the bad file in `cli.database`; returns a reason when it cannot be built here.
    static func make(_ kind: BadFile, at cli: CLI) throws -> String? {
        let path = cli.database
        var random = SplitMix(seed: UInt64(kind.rawValue.utf8.count))
        switch kind {
        case .randomBytes:
            try FileManager.default.removeItem(at: path)
            FileManager.default.createFile(atPath: path.path, contents: random.data(8192), attributes: [.posixPermissions: 0o600])
        case .damagedPages:
            // The SQLite header survives; the schema page and everything after are noise.
            var data = try Data(contentsOf: path)
            data.replaceSubrange(100..<data.count, with: random.data(data.count - 100))
            try data.write(to: path)
        case .otherApplication:
            try FileManager.default.removeItem(at: path)
            try Reliability.sqlite(path, "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice VALUES (1, 9.5);",
                                   write: true)
            chmod(path.path, 0o600)
        case .futureSchema:
            try Reliability.sqlite(path, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')", write: true)
        case .readOnly:
            if getuid() == 0 {
                // root ignores mode bits (0400 does not stop its writes); the immutable
                // attribute does stop them, and access(W_OK) reports it.
                let chattr = Process()
                chattr.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                chattr.arguments = ["chattr", "+i", path.path]
                chattr.standardError = Pipe()
                try chattr.run()
                chattr.waitUntilExit()
                if chattr.terminationStatus != 0 {
                    return "running as root and 'chattr +i' is not available on this file system: a read-only file cannot be simulated"
                }
            } else {
                chmod(path.path, 0o400)
            }
        case .directory:
            try FileManager.default.removeItem(at: path)
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: false)
        }
        return nil
    }

    /// Undoes `chattr +i` so the folder can be removed.
    static func restore(_ cli: CLI) {
        guard getuid() == 0 else { return }
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        chattr.arguments = ["chattr", "-i", cli.database.path]
        chattr.standardError = Pipe()
        chattr.standardOutput = Pipe()
        try? chattr.run()
        chattr.waitUntilExit()
    }
}

extension Array where Element == String {
    func replacingFirst(_ old: String, with new: String) -> [String] {
        var copy = self
        if let i = copy.firstIndex(of: old) { copy[i] = new }
        return copy
    }
}

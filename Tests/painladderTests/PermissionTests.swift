import Foundation
import Testing

/// The database holds health data: it and its -wal/-shm are 0600 whatever the umask, and a
/// file that other users can write is refused.
@Suite("Reliability: permissions")
struct PermissionTests {
    /// Runs the binary with umask 000, so nothing below depends on a careful umask.
    func runWithOpenUmask(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let quoted = (args + ["--db", cli.database.path, "--now", Reliability.now])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 000; exec '\(CLI.binary.path)' \(quoted)"]
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_USER"] = "tester"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                          stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func newDatabaseAndFolderArePrivateWhateverTheUmask() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let nested = CLI(directory: cli.directory.appendingPathComponent("a/b"))
        for args in Reliability.setupCommands {
            let r = try runWithOpenUmask(nested, args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(Reliability.mode(nested.database.path) == 0o600)
        #expect(Reliability.mode(cli.directory.appendingPathComponent("a").path) == 0o700)
        #expect(Reliability.mode(nested.directory.path) == 0o700)
    }

    /// -wal and -shm made while the file was 0644 (by another tool, or before a chmod) are
    /// refused like a 0644 database: the message gives the chmod to run, and nothing changes.
    @Test func looseCompanionsAreRefusedWithTheChmodToRun() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let db = cli.database.path
        chmod(db, 0o644)
        let holder = try ReadHolder(database: cli.database)   // keeps -wal/-shm in existence
        defer { holder.stop() }
        #expect(Reliability.mode(db + "-shm") == 0o644, "precondition: the holder made 0644 companions")
        chmod(db, 0o600)
        let before = try cli.dump()
        let r = try runWithOpenUmask(cli, ["pain", "P001", "4"])
        #expect(r.status == 66, "\(r.stderr)")
        #expect(r.errorLines.count == 1)
        #expect(r.stderr.contains("other users can read it (mode 644)"), "\(r.stderr)")
        #expect(r.stderr.contains("chmod 600 \(db)-"), "names the companion to fix: \(r.stderr)")
        #expect(try cli.dump() == before)
    }

    /// Reading bits count as much as writing ones (a `chmod 644` database was accepted once).
    @Test(arguments: [0o666, 0o620, 0o602, 0o644, 0o640, 0o604])
    func fileOthersCanReadOrWriteIsRefused(mode: Int) throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        chmod(cli.database.path, mode_t(mode))
        let before = Reliability.bytes(cli.database)
        for args in [["take", "P001"], ["patient", "show", "P001"]] {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 66)
            #expect(r.errorLines.count == 1)
            let can = mode & 0o022 != 0 ? "write to it" : "read it"
            #expect(r.stderr.contains("other users can \(can) (mode \(String(mode, radix: 8)))"), "\(r.stderr)")
            #expect(r.stderr.contains("chmod 600"), "says how to fix it: \(r.stderr)")
        }
        #expect(Reliability.bytes(cli.database) == before)
        #expect(Reliability.mode(cli.database.path) == mode, "the tool reports; it does not change the mode itself")
    }
}

/// A `sqlite3` process holding a read transaction open on the database, so its -wal and
/// -shm files stay on disk between commands.
final class ReadHolder: @unchecked Sendable {
    let process = Process()
    let input = Pipe()

    init(database: URL) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database.path]
        process.standardInput = input
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN;\nSELECT count(*) FROM patient;\n".utf8))
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: database.path + "-shm") {
            usleep(10_000)
        }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

extension CLI {
    /// A harness whose database lives in `directory` (which need not exist yet).
    init(directory: URL) {
        self.directory = directory
    }
}

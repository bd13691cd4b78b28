import Foundation
import Testing

/// The database and its companions are private, always: a link is refused rather than
/// followed, a file others can read is refused with the chmod to run, root's writes are held
/// to the owner-write bit, and another account's file is refused. Each case: one line, exit
/// 66, and the files exactly as they were.
@Suite("Reliability: private files")
struct PrivateFileTests {
    static let writing = ["pain", "P001", "4"]
    static let reading = ["history", "P001"]

    /// Runs `args` and expects the refusal: exit 66, one line `saying` it, nothing on stdout.
    static func expectRefused(_ cli: CLI, _ args: [String], saying reason: String) throws {
        let r = try cli.run(args + ["--now", Reliability.now])
        #expect(r.status == 66, "\(args): exit \(r.status), \(r.stderr)")
        #expect(r.errorLines.count == 1)
        #expect(r.stderr.contains(reason), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// A database path that is a link to a file that does not exist yet: nothing is created
    /// at the target, for a writing command or for `patient add` (which creates databases).
    @Test func symlinkToAMissingFileIsRefusedAndNothingIsCreated() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let target = cli.directory.appendingPathComponent("elsewhere.sqlite")
        try FileManager.default.createSymbolicLink(atPath: cli.database.path, withDestinationPath: target.path)
        for args in [Reliability.addP001, Self.writing, Self.reading] {
            try Self.expectRefused(cli, args, saying: "is a symbolic link (to '\(target.path)')")
        }
        for suffix in ["", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: target.path + suffix), "\(suffix) was created at the target")
        }
    }

    /// A link to a real database is refused too (the path itself must be the file).
    @Test func symlinkToADatabaseIsRefusedUntouched() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let real = cli.directory.appendingPathComponent("real.sqlite")
        try FileManager.default.moveItem(at: cli.database, to: real)
        try FileManager.default.createSymbolicLink(atPath: cli.database.path, withDestinationPath: real.path)
        let before = Reliability.bytes(real)
        for args in [Self.writing, Self.reading] {
            try Self.expectRefused(cli, args, saying: "symbolic link")
        }
        #expect(Reliability.bytes(real) == before)
    }

    /// `chmod 400` as root: access() says yes to root, the owner-write bit says no. A command
    /// that only reads still works (it opens the file read-only).
    @Test func ownerReadOnlyFileIsNotWrittenEvenByRoot() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        chmod(cli.database.path, 0o400)
        let before = Reliability.bytes(cli.database)
        try Self.expectRefused(cli, Self.writing, saying: "is read-only (mode 400)")
        let read = try cli.run(Self.reading + ["--now", Reliability.now])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("#2 pain 6/10"), "\(read.stdout)")
        #expect(Reliability.bytes(cli.database) == before)
    }

    /// A database owned by another account (uid 65534, "nobody") is refused: only root can
    /// make one here, so the case needs root.
    @Test(.enabled(if: getuid() == 0, "only root can give a file to another account"))
    func fileOfAnotherAccountIsRefused() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        #expect(chown(cli.database.path, 65534, 65534) == 0)
        let before = Reliability.bytes(cli.database)
        for args in [Self.writing, Self.reading] {
            try Self.expectRefused(cli, args, saying: "belongs to another account (uid 65534)")
        }
        #expect(Reliability.bytes(cli.database) == before)
    }

    /// The exception: a file owned by an account the clinic's own settings name as a clinician
    /// (a service account owning the clinic's file) is used; the settings are read from the file.
    @Test(.enabled(if: getuid() == 0, "only root can give a file to another account"))
    func fileOfTheClinicsNamedAccountIsUsed() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let named = try cli.run(["clinic", "allow", "nobody", "--role", "clinician", "--now", Reliability.now])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(chown(cli.database.path, 65534, 65534) == 0)
        let read = try cli.run(Self.reading + ["--now", Reliability.now])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("#2 pain 6/10"), "\(read.stdout)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        // Not named: refused as any other account's file.
        #expect(chown(cli.database.path, 65533, 65533) == 0)
        try Self.expectRefused(cli, Self.reading, saying: "belongs to another account (uid 65533)")
    }

    /// A `-wal` that is a link is refused: SQLite would follow it.
    @Test func symlinkedCompanionIsRefused() throws {
        let cli = try Reliability.clinic()
        defer { cli.cleanUp() }
        let target = cli.directory.appendingPathComponent("stolen-wal")
        try? FileManager.default.removeItem(atPath: cli.database.path + "-wal")
        try FileManager.default.createSymbolicLink(atPath: cli.database.path + "-wal", withDestinationPath: target.path)
        let before = Reliability.bytes(cli.database)
        try Self.expectRefused(cli, Self.writing, saying: "-wal': is a symbolic link")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(Reliability.bytes(cli.database) == before)
    }
}

import Foundation
import Testing

/// A full disk and a read-only mount, made for real: every command that only reads still
/// works; every write is refused with one line that names the cause, exit 73, and the
/// database's logical dump unchanged.
@Suite("Reliability: full disk and read-only mount", .serialized)
struct StorageFailureTests {
    static let reading: [[String]] = [
        ["history", "P001"], ["review", "P001"], ["schedule", "P001"], ["today", "P001"],
        ["patient", "show", "P001"], ["patient", "list"], ["export", "P001", "--format", "csv"],
        ["reviews"], ["formulary", "list"],
    ]
    static let writing: [[String]] = [
        ["pain", "P001", "4"], ["take", "P001", "--at", "2026-03-20 10:00"],
        Reliability.addP001.replacingFirst("P001", with: "P009"),
    ]

    /// The template clinic copied into a fresh small file system.
    static func clinic(on fs: SmallFileSystem) throws -> CLI {
        let cli = CLI(directory: fs.directory)
        let template = try Reliability.clinic()
        defer { template.cleanUp() }
        try FileManager.default.copyItem(at: template.database, to: cli.database)
        return cli
    }

    /// Every reading command prints its screen; every writing command exits 73 with one line
    /// `saying` the cause (not the file's mode) and nothing on stdout.
    static func readsWorkWritesAreRefused(_ cli: CLI, saying cause: String) throws {
        for args in reading {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 0, "\(args): exit \(r.status), \(r.stderr)")
            #expect(!r.stdout.isEmpty && r.stderr.isEmpty, "\(args): \(r.stderr)")
        }
        for args in writing {
            let r = try cli.run(args + ["--now", Reliability.now])
            #expect(r.status == 73, "\(args): exit \(r.status), \(r.stderr)")
            #expect(r.errorLines.count == 1)
            #expect(r.stderr.contains(cause), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("mode"), "blames the disk, not the file's mode: \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    /// Runs `body` with the template clinic on a fresh small file system and its dump before.
    static func onSmallFileSystem(_ body: (SmallFileSystem, CLI, String) throws -> Void) throws {
        let fs: SmallFileSystem
        switch try SmallFileSystem.mount() {
        case let .success(mounted): fs = mounted
        case let .failure(failure): return SmallFileSystem.unavailable(failure)
        }
        defer { fs.unmount() }
        let cli = try clinic(on: fs)
        try body(fs, cli, try cli.dump())
    }

    @Test func fullDiskStillReadsAndRefusesWritesSayingSo() throws {
        try Self.onSmallFileSystem { fs, cli, before in
            fs.fill()
            #expect(fs.available == 0, "precondition: the file system is full")
            try Self.readsWorkWritesAreRefused(cli, saying: "disk is full; nothing was recorded")
            fs.empty()
            #expect(try cli.dump() == before, "nothing was recorded")
            let after = try cli.run(Self.writing[0] + ["--now", Reliability.now])
            #expect(after.status == 0, "space freed, the same command records: \(after.stderr)")
        }
    }

    @Test func readOnlyMountStillReadsAndRefusesWritesSayingSo() throws {
        try Self.onSmallFileSystem { fs, cli, before in
            try fs.remount(readOnly: true)
            try Self.readsWorkWritesAreRefused(cli, saying: "read-only file system")
            try fs.remount(readOnly: false)
            #expect(try cli.dump() == before, "nothing was recorded")
        }
    }
}

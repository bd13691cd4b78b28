import Foundation
import Testing

/// A 1 MB tmpfs mounted for one test (root only), to fill up or remount read-only: the
/// real SQLITE_FULL and read-only conditions, not a simulation.
final class SmallFileSystem: @unchecked Sendable {
    let directory: URL

    /// Mounts it, or returns why it cannot be mounted here.
    static func mount() throws -> Result<SmallFileSystem, MountFailure> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("painladder-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let r = shell("mount", "-t", "tmpfs", "-o", "size=1M,mode=0700", "tmpfs", directory.path)
        guard r.status == 0 else {
            try? FileManager.default.removeItem(at: directory)
            return .failure(MountFailure(reason: "cannot mount a tmpfs here (uid \(getuid())): \(r.output)"))
        }
        return .success(SmallFileSystem(directory: directory))
    }

    private init(directory: URL) { self.directory = directory }

    /// Fills every free block, as a disk that ran out of space.
    func fill() {
        _ = Self.shell("dd", "if=/dev/zero", "of=\(directory.path)/filler", "bs=4096")
        _ = Self.shell("sync")
    }

    /// Frees the space `fill()` took.
    func empty() {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("filler"))
    }

    /// Free bytes left for an ordinary write.
    var available: UInt64 {
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else { return 0 }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    func remount(readOnly: Bool) throws {
        let r = Self.shell("mount", "-o", readOnly ? "remount,ro" : "remount,rw", directory.path)
        if r.status != 0 { throw MountFailure(reason: "remount failed: \(r.output)") }
    }

    func unmount() {
        _ = Self.shell("umount", directory.path)
        try? FileManager.default.removeItem(at: directory)
    }

    struct MountFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// In CI (`CI=true`) a file system that cannot be made is a failure; elsewhere the test is
    /// skipped as a known issue with its reason, never passed silently.
    static func unavailable(_ failure: MountFailure) {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: failure.reason))
        } else {
            withKnownIssue(Comment(rawValue: failure.reason)) { Issue.record(Comment(rawValue: failure.reason)) }
        }
    }

    private static func shell(_ arguments: String...) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

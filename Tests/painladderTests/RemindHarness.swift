import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Process-level helpers for the reminder job's tests: start `painladder` without waiting,
/// with its output in files (a delivery command left running must not hold a pipe open).
extension CLI {
    struct Running {
        let process: Process
        let out: URL
        let err: URL

        func wait() -> Result {
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }
    }

    func start(_ args: [String], name: String) throws -> Running {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = args + ["--db", database.path]
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_USER"] = "tester"
        env["PAINLADDER_DB"] = directory.appendingPathComponent("default-should-not-be-used.sqlite").path
        process.environment = env
        let out = directory.appendingPathComponent("\(name).out"), err = directory.appendingPathComponent("\(name).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// Adds a patient (measured clearance 100 mL/min: no renal band) and starts a course.
    func patientOnCourse(_ id: String, drug: String = "amitriptyline", start: String = "2026-03-02", times: String? = nil,
                         zone: String = "Europe/London") throws {
        let add = try run(["patient", "add", id, "--born", "1960-05-01", "--sex", "female", "--tz", zone,
                           "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "100", "--now", "2026-03-01T12:00:00Z"])
        precondition(add.status == 0, add.stderr)
        let course = try run(["start", id, drug, "--on", start, "--by", "Dr Rao", "--now", "2026-03-01T12:00:00Z"]
                             + (times.map { ["--times", $0] } ?? []))
        precondition(course.status == 0, course.stderr)
    }

    /// The JSON objects of a JSON Lines text.
    static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    static func keys(_ text: String) -> [String] { jsonLines(text).compactMap { $0["key"] as? String } }

    /// Waits (polling, no timing asserted) until a file exists.
    static func waitFor(_ url: URL, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: url.path) { return true }
            usleep(20_000)
        }
        return false
    }
}

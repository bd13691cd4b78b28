import Foundation
import Testing

/// Runs the built `painladder` binary the way a user or cron would: a real process, real
/// stdout, stderr and exit code, a real database file in a temporary folder.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: URL
    var database: URL { directory.appendingPathComponent("test.sqlite") }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("painladder-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() {
        JSONOutputCheck.validate(in: directory)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The built executable: beside the test bundle in the products folder, or
    /// `$PAINLADDER_TEST_BINARY` (to run these tests against another build, e.g. a statically
    /// linked release).
    static let binary: URL = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["PAINLADDER_TEST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent())
        }
        for dir in candidates {
            let url = dir.appendingPathComponent("painladder")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { return url }
        }
        fatalError("painladder binary not found near \(candidates.map(\.path))")
    }()

    /// Runs `painladder --db <test db> args…` (pass `db: false` to leave --db out).
    /// Standard input is `input` through a pipe, else empty (never the terminal running the tests).
    @discardableResult
    func run(_ args: [String], db: Bool = true, environment: [String: String] = [:], input: String? = nil,
             executable: URL? = nil, arguments: [String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? CLI.binary
        var full = args
        if db { full += ["--db", database.path] }
        process.arguments = arguments ?? full
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_USER"] = "tester"
        env["PAINLADDER_DB"] = directory.appendingPathComponent("default-should-not-be-used.sqlite").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus,
                            stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData, as: UTF8.self))
        if result.status == 0 { JSONOutputCheck.keep(args, output: result.stdout, in: directory) }
        return result
    }

    /// A logical dump of the database (every table's rows, in order), to prove "nothing changed".
    func dump() throws -> String {
        guard FileManager.default.fileExists(atPath: database.path) else { return "(no database)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", database.path, ".dump"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

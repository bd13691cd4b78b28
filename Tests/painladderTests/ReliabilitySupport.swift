import Foundation
import Testing

/// Shared pieces of the reliability suite (bad input, crashes, concurrency, upgrades,
/// permissions): a ready-made clinic database to copy, raw `sqlite3` access, file digests.
enum Reliability {
    /// The instant every reliability test treats as now.
    static let now = "2026-03-20T12:00:00Z"

    /// `PAINLADDER_RELIABILITY=long` runs the by-hand setting (more kills, longer load);
    /// `swift test` uses the fast one so the whole suite stays quick.
    static var long: Bool { ProcessInfo.processInfo.environment["PAINLADDER_RELIABILITY"] == "long" }

    /// A patient P001 (Europe/London) on amitriptyline since 2026-03-02 (10 mg at 22:00,
    /// +10 mg weekly) with entry #1 a dose taken, #2 a pain score and #3 a mild side effect;
    /// built once by the real binary and copied into each test's folder.
    static let template: URL = {
        do {
            let cli = try CLI()
            for args in setupCommands {
                let r = try cli.run(args + ["--now", now])
                guard r.status == 0 else { fatalError("template setup \(args) failed: \(r.stderr)") }
            }
            return cli.database
        } catch {
            fatalError("template setup failed: \(error)")
        }
    }()

    static let addP001 = ["patient", "add", "P001", "--born", "1960-05-01", "--sex", "female", "--tz", "Europe/London",
                          "--diagnosis", "diabetic-peripheral-neuropathy", "--weight", "70",
                          "--creatinine", "80", "--creatinine-unit", "umol/L"]

    static let setupCommands: [[String]] = [
        addP001,
        ["start", "P001", "amitriptyline", "--on", "2026-03-02", "--by", "Dr Rao"],
        ["take", "P001", "--at", "2026-03-19 22:05"],
        ["pain", "P001", "6", "--sleep", "5"],
        ["side-effect", "P001", "drowsiness", "--severity", "mild"],
    ]

    /// A fresh test folder holding a copy of ``template``.
    static func clinic() throws -> CLI {
        let cli = try CLI()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template.path + suffix) {
            try FileManager.default.copyItem(atPath: template.path + suffix, toPath: cli.database.path + suffix)
        }
        return cli
    }

    /// Runs `sqlite3` on `database` (read-only unless `write`), returning stdout.
    @discardableResult
    static func sqlite(_ database: URL, _ sql: String, write: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3"] + (write ? [] : ["-readonly"]) + [database.path, sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw SQLiteFailure(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct SQLiteFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "sqlite3: \(message)" }
    }

    /// The exact bytes of a file (for files PainLadder must not touch at all), or nil.
    static func bytes(_ url: URL) -> Data? {
        FileManager.default.contents(atPath: url.path)
    }

    /// Permission bits of a file, or nil when it does not exist.
    static func mode(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? NSNumber else { return nil }
        return mode.intValue & 0o777
    }

    /// A line of `count` copies of `character`.
    static func long(_ count: Int, _ character: Character = "a") -> String {
        String(repeating: character, count: count)
    }
}

extension CLI.Result {
    /// stderr as lines, without the trailing newline.
    var errorLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
}

extension CLI {
    /// Runs the binary through `/bin/sh` so that `rawArgument` (a `printf` format such as
    /// `P\\377`) reaches it as raw bytes: Foundation's `Process` takes Swift strings, which are
    /// always valid Unicode, so invalid UTF-8 cannot be passed directly. The command line is
    /// `args --db <test db> [option] rawArgument`.
    func run(_ args: [String], option: String? = nil, rawArgument: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" \"$(printf '\(rawArgument)')\"", CLI.binary.path]
            + args + ["--db", database.path] + (option.map { [$0] } ?? [])
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_USER"] = "tester"
        env["PAINLADDER_DB"] = directory.appendingPathComponent("default-should-not-be-used.sqlite").path
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A `painladder` process started in the background, to be killed or waited for.
final class Running: @unchecked Sendable {
    let process = Process()
    private let out = Pipe(), err = Pipe()

    init(_ cli: CLI, _ args: [String]) throws {
        process.executableURL = CLI.binary
        process.arguments = args + ["--db", cli.database.path]
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_USER"] = "tester"
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// SIGKILL, as a power cut or the OOM killer would; no chance to clean up.
    func kill() {
        if process.isRunning { killHard(process.processIdentifier) }
    }

    /// Waits for the end; `killed` is true when SIGKILL ended it.
    func wait() -> (result: CLI.Result, killed: Bool) {
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        return (CLI.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                           stderr: String(decoding: e, as: UTF8.self)), killed)
    }
}

extension Reliability {
    /// Checks after a crash or a load run: the file is sound and nothing is half-written —
    /// every journal entry has the audit row its transaction wrote with it and vice versa,
    /// every plan version its audit row. Returns problems found (empty when all is well).
    static func soundness(_ database: URL) throws -> [String] {
        var problems: [String] = []
        let integrity = try sqlite(database, "PRAGMA integrity_check")
        if integrity != "ok" { problems.append("integrity_check: \(integrity)") }
        let fk = try sqlite(database, "PRAGMA foreign_key_check")
        if !fk.isEmpty { problems.append("foreign_key_check: \(fk)") }
        let orphans = try sqlite(database, """
            SELECT 'entry without audit: ' || j.id FROM journal_entry j
             WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.action = 'journal.' || j.kind
                               AND json_extract(a.detail, '$.entry') = j.id)
            UNION ALL
            SELECT 'audit without entry: ' || a.id FROM audit a
             WHERE a.action LIKE 'journal.%'
               AND NOT EXISTS (SELECT 1 FROM journal_entry j WHERE j.id = json_extract(a.detail, '$.entry'))
            UNION ALL
            SELECT 'plan version without audit: ' || v.id FROM plan_version v
             WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.course_id = v.course_id
                               AND (a.action IN ('plan.version', 'course.start') OR a.action LIKE 'decision.%')
                               AND json_extract(a.detail, '$.planVersionID') = v.id)
            UNION ALL
            SELECT 'course without plan: ' || c.id FROM course c
             WHERE NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.course_id = c.id)
            """)
        if !orphans.isEmpty { problems.append(orphans) }
        for suffix in ["", "-wal", "-shm"] {
            if let m = mode(database.path + suffix), m != 0o600 {
                problems.append("\(database.lastPathComponent)\(suffix) has mode \(String(m, radix: 8))")
            }
        }
        return problems
    }
}

/// Thread-safe collection of what concurrent workers saw.
final class Ledger<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func append(_ item: T) { lock.lock(); items.append(item); lock.unlock() }
    var all: [T] { lock.lock(); defer { lock.unlock() }; return items }
}

/// The entry number a journal command printed ("#12 taken …"), if it printed one.
func acknowledgedEntry(_ stdout: String) -> Int? {
    guard stdout.hasPrefix("#") else { return nil }
    return Int(stdout.dropFirst().prefix { $0.isNumber })
}

private func killHard(_ pid: pid_t) {
    _ = kill(pid, SIGKILL)
}

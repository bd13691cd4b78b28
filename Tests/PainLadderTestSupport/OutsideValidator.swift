import Foundation

/// The Python of the outside validators (`.ci/requirements.txt`), made once by
/// `Scripts/check-venv.sh`. A test that needs it fails with the reason when it cannot be
/// made: an outside check that passes because its tool is missing would be no check.
///
/// ```swift
/// let result = try OutsideValidator.run(script: "import sys; print(sys.stdin.read())", input: "hi")
/// #expect(result.status == 0)
/// ```
public enum OutsideValidator {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The package root (where `Scripts/` and `.ci/` are).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The venv's python, made on first use.
    public static func python() throws -> String {
        let script = packageRoot.appendingPathComponent("Scripts/check-venv.sh").path
        let made = try launch("/bin/bash", [script], input: nil)
        let path = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard made.status == 0, FileManager.default.isExecutableFile(atPath: path) else {
            throw Unavailable(description: "outside validators unavailable (Scripts/check-venv.sh exit \(made.status)): \(made.stderr)")
        }
        return path
    }

    /// Runs `script` with the venv's python, `input` on stdin, extra `arguments` after it.
    public static func run(script: String, arguments: [String] = [], input: String? = nil) throws -> Result {
        try launch(try python(), ["-c", script] + arguments, input: input)
    }

    static func launch(_ executable: String, _ arguments: [String], input: String?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the child runs so neither fills and blocks it.
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = stderr.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

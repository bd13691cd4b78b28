import Foundation

extension CLI {
    /// Runs `painladder --db <test db> args…` at a pseudo-terminal, as a person at a keyboard
    /// would, typing `answer` and Enter: util-linux `script` gives the command a terminal for
    /// stdin, stdout and stderr. What the terminal showed (both streams, and the echoed answer)
    /// comes back as `stdout`; the status is the command's (`script -e`).
    func runAtTerminal(_ args: [String], answer: String) throws -> Result {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else {
            throw TerminalUnavailable(description: "\(script) (util-linux) is needed to run a command at a terminal")
        }
        let words = [CLI.binary.path] + args + ["--db", database.path]
        let command = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try run([], db: false, input: answer + "\n", executable: URL(fileURLWithPath: script),
                       arguments: ["-qec", command, "/dev/null"])
    }

    struct TerminalUnavailable: Error, CustomStringConvertible {
        let description: String
    }
}

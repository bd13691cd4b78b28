import Foundation
import Testing

/// No command-line words below the command line: the library speaks the domain (fields,
/// structured errors), and only `Sources/painladder` spells flags, names commands in
/// messages and chooses exit codes. A web page built on the library must not show `--drug`.
@Suite("Architecture: no CLI words below the CLI")
struct CommandLineWordsTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")
    /// The command line and the benchmark tool may speak it.
    static let exempt: Set<String> = ["painladder", "painladder-bench"]
    static let commands = ["demo", "formulary", "patient", "start", "schedule", "today", "take", "skip", "side-effect",
                           "pain", "impression", "assess", "history", "correct", "undo", "review", "reviews", "decide",
                           "remind", "supply", "export", "help"]
    /// Literals that hold stored data, not messages: the reminder job's name in the audit trail.
    static let storedNames: Set<String> = ["painladder remind"]

    @Test func libraryMessagesNameNoFlagCommandOrExitCode() throws {
        var found: [String] = []
        let files = try Self.swiftFiles()
        #expect(files.contains { $0.path.hasSuffix("PainLadderClinic/Clinic+Journal.swift") })
        for file in files {
            let relative = String(file.path.dropFirst(Self.sources.path.count + 1))
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var scanner = SwiftLineScanner()
            for (index, line) in lines.enumerated() {
                let (code, literals) = scanner.scan(line)
                let place = "Sources/\(relative):\(index + 1)"
                for literal in literals {
                    if literal.range(of: #"--[A-Za-z]"#, options: .regularExpression) != nil {
                        found.append("\(place): a flag in a string: \(literal)")
                    }
                    if !Self.storedNames.contains(literal), Self.namesCommand(literal) {
                        found.append("\(place): a command in a string: \(literal)")
                    }
                }
                if code.range(of: #"\bexitCode\b|\bExitCode\b|Int32\((6[4-9]|7[0-9])\)|\bexit\("#,
                              options: .regularExpression) != nil {
                    found.append("\(place): an exit code: \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.count) CLI words below the CLI:\n\(found.joined(separator: "\n"))")
    }

    /// The scanner itself: comments do not count, strings and interpolations do.
    @Test func scannerSeparatesCodeCommentsAndStrings() {
        var s = SwiftLineScanner()
        #expect(s.scan(#"let a = "x --at" // says "--b""#) == ("let a = \"\" ", ["x --at"]))
        #expect(s.scan(#"f("\(g("--in")) after", 1) // c"#).literals == ["--in", " after"])
        #expect(s.scan(#"let u = "http://x" + y"#).literals == ["http://x"])
        #expect(s.scan(#"let m = """"#).literals == [])
        #expect(s.scan("   see --here").literals == ["   see --here"])
        #expect(s.scan(#"   """; exit(1)"#).code.contains("exit(1)"))
    }

    static func namesCommand(_ literal: String) -> Bool {
        literal.contains("'painladder ") || commands.contains { literal.contains("painladder \($0)") }
    }

    static func swiftFiles() throws -> [URL] {
        let fm = FileManager.default
        let targets = try fm.contentsOfDirectory(atPath: sources.path).filter { !exempt.contains($0) }
        return targets.flatMap { target -> [URL] in
            let root = sources.appendingPathComponent(target)
            let all = fm.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
            return all.filter { $0.pathExtension == "swift" }
        }.sorted { $0.path < $1.path }
    }
}

/// Splits Swift source, a line at a time, into code (without `//` comments) and the text of
/// its string literals, following interpolations and multi-line strings across lines.
struct SwiftLineScanner {
    enum Context { case string(multiline: Bool), interpolation(depth: Int) }
    var stack: [Context] = []

    mutating func scan(_ line: String) -> (code: String, literals: [String]) {
        let c = Array(line)
        var code = "", literals: [String] = [], literal = ""
        var inString: Bool { if case .string? = stack.last { true } else { false } }
        if inString { literal = "" }
        var i = 0
        func at(_ k: Int, _ text: String) -> Bool {
            let t = Array(text)
            return k + t.count <= c.count && Array(c[k..<k + t.count]) == t
        }
        while i < c.count {
            if case let .string(multiline)? = stack.last {
                if c[i] == "\\" && at(i + 1, "(") {
                    literals.append(literal); literal = ""
                    stack.append(.interpolation(depth: 0)); i += 2; continue
                }
                if c[i] == "\\" { literal.append(c[i]); if i + 1 < c.count { literal.append(c[i + 1]) }; i += 2; continue }
                if multiline ? at(i, "\"\"\"") : c[i] == "\"" {
                    literals.append(literal); literal = ""
                    stack.removeLast(); code += "\""; i += multiline ? 3 : 1; continue
                }
                literal.append(c[i]); i += 1; continue
            }
            if at(i, "//") { break }
            if at(i, "\"\"\"") { stack.append(.string(multiline: true)); code += "\""; i += 3; continue }
            if c[i] == "\"" { stack.append(.string(multiline: false)); code += "\""; i += 1; continue }
            if case let .interpolation(depth)? = stack.last {
                if c[i] == "(" { stack[stack.count - 1] = .interpolation(depth: depth + 1) }
                if c[i] == ")" {
                    if depth == 0 { stack.removeLast(); i += 1; continue }
                    stack[stack.count - 1] = .interpolation(depth: depth - 1)
                }
            }
            code.append(c[i]); i += 1
        }
        if inString, !literal.isEmpty { literals.append(literal) }
        return (code, literals.filter { !$0.isEmpty })
    }
}

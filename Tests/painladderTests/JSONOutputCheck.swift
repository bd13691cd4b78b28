import Foundation
import PainLadderTestSupport
import Testing

/// Issue 15, item 4: every `--json` output the end-to-end suite produces, for a command under
/// the versioned contract, is validated against its schema in `schemas/` with Python
/// `jsonschema` (Tests/OutsideScripts/validate_json.py). `CLI.run` keeps each output beside
/// the test's database; `CLI.cleanUp` validates them all in one run.
enum JSONOutputCheck {
    /// The schema of a command's `--json` output, and whether it is JSON Lines; `nil` for
    /// commands not under the contract yet (README: "JSON output").
    static func schema(for args: [String]) -> (name: String, lines: Bool)? {
        guard let command = args.first else { return nil }
        if command == "export" {
            let format = args.firstIndex(of: "--format").map { args.index(after: $0) }.flatMap { args.indices.contains($0) ? args[$0] : nil }
            let toFile = args.contains("-o") || args.contains("--output")
            return format == "json" && !toFile ? ("export", false) : nil
        }
        guard args.contains("--json") else { return nil }
        switch command {
        case "schedule", "start": return ("course", false)
        case "inbox", "ack": return ("inbox", false)
        case "review": return ("review", false)
        case "history": return ("history", false)
        case "today": return ("today", false)
        case "decide": return ("decision", false)
        case "formulary" where args.dropFirst().first == "list": return ("formulary-list", false)
        case "reviews": return ("reviews", false)
        case "patient" where args.dropFirst().first == "list": return ("patient-list", false)
        case "take", "skip", "pain", "impression", "assess", "side-effect", "correct", "undo": return ("journal", false)
        case "patient" where ["show", "add", "update", "tried", "stopped"].contains(args.dropFirst().first ?? ""): return ("patient", false)
        case "remind" where !args.contains("--status") && !args.contains("--reset-mark"): return ("reminder-line", true)
        default: return nil
        }
    }

    static func log(in directory: URL) -> URL { directory.appendingPathComponent("json-outputs.jsonl") }

    /// Keeps one output for validation at clean-up.
    static func keep(_ args: [String], output: String, in directory: URL) {
        guard let schema = schema(for: args) else { return }
        let item: [String: Any] = ["schema": schema.name, "lines": schema.lines,
                                   "command": args.prefix(3).joined(separator: " "), "text": output]
        guard let data = try? JSONSerialization.data(withJSONObject: item) else { return }
        let url = log(in: directory)
        if let handle = try? FileHandle(forWritingTo: url) {
            handle.seekToEndOfFile()
            handle.write(data + Data("\n".utf8))
            try? handle.close()
        } else {
            try? (data + Data("\n".utf8)).write(to: url)
        }
    }

    /// Validates every kept output; each invalid one is an issue of the running test.
    static func validate(in directory: URL) {
        guard let text = try? String(contentsOf: log(in: directory), encoding: .utf8) else { return }
        let items = text.split(separator: "\n").map { String($0) }
        do {
            let script = try String(contentsOf: OutsideValidator.packageRoot.appendingPathComponent("Tests/OutsideScripts/validate_json.py"),
                                    encoding: .utf8)
            let result = try OutsideValidator.run(script: script,
                                                  arguments: [OutsideValidator.packageRoot.appendingPathComponent("schemas").path],
                                                  input: "[" + items.joined(separator: ",") + "]")
            if result.status != 0 {
                Issue.record("--json output does not match its schema:\n\(result.stdout)\(result.stderr)")
            }
        } catch {
            Issue.record("JSON Schema validation could not run: \(error)")
        }
    }
}

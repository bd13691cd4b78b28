import Foundation
import Testing
import PainLadderTestSupport

/// Issue 15, item 5: the conventions a command-line tool is expected to keep, checked as a
/// user's shell and system see them.
@Suite("End to end: version, help, completions, manual page, install")
struct ConventionsEndToEndTests {
    /// Every command path the binary has, from argument-parser's own dump of the tree.
    static func commandPaths(_ cli: CLI) throws -> [[String]] {
        let dump = try cli.run(["--experimental-dump-help"], db: false)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return paths
    }

    @Test("--version prints the same line, time zone data included, after any command")
    func versionEverywhere() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let root = try cli.run(["--version"], db: false)
        #expect(root.status == 0)
        #expect(root.stdout.hasPrefix("0.1.0 (time zone data "), "\(root.stdout)")
        for path in [["today"], ["patient", "add"], ["decide"], ["remind"]] {
            let r = try cli.run(path + ["--version"], db: false)
            #expect(r.status == 0, "\(path): \(r.stderr)")
            #expect(r.stdout == root.stdout, "\(path): \(r.stdout)")
        }
    }

    @Test("every command's help fits 80 columns, hand-made tables included")
    func helpWrapsAt80() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for path in try Self.commandPaths(cli) {
            let r = try cli.run(["help"] + path, db: false, environment: ["COLUMNS": "80"])
            #expect(r.status == 0, "\(path): \(r.stderr)")
            // argument-parser prints the USAGE line whole, so it can be copied; every other
            // line fits, and no hand-aligned (indented) line is wrapped onto an unindented one.
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where !line.hasPrefix("USAGE:") {
                if line.count > 80 { Issue.record("help \(path.joined(separator: " ")): \(line.count) columns: \(line)") }
                if i > 0, lines[i - 1].hasPrefix("  "), lines[i - 1].count >= 70, let first = line.first, first != " " {
                    Issue.record("help \(path.joined(separator: " ")): an indented line wrapped: \(lines[i - 1]) / \(line)")
                }
            }
        }
        // The decision table of `help decide` keeps its two columns: each kind starts a line.
        let decide = try cli.run(["help", "decide"], db: false, environment: ["COLUMNS": "80"]).stdout
        for kind in ["continue", "hold", "reduce", "increase", "stop", "switch", "refer"] {
            #expect(decide.contains("\n  \(kind) "), "\(kind) is not at the start of a line:\n\(decide)")
        }
    }

    /// Runs bash's completion for `line` (the cursor at its end) with the generated script
    /// loaded, as a user pressing TAB would, and returns the candidates.
    func complete(_ cli: CLI, _ line: String, environment: [String: String] = [:]) throws -> [String] {
        let script = cli.directory.appendingPathComponent("painladder.bash")
        if !FileManager.default.fileExists(atPath: script.path) {
            let generated = try cli.run(["--generate-completion-script", "bash"], db: false)
            try generated.stdout.write(to: script, atomically: true, encoding: .utf8)
        }
        let binDir = CLI.binary.deletingLastPathComponent().path
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let array = words.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            export PATH='\(binDir)':"$PATH"
            source '\(script.path)'
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1)
            _painladder painladder "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try cli.run([], db: false, environment: environment, executable: URL(fileURLWithPath: "/bin/bash"),
                            arguments: ["-c", program])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test("completions offer drug ids, outcomes, severities, formats and the database's patient ids")
    func completionsComplete() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["patient", "add", "P001", "--born", "1960-01-01", "--sex", "female", "--tz", "Europe/London",
                             "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "90"]).status == 0)
        #expect(try cli.run(["patient", "add", "P002", "--born", "1950-01-01", "--sex", "male", "--tz", "Europe/London",
                             "--diagnosis", "diabetic-peripheral-neuropathy", "--crcl", "90"]).status == 0)
        let db = cli.database.path
        #expect(try complete(cli, "painladder start P001 pre") == ["pregabalin"])
        #expect(Set(try complete(cli, "painladder start P001 ")) == ["amitriptyline", "duloxetine", "gabapentin", "pregabalin"])
        #expect(try complete(cli, "painladder today --db \(db) P00").sorted() == ["P001", "P002"])
        #expect(try complete(cli, "painladder today P00", environment: ["PAINLADDER_DB": db]).sorted() == ["P001", "P002"])
        #expect(try complete(cli, "painladder decide P001 stop --outcome not-t") == ["not-tolerated"])
        #expect(try complete(cli, "painladder side-effect P001 nausea --severity mo") == ["moderate"])
        #expect(try complete(cli, "painladder export P001 --format ic") == ["ics"])
        #expect(try complete(cli, "painladder patient add P3 --tz Europe/Lon") == ["Europe/London"])
        // Files for --db: the test folder's database is offered.
        let dbPrefix = cli.directory.appendingPathComponent("tes").path
        #expect(try complete(cli, "painladder patient list --db \(dbPrefix)").contains(db))
    }

    @Test("the manual page names every command and option the binary has, and man reads it")
    func manualPageIsCurrent() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let page = OutsideValidator.packageRoot.appendingPathComponent("docs/painladder.1")
        let text = try String(contentsOf: page, encoding: .utf8)
        let dump = try cli.run(["--experimental-dump-help"], db: false).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        var missing: [String] = []
        func walk(_ command: [String: Any]) {
            if let name = command["commandName"] as? String, !text.contains(name) { missing.append("command \(name)") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for n in argument["names"] as? [[String: Any]] ?? [] where n["kind"] as? String == "long" {
                    let flag = n["name"] as? String ?? ""
                    // mdoc writes a flag as "Fl -name": the name itself with its dashes escaped or not.
                    if !text.contains(flag) { missing.append("--\(flag) of \(command["commandName"] ?? "")") }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        walk(try #require(root["command"] as? [String: Any]))
        #expect(missing.isEmpty, "docs/painladder.1 is stale (run Scripts/make-manual.sh): \(missing)")
        let man = try cli.run([], db: false, environment: ["MANWIDTH": "80"], executable: URL(fileURLWithPath: "/usr/bin/man"),
                              arguments: ["-l", page.path])
        #expect(man.status == 0, "\(man.stderr)")
        #expect(man.stdout.contains("painladder"), "\(man.stdout.prefix(400))")
    }

    @Test("install into a temporary prefix: binary, formulary under share, manual, three completion scripts")
    func installIntoAPrefix() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let prefix = cli.directory.appendingPathComponent("prefix").path
        let script = OutsideValidator.packageRoot.appendingPathComponent("Scripts/install.sh").path
        let r = try cli.run([], db: false, executable: URL(fileURLWithPath: "/bin/bash"),
                            arguments: [script, "--prefix", prefix, "--binary", CLI.binary.path])
        #expect(r.status == 0, "\(r.stderr)")
        let fm = FileManager.default
        for file in ["bin/painladder", "share/painladder/Data/formulary/formulary.json", "share/man/man1/painladder.1",
                     "share/bash-completion/completions/painladder", "share/zsh/site-functions/_painladder",
                     "share/fish/vendor_completions.d/painladder.fish"] {
            #expect(fm.fileExists(atPath: "\(prefix)/\(file)"), "missing \(file)")
        }
        // The installed binary reads its formulary from share/painladder (no data beside it).
        let installed = try cli.run(["formulary", "list"], db: false, environment: ["PAINLADDER_DATA": ""],
                                    executable: URL(fileURLWithPath: "\(prefix)/bin/painladder"), arguments: ["formulary", "list"])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("pregabalin"), "\(installed.stdout)")
        let bash = try String(contentsOfFile: "\(prefix)/share/bash-completion/completions/painladder", encoding: .utf8)
        #expect(bash.contains("_painladder"))
    }
}


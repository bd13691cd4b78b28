/// Whether a command line asks for the version: `--version` after nothing but command names
/// (`painladder --version`, `painladder patient add --version`), so every command answers it
/// with the same line, the time zone data included. A `--version` after an option or a
/// value is left to the parser.
enum VersionRequest {
    static func isAsked(_ arguments: [String]) -> Bool {
        guard arguments.last == "--version" else { return false }
        return arguments.dropLast().allSatisfy { word in
            !word.isEmpty && word.allSatisfy { $0.isLowercase || $0 == "-" } && !word.hasPrefix("-")
        }
    }
}

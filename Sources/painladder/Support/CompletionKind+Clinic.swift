import ArgumentParser
import Foundation
import FormularyData
import PainLadderClinic
import PainLadderStore

/// Completions that need the formulary or the database. Each closure runs only when a shell
/// asks for completions (TAB), never when a command parses, and fails quietly to no words: a
/// completion must not print errors into someone's prompt.
extension CompletionKind {
    /// The formulary's drug ids (the bundled formulary's: the one every command loads).
    static var drugs: CompletionKind {
        .custom { _, _, prefix in
            ((try? FormularyLoader.bundled().drugs.map(\.id)) ?? []).filter { $0.hasPrefix(prefix) }
        }
    }

    /// The formulary's diagnosis ids.
    static var diagnoses: CompletionKind {
        .custom { _, _, prefix in
            ((try? FormularyLoader.bundled().diagnoses.map(\.id)) ?? []).filter { $0.hasPrefix(prefix) }
        }
    }

    /// The IANA time zone identifiers this build knows.
    static var timeZones: CompletionKind {
        .custom { _, _, prefix in TimeZone.knownTimeZoneIdentifiers.filter { $0.hasPrefix(prefix) } }
    }

    /// The patient ids in the database the command line names (`--db PATH`), else in
    /// `$PAINLADDER_DB` or the default file; opened read-only, nothing created.
    static var patients: CompletionKind {
        .custom { words, _, prefix in
            let path = PatientIDCompletion.databasePath(words: words)
            return (try? PatientIDCompletion.ids(path: path).filter { $0.hasPrefix(prefix) }) ?? []
        }
    }
}

/// Reading patient ids for completion.
enum PatientIDCompletion {
    /// The value after the last `--db` (or `--db=VALUE`) among the shell words, else the
    /// environment's or the default path. Shell words come verbatim: surrounding quotes go.
    static func databasePath(words: [String]) -> String {
        var found: String?
        for (i, word) in words.enumerated() {
            if word == "--db", i + 1 < words.count { found = words[i + 1] }
            if word.hasPrefix("--db=") { found = String(word.dropFirst("--db=".count)) }
        }
        if let found {
            let unquoted = found.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            return (unquoted as NSString).expandingTildeInPath
        }
        return Store.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    static func ids(path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let store = try Store.openClinic(path: path, createIfMissing: false, readOnly: true)
        return try Clinic(store: store, formulary: try FormularyLoader.bundled()).patients().map(\.id)
    }
}

import ArgumentParser
import Foundation
import FormularyData
import PainLadder
import PainLadderClinic
import PainLadderStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The SQLite database file.",
        discussion: "Default: $PAINLADDER_DB, else ~/.local/share/painladder/painladder.sqlite.",
        valueName: "path"), completion: .file())
    var database: String?

    @Option(name: .customLong("formulary"), help: ArgumentHelp(
        "A clinic's local formulary file (caps, drug order), applied over the bundled one.",
        valueName: "file"), completion: .file(extensions: ["json"]))
    var formularyFile: String?

    @Flag(help: "Print JSON on standard output instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Treat this instant as now (ISO 8601, e.g. 2026-03-02T09:00:00Z), for replay and tests.",
                               valueName: "instant"),
            transform: { try Parse.instant($0, field: "--now") })
    var now: Date?

    /// The clock: `--now` if given, else the system clock. Read once per command.
    func currentInstant() -> Date { now ?? Date() }

    func loadFormulary() throws -> Formulary {
        let overlay = formularyFile.map { URL(fileURLWithPath: $0) }
        if let overlay, !FileManager.default.fileExists(atPath: overlay.path) {
            throw BadArgument(field: "--formulary", given: overlay.path,
                                               allowed: "an existing local formulary JSON file")
        }
        return try FormularyLoader.bundled(overlay: overlay)
    }

    var databasePath: String {
        database ?? Store.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store; commands that only read pass `create: false` so a mistyped path is an error.
    /// The formulary: `formulary` if given, else the one in force (``formularyInForce(_:)``).
    func openClinic(create: Bool, formulary: Formulary? = nil) throws -> Clinic {
        let given = try formulary ?? formularyFile.map { _ in try loadFormulary() }
        // From here the command may write: Ctrl-C lets it finish and print (see Interrupts).
        Interrupts.recording()
        let store = try Store.openClinic(path: databasePath, createIfMissing: create)
        return Clinic(store: store, formulary: try formulary ?? formularyInForce(store, file: given),
                      actor: Clinic.Actor(account: SystemAccount.current, displayName: try Self.currentUser))
    }

    /// Opens the store read-only for a command that only reads (history, review, schedule,
    /// today, patient show and list, export, reviews): it works on a read-only mount or a
    /// full disk, and a missing file is an error.
    func openClinicToRead(formulary: Formulary? = nil) throws -> Clinic {
        let given = try formulary ?? formularyFile.map { _ in try loadFormulary() }
        let store = try Store.openClinic(path: databasePath, createIfMissing: false, readOnly: true)
        return Clinic(store: store, formulary: try formulary ?? formularyInForce(store, file: given))
    }

    /// The formulary a command uses: `--formulary FILE` for this command only (`file`, with a
    /// note on stderr when the clinic has stored a different overlay), else the clinic's
    /// stored overlay (`painladder formulary use`), else the bundled one.
    func formularyInForce(_ store: Store, file: Formulary?) throws -> Formulary {
        let stored = try store.formularyOverlay()
        if let file {
            if let stored, let path = formularyFile, (try? Data(contentsOf: URL(fileURLWithPath: path))) != stored.content {
                Output.note("note: --formulary \(path) differs from the clinic's stored overlay '\(stored.name)' "
                            + "(version \(stored.version)); this command uses the file")
            }
            return file
        }
        guard let stored else { return try FormularyLoader.bundled() }
        return try FormularyLoader.bundled(overlayData: stored.content, file: stored.file)
    }

    /// The formulary in force for a command that opens no clinic (`formulary list|show`):
    /// the stored overlay is read when the database exists; with it, the overlay stored.
    func formularyToShow() throws -> (formulary: Formulary, stored: StoredFormularyOverlay?) {
        guard FileManager.default.fileExists(atPath: databasePath) else { return (try loadFormulary(), nil) }
        let clinic = try openClinicToRead()
        return (clinic.formulary, try clinic.storedFormularyOverlay())
    }

    /// The name recorded as the person recording: $PAINLADDER_USER, else $USER, refused (65)
    /// when it is text PainLadder would not store (a newline or escape code in it would forge
    /// history lines). Only a display name: the access rules and the audit's account use the
    /// process's user id.
    static var currentUser: String {
        get throws {
            let env = ProcessInfo.processInfo.environment
            let user = env["PAINLADDER_USER"] ?? env["USER"] ?? "unknown"
            try StoredText.check(user, field: .account, required: true)
            return user
        }
    }
}

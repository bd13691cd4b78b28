import PainLadder

/// The line that marks a formulary whose files differ from the bundled release: on every
/// screen that shows a clinical number, so a replaced or edited data folder never looks official.
enum ProvenanceText {
    /// The warning for `formulary`, or nil for the bundled release.
    static func line(_ formulary: Formulary) -> String? {
        guard case let .modified(folder, digest, release) = formulary.provenance else { return nil }
        return "WARNING: formulary data NOT the bundled release: read from '\(folder)' (digest \(hex(digest)), "
            + "release \(hex(release))); every number below is as that folder says: check it against its source"
    }

    /// Shows the warning, if any, first: on stdout above a text screen, on stderr beside
    /// JSON (whose shape stays the same).
    static func show(_ formulary: Formulary, json: Bool) {
        guard let line = line(formulary) else { return }
        if json { Output.note(line) } else { Output.line(line) }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

import Foundation
import PainLadderClinic

extension FormularyText {
    /// The line naming the local overlay in force: the clinic's stored one (its version, who
    /// stored it, when, its SHA-256), or a `--formulary` file for this command only; `nil`
    /// when neither (the bundled formulary alone).
    static func overlay(_ stored: StoredFormularyOverlay?, file: String?) -> String? {
        if let file {
            let beside = stored.map { "; the clinic's stored overlay is '\(Output.shown($0.name))' version \($0.version)" } ?? ""
            return "Local overlay in force: \(Output.shown(file)) (--formulary, this command only\(beside))"
        }
        guard let o = stored else { return nil }
        return "Local overlay in force: '\(Output.shown(o.name))' version \(o.version) (stored from \(Output.shown(o.file)) "
            + "by \(Output.shown(o.storedBy)) at \(ISO8601DateFormatter().string(from: o.storedAt)), sha256 \(o.sha256.prefix(12))…)"
    }
}

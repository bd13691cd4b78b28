import Foundation

/// How a typed medicine name is compared: trimmed, case- and accent-insensitive, with runs
/// of spaces, hyphens and underscores read as one hyphen ("St John's wort", "st-johns-wort"
/// stay different only by the apostrophe, which is dropped too).
///
/// ```swift
/// MedicineNameKey.key("  LÉCAENT ") == MedicineNameKey.key("lecaent")   // true
/// ```
public enum MedicineNameKey {
    public static func key(_ text: String) -> String {
        // ASCII (nearly every name typed) needs no Foundation folding, which is slow.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "-" || scalar == "_" {
                pendingHyphen = !out.isEmpty
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else {
                if pendingHyphen { out.append("-"); pendingHyphen = false }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

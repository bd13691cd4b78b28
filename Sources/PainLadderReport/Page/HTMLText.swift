import PainLadder

/// Text into HTML: every character that could start markup is a character reference, and
/// free text a person wrote is isolated (`<bdi>`) with any control, bidirectional or
/// zero-width character shown as its escape (``StoredText/escaped(_:)``), so a name or a
/// reason can neither add markup nor reorder the text around it.
///
/// ```swift
/// HTMLText.escaped("Tom & \"Jerry\" <b>")   // "Tom &amp; &quot;Jerry&quot; &lt;b&gt;"
/// HTMLText.free("Dr <Rao>")                 // "<bdi>Dr &lt;Rao&gt;</bdi>"
/// ```
public enum HTMLText {
    /// `text` safe in element content and in a double- or single-quoted attribute value.
    public static func escaped(_ text: String) -> String {
        let shown = StoredText.escaped(text)
        guard shown.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return shown }
        var out = ""
        out.reserveCapacity(shown.utf8.count + 16)
        for c in shown.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Text a person wrote (names, notes, reasons): escaped and isolated from its neighbours.
    public static func free(_ text: String) -> String { "<bdi>\(escaped(text))</bdi>" }
}

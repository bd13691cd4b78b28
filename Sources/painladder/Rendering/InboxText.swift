import Foundation
import PainLadder

/// The inbox as text: one line per item, most urgent first.
///
/// `#7  OPEN  red-flag  P001  2026-03-20 14:05Z  P001 reported a red-flag symptom … (re-notified 2×)`
enum InboxText {
    static func render(_ items: [InboxItem], all: Bool) -> String {
        guard !items.isEmpty else { return all ? "The inbox is empty." : "Nothing open in the inbox." }
        return items.map(line).joined(separator: "\n")
    }

    static func line(_ i: InboxItem) -> String {
        var text = "#\(i.id)  \(i.state.rawValue.uppercased())  \(i.category.rawValue)  \(Output.shown(i.patientID))  "
            + "opened \(instant(i.openedAt))  \(Output.shown(i.message))"
        if i.renotified > 0 { text += " (re-notified \(i.renotified)×)" }
        if let ack = i.acknowledgement {
            text += "; acknowledged by \(Output.shown(ack.by)) at \(instant(ack.at))"
            if let note = ack.note { text += ": \(Output.shown(note))" }
        }
        if let r = i.resolution { text += "; resolved by a decision (plan version \(r.planVersionID)) at \(instant(r.at))" }
        return text
    }

    /// The review screen's lines: the patient's open items, or nothing.
    static func review(_ items: [InboxItem]) -> String? {
        guard !items.isEmpty else { return nil }
        return (["Inbox: \(items.count) open (acknowledge with 'painladder ack ITEM --by NAME'):"]
                + items.map { "  " + line($0) }).joined(separator: "\n")
    }

    static func instant(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withSpaceBetweenDateAndTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return String(f.string(from: d).prefix(16)) + "Z"
    }
}

import PainLadder

/// One reminder as a line for a person reading cron's mail.
enum ReminderText {
    /// `2026-03-02 22:00 Europe/London · P001 · to patient · Time to take … [dose:c1:2026-03-02T22:00]`
    static func line(_ r: Reminder) -> String {
        "\(r.localDate) \(r.localTime) \(r.timeZone) · \(r.patientID) · to \(r.audience.rawValue) · \(Output.shown(r.message)) [\(r.key)]"
    }
}

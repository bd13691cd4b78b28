import Foundation
import PainLadder

extension TimeExpression {
    /// Reads a time as typed: `now`; `HH:MM` (today); `today HH:MM` or `yesterday HH:MM`;
    /// `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`; an ISO 8601 instant with offset
    /// (`2026-03-05T22:10:00Z`, `…+01:00`). With `dateAlone`, also `YYYY-MM-DD` (that day).
    ///
    /// The words only: the library resolves the result against the patient's zone history.
    init(parsing text: String, flag: String = "--at", dateAlone: Bool = false) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        let fail = BadArgument(field: flag, given: text,
                               allowed: "now, HH:MM, 'yesterday HH:MM', 'YYYY-MM-DD HH:MM' or an ISO 8601 instant")
        if dateAlone, let date = LocalDate(parsing: t) { self.init(.day(date), given: text); return }
        if t.lowercased() == "now" { self.init(.now, given: text); return }
        if let d = TimeInput.instant(t) { self.init(.instant(d), given: text); return }
        let parts = t.replacingOccurrences(of: "T", with: " ").split(separator: " ").map(String.init)
        switch parts.count {
        case 1:
            guard let time = LocalTime(parsing: parts[0]) else { throw fail }
            self.init(.wallClock(.today, time), given: text)
        case 2:
            guard let time = LocalTime(parsing: parts[1]) else { throw fail }
            let day: Day
            switch parts[0].lowercased() {
            case "today": day = .today
            case "yesterday": day = .yesterday
            default:
                guard let d = LocalDate(parsing: parts[0]) else { throw fail }
                day = .date(d)
            }
            self.init(.wallClock(day, time), given: text)
        default:
            throw fail
        }
    }
}

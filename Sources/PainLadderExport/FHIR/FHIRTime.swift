import Foundation
import PainLadder

/// FHIR `dateTime`/`instant` text of an instant, in the patient's zone in force then, with
/// its offset (`2026-03-02T22:05:00+00:00`): FHIR requires an offset whenever there is a
/// time, and the local wall time is what the patient saw.
struct FHIRTime {
    let zones: ZoneHistory
    /// The zone when there was never a move: one `TimeZone` for every instant.
    private let single: TimeZone?

    init(zones: ZoneHistory) {
        self.zones = zones
        single = zones.changes.count <= 1 ? zones.zone(on: LocalDate(dayNumber: 0)) : nil
    }

    func dateTime(_ instant: Date) -> FHIRJSON {
        .string(text(instant))
    }

    func text(_ instant: Date) -> String {
        let zone = single ?? zones.zone(at: instant)
        let offset = zone.secondsFromGMT(for: instant)
        let t = instant.timeIntervalSince1970
        let whole = t.rounded(.down)
        let millis = Int(((t - whole) * 1000).rounded(.down))
        let local = Int(whole) + offset
        let day = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - day * 86_400
        var s = LocalDate(dayNumber: day).description + "T"
        s += Self.two(secondOfDay / 3600) + ":" + Self.two(secondOfDay / 60 % 60) + ":" + Self.two(secondOfDay % 60)
        if millis > 0 { s += "." + String(String(millis + 1000).dropFirst()) }
        let sign = offset < 0 ? "-" : "+"
        s += sign + Self.two(abs(offset) / 3600) + ":" + Self.two(abs(offset) / 60 % 60)
        return s
    }

    /// A calendar day as a FHIR `date` (the whole local day).
    static func date(_ day: LocalDate) -> FHIRJSON { .string(day.description) }

    /// A wall-clock time as a FHIR `time` (`22:00:00`).
    static func time(_ time: LocalTime) -> FHIRJSON { .string(time.description + ":00") }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

import Foundation

/// A ``ZoneHistory`` with each zone looked up once and its offsets cached (``ZoneOffsets``):
/// the same answers as `ZoneHistory.zone(on:)`, `zone(at:)` and `localDate(_:)`, for code
/// that asks thousands of times (a review, a dose calendar). Make one per computation.
final class ZoneClock {
    let history: ZoneHistory
    /// Per change, as `zone(on:)` reads it: an unknown identifier is UTC.
    private let onDay: [ZoneOffsets]
    /// Per change, as `zone(at:)` reads it: an unknown identifier is skipped.
    private let atInstant: [ZoneOffsets?]
    private let utc: ZoneOffsets

    init(_ history: ZoneHistory) {
        self.history = history
        // One cache per identifier, shared by every change that names it.
        var byID: [String: ZoneOffsets] = [:]
        func offsets(_ zone: TimeZone) -> ZoneOffsets {
            if let known = byID[zone.identifier] { return known }
            let made = ZoneOffsets(zone)
            byID[zone.identifier] = made
            return made
        }
        let utc = offsets(TimeZone(identifier: "UTC")!)
        self.utc = utc
        atInstant = history.changes.map { TimeZone(identifier: $0.zone).map(offsets) }
        onDay = history.changes.map { change in
            TimeZone(identifier: change.zone).map(offsets) ?? utc
        }
    }

    /// `history.zone(on: date)`, with its offsets.
    func zone(on date: LocalDate) -> ZoneOffsets {
        let changes = history.changes
        var i = changes.count - 1
        while i >= 0, changes[i].from > date { i -= 1 }
        if i >= 0 { return onDay[i] }
        return onDay.first ?? utc
    }

    /// `history.zone(at: instant)`, with its offsets.
    func zone(at instant: Date) -> ZoneOffsets {
        let changes = history.changes
        for i in changes.indices.reversed() {
            guard let zone = atInstant[i] else { continue }
            if zone.localDate(instant) >= changes[i].from { return zone }
        }
        return atInstant.first.flatMap { $0 } ?? utc
    }

    /// `history.localDate(instant)`: the patient's local date at an instant, in the zone in force then.
    func localDate(_ instant: Date) -> LocalDate {
        zone(at: instant).localDate(instant)
    }
}

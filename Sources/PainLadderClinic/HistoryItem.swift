import Foundation
import PainLadder

/// One line of history: an entry, the plan version in force, and what replaced it if anything.
public struct HistoryItem: Sendable, Encodable {
    public var entry: JournalEntry?
    /// A plan version created at this point (start, hold, decision).
    public var plan: PlanVersion?
    /// The plan version in force when the entry was recorded.
    public var planVersion: Int?
    /// The entry that corrected or undid this one.
    public var supersededBy: Int64?
    public var at: Date
    /// The patient's time zone at `at` (it follows moves), for showing local times.
    public var timeZone: String

    /// Everything recorded, in time order, with the plan version in force at the time; only
    /// the local days from `from` to `to` when given.
    public static func items(of record: PatientRecord, from: LocalDate?, to: LocalDate?) -> [HistoryItem] {
        let zones = record.zones
        let inRange = { (d: Date) -> Bool in
            let day = zones.localDate(d)
            return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
        }
        // Oldest first within each course, courses by id: the order the versions were written in.
        let versions = record.courses.flatMap(\.versions).sorted { ($0.courseID, $0.version) < ($1.courseID, $1.version) }
        let versionByID = Dictionary(versions.compactMap { v in v.id.map { ($0, v.version) } }, uniquingKeysWith: { a, _ in a })
        let replaced = Journal.replacements(record.journal)
        var items: [HistoryItem] = record.journal.filter { inRange($0.at) }.map { e in
            HistoryItem(entry: e, plan: nil, planVersion: e.planVersionID.flatMap { versionByID[$0] },
                        supersededBy: e.id.flatMap { replaced[$0]?.id }, at: e.at,
                        timeZone: zones.zone(at: e.at).identifier)
        }
        items += versions.filter { inRange($0.createdAt) }.map {
            HistoryItem(entry: nil, plan: $0, planVersion: $0.version, supersededBy: nil, at: $0.createdAt,
                        timeZone: zones.zone(at: $0.createdAt).identifier)
        }
        return items.sorted { ($0.at, $0.entry?.id ?? 0) < ($1.at, $1.entry?.id ?? 0) }
    }
}

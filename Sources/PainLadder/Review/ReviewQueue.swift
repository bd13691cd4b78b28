import Foundation

/// The clinician's day list: patients whose review is due or overdue. Pure: the store
/// supplies each course in progress with its current plan's review date.
public enum ReviewQueue {
    /// A course in progress and its current plan's review date, as the store reads it.
    public struct Entry: Sendable, Equatable {
        public var patientID: String
        public var patientName: String?
        /// The patient's IANA zone: "today" is the patient's own day.
        public var timeZone: String
        public var courseID: Int64
        public var drug: String
        public var planVersion: Int
        public var nextReviewDate: LocalDate
        public var holdReason: String?

        public init(patientID: String, patientName: String?, timeZone: String, courseID: Int64, drug: String,
                    planVersion: Int, nextReviewDate: LocalDate, holdReason: String?) {
            self.patientID = patientID
            self.patientName = patientName
            self.timeZone = timeZone
            self.courseID = courseID
            self.drug = drug
            self.planVersion = planVersion
            self.nextReviewDate = nextReviewDate
            self.holdReason = holdReason
        }
    }

    /// One line of the day list.
    public struct Item: Codable, Sendable, Equatable {
        public var patientID: String
        public var patientName: String?
        public var courseID: Int64
        public var drug: String
        public var planVersion: Int
        public var nextReviewDate: LocalDate
        /// Today in the patient's zone.
        public var today: LocalDate
        /// 0 due today, negative when overdue.
        public var daysUntilDue: Int
        public var overdue: Bool
        public var overdueDays: Int
        public var holdReason: String?
    }

    /// The reviews to list, earliest date first (then patient id).
    ///
    /// - Parameters:
    ///   - within: also list reviews due in the next `within` days; `nil` lists those due
    ///     today or earlier.
    ///   - overdueOnly: only reviews whose date has passed.
    public static func items(_ entries: [Entry], now: Date, within days: Int?, overdueOnly: Bool) -> [Item] {
        entries.compactMap { e -> Item? in
            let zone = TimeZone(identifier: e.timeZone) ?? TimeZone(identifier: "UTC")!
            let today = LocalDate(now, in: zone)
            let until = today.days(to: e.nextReviewDate)
            guard overdueOnly ? until < 0 : until <= (days ?? 0) else { return nil }
            return Item(patientID: e.patientID, patientName: e.patientName, courseID: e.courseID, drug: e.drug,
                        planVersion: e.planVersion, nextReviewDate: e.nextReviewDate, today: today,
                        daysUntilDue: until, overdue: until < 0, overdueDays: max(0, -until), holdReason: e.holdReason)
        }.sorted { ($0.nextReviewDate, $0.patientID) < ($1.nextReviewDate, $1.patientID) }
    }

    /// The latest review date any patient's list could include: today in the zone furthest
    /// ahead of UTC (UTC+14), plus `within` days. The store reads up to here; ``items`` then
    /// applies each patient's own day.
    public static func cutoff(now: Date, within days: Int?) -> LocalDate {
        LocalDate(now, in: TimeZone(secondsFromGMT: 14 * 3600)!).adding(days: max(0, days ?? 0))
    }
}

import Foundation

/// One thing the reminder job hands out: who it is for, about which patient, what and when.
///
/// ``key`` is stable: the same reminder computed by any run, before or after a crash, has
/// the same key (kind, course, slot or date), so the store records it once and a receiver
/// can drop a repeat.
///
/// ```swift
/// // dose:c12:2026-03-02T22:00 · patient · "Time to take amitriptyline 20 mg (2 × 10 mg tablets), due at 22:00."
/// ```
public struct Reminder: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A planned dose due now and not recorded (patient).
        case dose
        /// The dose changes today or tomorrow, or the course starts (patient).
        case doseChange = "dose-change"
        /// Planned step-ups wait for a clinician (clinician).
        case stepUpHeld = "step-up-held"
        /// A review due within a few days (clinician).
        case reviewDue = "review-due"
        /// A review date that has passed (clinician).
        case reviewOverdue = "review-overdue"
        /// Doses in a row with nothing recorded (clinician).
        case missedDoses = "missed-doses"
        /// Recorded supply runs out soon by the plan's coming doses: ask for a prescription (patient).
        case supply
        /// Something the patient recorded that the clinician must hear of now, not at the next
        /// review: a dose above the maximum (clinician).
        case clinician
    }

    public enum Audience: String, Codable, Sendable, CaseIterable {
        case patient, clinician
    }

    public var key: String
    public var kind: Kind
    public var audience: Audience
    public var patientID: String
    public var courseID: Int64
    /// The IANA zone the local date and time are in.
    public var timeZone: String
    /// When the reminder is about (a dose's slot, a change's first dose, a review day), on
    /// the patient's wall clock.
    public var localDate: LocalDate
    public var localTime: LocalTime
    /// The same moment as an instant.
    public var at: Date
    /// Plain words, times in the patient's local time.
    public var message: String
    /// For a ``Kind/clinician`` notice, the flag on the entry it is about (a red flag or a
    /// dose above the maximum); `nil` otherwise and in reminders stored before it was kept.
    public var flag: ClinicianFlag.Kind?

    public init(key: String, kind: Kind, audience: Audience, patientID: String, courseID: Int64,
                timeZone: String, localDate: LocalDate, localTime: LocalTime, at: Date, message: String,
                flag: ClinicianFlag.Kind? = nil) {
        self.key = key
        self.kind = kind
        self.audience = audience
        self.patientID = patientID
        self.courseID = courseID
        self.timeZone = timeZone
        self.localDate = localDate
        self.localTime = localTime
        self.at = at
        self.message = message
        self.flag = flag
    }

    /// "2026-03-02T22:00", the local date and wall-clock time.
    public var local: String { "\(localDate)T\(localTime)" }

    /// "2026-03-02T22:00:00Z".
    public var utc: String { Self.utcText(at) }

    static func utcText(_ date: Date) -> String {
        let (d, t) = WallClock.local(date, in: TimeZone(identifier: "UTC")!)
        let seconds = Int(floor(date.timeIntervalSince1970)) % 60
        return "\(d)T\(t):\(String(format: "%02d", (seconds + 60) % 60))Z"
    }
}

extension Reminder {
    /// The stable key: `kind:c<course>:<parts…>`, e.g. `dose:c12:2026-03-02T22:00`.
    static func key(_ kind: Kind, course: Int64, _ parts: String...) -> String {
        ([kind.rawValue, "c\(course)"] + parts).joined(separator: ":")
    }
}

import Foundation

/// One clinician-facing event waiting for a clinician's eyes: opened by the reminder job when
/// it hands the event out, acknowledged by a clinician (who, when, a note), resolved by the
/// next decision on the course. Its state changes are kept, never overwritten.
///
/// ```swift
/// // #7 red-flag P001 c12 "Swelling of the face … reported on pregabalin" (open, re-notified 2×)
/// ```
public struct InboxItem: Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case open, acknowledged, resolved
    }

    /// A clinician's acknowledgement.
    public struct Acknowledgement: Sendable, Equatable {
        public var by: String
        public var at: Date
        public var note: String?

        public init(by: String, at: Date, note: String?) {
            self.by = by
            self.at = at
            self.note = note
        }
    }

    /// The decision that resolved it: the plan version it made.
    public struct Resolution: Sendable, Equatable {
        public var planVersionID: Int64
        public var at: Date

        public init(planVersionID: Int64, at: Date) {
            self.planVersionID = planVersionID
            self.at = at
        }
    }

    public var id: Int64
    /// The key of the reminder that opened it (`clinician:c12:e41`).
    public var key: String
    public var category: InboxCategory
    public var patientID: String
    public var courseID: Int64
    /// When the event happened or is about (the reminder's instant).
    public var at: Date
    public var openedAt: Date
    public var message: String
    /// How many times the reminder job handed it out again.
    public var renotified: Int
    /// When the job hands it out again while open (`nil`: never).
    public var renotifyAt: Date?
    public var acknowledgement: Acknowledgement?
    public var resolution: Resolution?

    public init(id: Int64, key: String, category: InboxCategory, patientID: String, courseID: Int64, at: Date,
                openedAt: Date, message: String, renotified: Int = 0, renotifyAt: Date? = nil,
                acknowledgement: Acknowledgement? = nil, resolution: Resolution? = nil) {
        self.id = id
        self.key = key
        self.category = category
        self.patientID = patientID
        self.courseID = courseID
        self.at = at
        self.openedAt = openedAt
        self.message = message
        self.renotified = renotified
        self.renotifyAt = renotifyAt
        self.acknowledgement = acknowledgement
        self.resolution = resolution
    }

    /// Resolved wins over acknowledged; neither: open.
    public var state: State {
        if resolution != nil { return .resolved }
        return acknowledgement != nil ? .acknowledged : .open
    }

    /// Most urgent first: open before acknowledged before resolved, then by category, then oldest first.
    public static func urgentFirst(_ a: InboxItem, _ b: InboxItem) -> Bool {
        func rank(_ s: State) -> Int { s == .open ? 0 : s == .acknowledged ? 1 : 2 }
        return (rank(a.state), a.category.urgency, a.openedAt, a.id) < (rank(b.state), b.category.urgency, b.openedAt, b.id)
    }
}

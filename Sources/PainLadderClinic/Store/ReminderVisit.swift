import Foundation

/// A course a reminder run visits, and whether its horizon must be rebuilt after the visit.
public struct ReminderVisit: Sendable, Equatable {
    public var courseID: Int64
    public var rebuildHorizon: Bool

    public init(courseID: Int64, rebuildHorizon: Bool) {
        self.courseID = courseID
        self.rebuildHorizon = rebuildHorizon
    }
}

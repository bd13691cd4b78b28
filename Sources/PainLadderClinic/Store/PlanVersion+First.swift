import PainLadder

extension PlanVersion {
    /// This plan as the first version of course `courseID`: version 1, replacing nothing
    /// (what every store writes when a course starts).
    ///
    /// ```swift
    /// let first = plan.asFirstVersion(of: 12)   // courseID 12, version 1, replacesID nil
    /// ```
    public func asFirstVersion(of courseID: Int64) -> PlanVersion {
        var first = self
        first.courseID = courseID
        first.version = 1
        first.replacesID = nil
        return first
    }
}

/// The versioned JSON contract of `--json` outputs and reminder lines: types of their own
/// (not the core's synthesized `Codable`), one naming style (`patientID`, `courseID`,
/// `planVersionID`), numbers as numbers, and a `schemaVersion` in every document, each
/// described by a JSON Schema in `schemas/` (README: "JSON output").
///
/// ```swift
/// try Output.json(CourseDocument(patientID: "P001", course: course, plan: plan))
/// ```
enum JSONContract {
    /// Raised when a field is removed, renamed or changes meaning; adding a field keeps it.
    static let schemaVersion = 1
}

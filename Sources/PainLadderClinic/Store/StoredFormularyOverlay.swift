import Foundation

/// A clinic's local formulary overlay as kept in its database: every version is kept, the
/// newest is in force.
///
/// ```swift
/// // version 2 · "West Suffolk pathway" · west-suffolk.json · sha256 3f1c… · Dr Rao, "pathway 2026 update"
/// ```
public struct StoredFormularyOverlay: Sendable, Equatable {
    public var version: Int
    /// The overlay's own name (its `name` field).
    public var name: String
    /// The file name it was stored from.
    public var file: String
    /// The file's bytes, as given.
    public var content: Data
    /// SHA-256 of ``content``, hex.
    public var sha256: String
    public var storedAt: Date
    public var storedBy: String
    public var reason: String

    public init(version: Int, name: String, file: String, content: Data, sha256: String, storedAt: Date,
                storedBy: String, reason: String) {
        self.version = version
        self.name = name
        self.file = file
        self.content = content
        self.sha256 = sha256
        self.storedAt = storedAt
        self.storedBy = storedBy
        self.reason = reason
    }
}

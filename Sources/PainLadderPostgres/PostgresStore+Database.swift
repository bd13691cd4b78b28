import Foundation

extension PostgresStore {
    /// Creates an empty database `name` on the server `admin` logs in to (a login allowed to
    /// create databases): for tests and for `migrate --to` onto a new server.
    ///
    /// ```swift
    /// try PostgresStore.createDatabase("clinic_north", on: adminSettings)
    /// ```
    public static func createDatabase(_ name: String, on admin: PostgresSettings) throws {
        let session = try PostgresSession(admin)
        // Identifiers cannot be parameters: quote it as one.
        try session.script("CREATE DATABASE \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
    }
}

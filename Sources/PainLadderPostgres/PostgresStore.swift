import Foundation
import PainLadder
import PainLadderClinic
import PostgresNIO

/// The clinic's records on a PostgreSQL server (issue 18): the SQLite store's schema and
/// guarantees in PostgreSQL's terms, every unit of work one SERIALIZABLE transaction
/// (retried on a serialization failure, then ``PainLadderError/databaseBusy(path:)``).
///
/// Implemented so far: the schema's first migration and the patient units of work (see
/// `PostgresStore+Patients.swift`); it does not yet conform to ``ClinicStore``.
///
/// ```swift
/// let settings = try PostgresSettings(url: "postgresql://127.0.0.1:5432/clinic",
///                                     environment: ProcessInfo.processInfo.environment)
/// let store = try PostgresStore(settings)
/// try store.addPatient(patient, at: Date(), by: "dr.khan")
/// ```
public final class PostgresStore: Sendable {
    let session: PostgresSession

    /// Logs in and brings the schema up to date.
    /// - Throws: ``PainLadderError/noDatabase(path:reason:)`` when the server cannot be reached
    ///   or refuses the login (the message names the server, never the password).
    public init(_ settings: PostgresSettings) throws {
        session = try PostgresSession(settings)
        try PostgresSchema.migrate(session)
    }

    /// The migrations the database has, in the order applied.
    public func appliedMigrations() throws -> [String] {
        try PostgresSchema.applied(session)
    }

    /// Appends one audit row; the server adds its id and the login.
    func audit(_ event: AuditEvent) throws {
        let detail = try PostgresJSON.encode(event.detail)
        try session.run("""
            INSERT INTO audit (at, actor, action, patient_id, course_id, detail)
            VALUES (\(PostgresTime.rounded(event.at)), \(event.actor), \(event.action), \(event.patientID),
                    \(event.courseID), \(detail)::jsonb)
            """)
    }
}

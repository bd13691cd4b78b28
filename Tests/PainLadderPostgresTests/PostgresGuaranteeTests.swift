import Foundation
import PainLadder
@testable import PainLadderPostgres
import Testing

/// What only the server store has: versioned migrations, server-side guards, the login in the
/// audit, serializable transactions retried then reported busy.
@Suite struct PostgresGuaranteeTests {
    @Test func migrationsApplyOnceAndAreRecorded() throws {
        let settings = try TestServer.freshDatabase()
        let first = try PostgresStore(settings)
        let second = try PostgresStore(settings)   // opening again applies nothing new
        #expect(try first.appliedMigrations() == PostgresSchema.migrations.map(\.name))
        #expect(try second.appliedMigrations() == PostgresSchema.migrations.map(\.name))
    }

    @Test func theServerRefusesToRewriteTheAuditTrail() throws {
        let store = try PostgresStore(try TestServer.freshDatabase())
        try store.addPatient(PatientBackendTests.full("P001"), at: Date(), by: "dr.khan")
        for statement in ["UPDATE audit SET actor = 'someone'", "DELETE FROM audit", "TRUNCATE audit"] {
            #expect(throws: (any Error).self, "\(statement)") {
                try store.session.transaction { try store.session.script(statement) }
            }
        }
        #expect(try store.auditTrail(patientID: "P001").map(\.actor) == ["dr.khan"])
    }

    @Test func theAuditRecordsTheLogin() throws {
        let settings = try TestServer.freshDatabase()
        let store = try PostgresStore(settings)
        try store.addPatient(PatientBackendTests.full("P001"), at: Date(), by: "dr.khan")
        let logins = try store.session.run("SELECT login FROM audit").map { try $0.decode(String.self) }
        #expect(logins == [settings.user])
    }

    /// Two transactions that each read the patient table and then add a patient (write skew):
    /// the server fails one of them; the store runs it again and both patients are kept.
    @Test func aSerializationFailureIsRetried() throws {
        let settings = try TestServer.freshDatabase()
        let store = try PostgresStore(settings), other = try PostgresStore(settings)
        var attempts = 0
        try store.session.transaction {
            attempts += 1
            _ = try store.session.run("SELECT count(*) FROM patient")
            if attempts == 1 {
                try other.session.transaction {
                    _ = try other.session.run("SELECT count(*) FROM patient")
                    try other.addPatientRow("P002")
                }
            }
            try store.addPatientRow("P001")
        }
        #expect(attempts == 2)
        #expect(try store.patients().map(\.id) == ["P001", "P002"])
    }

    @Test func repeatedSerializationFailuresReportBusy() throws {
        let settings = try TestServer.freshDatabase()
        let store = try PostgresStore(settings), other = try PostgresStore(settings)
        var attempts = 0
        #expect(throws: PainLadderError.databaseBusy(path: settings.shown)) {
            try store.session.transaction {
                attempts += 1
                _ = try store.session.run("SELECT count(*) FROM patient")
                try other.session.transaction {
                    _ = try other.session.run("SELECT count(*) FROM patient")
                    try other.addPatientRow("Q\(attempts)")
                }
                try store.addPatientRow("P\(attempts)")
            }
        }
        #expect(attempts == PostgresSession.attempts)
        #expect(try store.patients().map(\.id).allSatisfy { $0.hasPrefix("Q") })
    }
}

extension PostgresStore {
    /// A patient row alone (no audit, no transaction of its own), for the conflict tests.
    func addPatientRow(_ id: String) throws {
        try session.run("""
            INSERT INTO patient (id, birth_date, sex, time_zone, hepatic_impairment, frail, pregnancy_potential,
                diagnosis, conditions, medicines, created_at, updated_at)
            VALUES (\(id), '1960-01-01', 'male', 'UTC', false, false, false, 'x', '[]', '[]', now(), now())
            """)
    }
}

import Foundation
import PainLadder
import PainLadderClinic
import PainLadderPostgres
import PainLadderStore
import PainLadderTestSupport
import Testing

/// A backend the store tests run against: a SQLite file in a temporary folder, or a fresh
/// database on the private PostgreSQL cluster. The same tests, the same expectations.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgresql

    var testDescription: String { rawValue }

    func withStore<T>(_ body: (any ClinicStore) throws -> T) throws -> T {
        switch self {
        case .sqlite:
            try withTemporaryDirectory { dir in
                try body(try Store(path: dir + "/clinic.sqlite", createIfMissing: true))
            }
        case .postgresql:
            try body(try PostgresStore(try TestServer.freshDatabase()))
        }
    }
}

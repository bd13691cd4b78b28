import Foundation
import GRDB
import PainLadder
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Store {
    /// Opens a clinic's database as ``init(path:createIfMissing:readOnly:allowedOwner:busyTimeout:)``
    /// does, with one exception to "only this account's own files": a file owned by an account
    /// that the clinic's own settings name as a clinician (for example a service account
    /// `painladder` owning the clinic's file while the administrator runs `verify` as root).
    ///
    /// The settings are read from the file itself, read-only and without migrating it; a file
    /// whose owner is not named there is refused exactly as before.
    public static func openClinic(path: String, createIfMissing: Bool, readOnly: Bool = false) throws -> Store {
        do {
            return try Store(path: path, createIfMissing: createIfMissing, readOnly: readOnly)
        } catch let error as PainLadderError {
            guard case .noDatabase = error, let owner = foreignOwner(path),
                  namedClinicians(path).contains(SystemAccount.name(of: owner)) else { throw error }
            return try Store(path: path, createIfMissing: createIfMissing, readOnly: readOnly, allowedOwner: owner)
        }
    }

    /// The owner of a regular file at `path` when it is not this process's account.
    static func foreignOwner(_ path: String) -> uid_t? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid != geteuid() else { return nil }
        return info.st_uid
    }

    /// The clinician accounts the file names, read-only (no migration, no write); none when the
    /// file cannot be read or predates clinic accounts.
    static func namedClinicians(_ path: String) -> Set<String> {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration),
              let names = try? queue.read({ db in
                  try String.fetchAll(db, sql: "SELECT account FROM clinic_account WHERE role = 'clinician'")
              }) else { return [] }
        return Set(names)
    }
}

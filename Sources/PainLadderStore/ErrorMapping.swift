import Foundation
import GRDB
import PainLadder

extension Store {
    /// The reason given for a file that is not (or no longer) a PainLadder database.
    static let notOurs = "is not a PainLadder database"

    /// Turns anything thrown under the store into a ``PainLadderError`` a person can act on.
    static func mapped(_ error: any Error, path: String) -> PainLadderError {
        switch error {
        case let error as PainLadderError:
            return error
        case let error as DatabaseError:
            let detail = error.message ?? "\(error.resultCode)"
            // Say what is wrong with the disk rather than with the file: a full disk surfaces
            // as SQLITE_FULL or as an I/O error (the -shm cannot grow), a read-only mount as
            // "read-only" or "cannot open".
            if error.resultCode == .SQLITE_FULL
                || (error.resultCode == .SQLITE_IOERR && DatabaseFile.onFullFileSystem(path)) {
                return .diskFull(path: path)
            }
            if [.SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode)
                && DatabaseFile.onReadOnlyFileSystem(path) {
                return .readOnlyFileSystem(path: path)
            }
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .databaseBusy(path: path)
            case .SQLITE_NOTADB:
                return .noDatabase(path: path, reason: notOurs + " (\(detail))")
            case .SQLITE_CORRUPT:
                return .noDatabase(path: path, reason: notOurs + " or it is damaged (\(detail)); restore it from a backup")
            case .SQLITE_READONLY:
                return .noDatabase(path: path, reason: "is read-only (\(detail)); PainLadder needs to write to it and to its folder")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                return .noDatabase(path: path, reason: "cannot be opened (\(detail)); check the file's and its folder's permissions")
            case .SQLITE_IOERR:
                return .internalError("input/output error on '\(path)' (\(detail)); nothing was changed")
            default:
                return .internalError("SQLite: \(error.description)")
            }
        case let error as DecodingError:
            return .internalError("a record in '\(path)' cannot be read: \(error)")
        default:
            return .internalError("\(error)")
        }
    }
}

import Foundation
import PainLadder

/// The database file on disk, before SQLite opens it: existence, permissions, header.
///
/// Everything here runs before SQLite touches the file, so a file that is refused is left
/// exactly as it was.
struct DatabaseFile {
    let path: String

    /// What the first 100 bytes (the SQLite header) say.
    enum Contents: Equatable {
        /// No file at `path`.
        case missing
        /// A zero-length file: a database that has not been written yet.
        case empty
        /// A SQLite database; `applicationID` as the header on disk holds it (a header
        /// still in the WAL is not visible here).
        case sqlite(applicationID: Int32)
    }

    /// Checks the file and reads its header; throws when it must not be used.
    func inspect() throws -> Contents {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw PainLadderError.noDatabase(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw PainLadderError.noDatabase(path: path, reason: "is not a regular file")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o022 != 0 {
            throw PainLadderError.noDatabase(
                path: path,
                reason: "other users can write to it (mode \(String(mode, radix: 8))); it holds health data: "
                    + "check who changed it, then run 'chmod 600 \(path)'")
        }
        guard access(path, R_OK | W_OK) == 0 else {
            throw PainLadderError.noDatabase(
                path: path,
                reason: "is read-only for this user (mode \(String(mode, radix: 8))); PainLadder needs to write to it")
        }
        if info.st_size == 0 { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PainLadderError.noDatabase(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw PainLadderError.noDatabase(path: path, reason: Store.notOurs + " (it is not a SQLite file)")
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return .sqlite(applicationID: Int32(bitPattern: id))
    }

    /// Creates the parent folders (mode 0700) and an empty file with mode 0600, before
    /// SQLite opens it. SQLite gives the -wal and -shm files the mode of the database file.
    func createPrivately() throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try Self.makeDirectories(parent, for: path) }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }   // another process created it first: it is checked next
            throw PainLadderError.noDatabase(path: path, reason: "cannot be created (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)   // a umask can only remove bits, but say exactly what we mean
    }

    /// Gives `-wal` and `-shm` no more permission than the database file itself.
    func tightenCompanions() {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mode = info.st_mode & 0o777
        for suffix in ["-wal", "-shm"] {
            var companion = stat()
            let name = path + suffix
            if stat(name, &companion) == 0, companion.st_mode & 0o777 & ~mode != 0 {
                _ = chmod(name, mode)
            }
        }
    }

    /// `mkdir -p` with mode 0700 for each folder it creates.
    private static func makeDirectories(_ directory: String, for path: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw PainLadderError.noDatabase(path: path, reason: "'\(directory)' is not a folder")
            }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != directory { try makeDirectories(parent, for: path) }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw PainLadderError.noDatabase(
                path: path, reason: "cannot create the folder '\(directory)' (\(String(cString: strerror(errno))))")
        }
        _ = chmod(directory, 0o700)
    }
}

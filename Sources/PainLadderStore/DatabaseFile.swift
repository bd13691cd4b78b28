import Foundation
import PainLadder

/// The database file on disk, before SQLite opens it: existence, ownership, permissions,
/// header, and the same checks for its `-wal` and `-shm` companions.
///
/// Everything here runs before SQLite touches the file, so a file that is refused is left
/// exactly as it was. A symbolic link is refused rather than followed (the path itself
/// must be the file): a link could send health data to a place with other permissions,
/// and SQLite would follow it for `-wal` and `-shm` too.
struct DatabaseFile {
    let path: String
    /// Whether the command will write (a reading command needs only the owner's read bit).
    let forWriting: Bool
    /// An account besides this process's own whose file is accepted: the hook for the
    /// account a clinic's settings name as the database's owner. `nil`: only our own files.
    let allowedOwner: uid_t?

    /// The companions SQLite keeps beside the database in WAL mode.
    static let companionSuffixes = ["-wal", "-shm"]

    /// Group and other read and write bits: none may be set on health data.
    static let sharedBits: mode_t = 0o066

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

    /// Checks the file and its companions and reads its header; throws when it must not be used.
    func inspect() throws -> Contents {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw PainLadderError.noDatabase(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        try checkPrivate(path, info)
        let mode = info.st_mode & 0o777
        if forWriting {
            // The owner-write bit as well as access(): for root access() always succeeds.
            if info.st_mode & S_IWUSR == 0 {
                throw PainLadderError.noDatabase(
                    path: path, reason: "is read-only (mode \(String(mode, radix: 8))); PainLadder needs to write to it")
            }
            if access(path, R_OK | W_OK) != 0 {
                if errno == EROFS { throw PainLadderError.readOnlyFileSystem(path: path) }
                throw PainLadderError.noDatabase(
                    path: path,
                    reason: "is read-only for this user (mode \(String(mode, radix: 8))); PainLadder needs to write to it")
            }
        } else if info.st_mode & S_IRUSR == 0 || access(path, R_OK) != 0 {
            throw PainLadderError.noDatabase(path: path, reason: "cannot be read (mode \(String(mode, radix: 8)))")
        }
        for suffix in Self.companionSuffixes {
            var companion = stat()
            guard lstat(path + suffix, &companion) == 0 else { continue }
            try checkPrivate(path + suffix, companion)
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

    /// Refuses `name` (the database or a companion, as `lstat` saw it) unless it is a regular
    /// file, not a link, owned by this account (or ``allowedOwner``), that no one else may
    /// read or write.
    func checkPrivate(_ name: String, _ info: stat) throws {
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: name)) ?? "?"
            throw PainLadderError.noDatabase(
                path: name,
                reason: "is a symbolic link (to '\(target)'); PainLadder does not follow links to health data: "
                    + "give the real file's path instead")
        }
        guard kind == S_IFREG else {
            throw PainLadderError.noDatabase(path: name, reason: "is not a regular file")
        }
        if info.st_uid != geteuid() && info.st_uid != allowedOwner {
            throw PainLadderError.noDatabase(
                path: name,
                reason: "belongs to another account (uid \(info.st_uid)); PainLadder uses only files of the account "
                    + "running it (uid \(geteuid())): check who made it, then copy it or run as that account")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o022 != 0 {
            throw PainLadderError.noDatabase(
                path: name,
                reason: "other users can write to it (mode \(String(mode, radix: 8))); it holds health data: "
                    + "check who changed it, then run 'chmod 600 \(name)'")
        }
        if mode & Self.sharedBits != 0 {
            throw PainLadderError.noDatabase(
                path: name,
                reason: "other users can read it (mode \(String(mode, radix: 8))); it holds health data: "
                    + "run 'chmod 600 \(name)'")
        }
    }

    /// Creates the parent folders (mode 0700) and an empty file with mode 0600, before
    /// SQLite opens it. SQLite gives the -wal and -shm files the mode of the database file.
    func createPrivately() throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try Self.makeDirectories(parent, for: path) }
        let fd = open(path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            let failure = errno
            if failure == EEXIST {
                // Another process created it first (it is checked next), or a link is in the
                // way: O_EXCL does not follow one, even one that points nowhere yet.
                var info = stat()
                if lstat(path, &info) == 0 { try checkPrivate(path, info) }
                return
            }
            if failure == EROFS { throw PainLadderError.readOnlyFileSystem(path: path) }
            if failure == ENOSPC || failure == EDQUOT { throw PainLadderError.diskFull(path: path) }
            throw PainLadderError.noDatabase(path: path, reason: "cannot be created (\(String(cString: strerror(failure))))")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)   // a umask can only remove bits, but say exactly what we mean
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
            if errno == EROFS { throw PainLadderError.readOnlyFileSystem(path: path) }
            throw PainLadderError.noDatabase(
                path: path, reason: "cannot create the folder '\(directory)' (\(String(cString: strerror(errno))))")
        }
        _ = chmod(directory, 0o700)
    }

    /// Whether the file system holding `path` is mounted read-only.
    static func onReadOnlyFileSystem(_ path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_flag & UInt(ST_RDONLY) != 0
    }

    /// Whether the file system holding `path` has no space left for this account.
    static func onFullFileSystem(_ path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_bavail == 0
    }
}

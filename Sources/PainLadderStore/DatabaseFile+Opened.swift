import Foundation
import GRDB
import GRDBSQLite
import PainLadder

extension DatabaseFile {
    /// After SQLite has opened the file: checks that the file it holds open is the one
    /// ``inspect()`` checked (not one swapped in between) and takes group and other bits
    /// off it and its `-wal` and `-shm` through their descriptors (`fchmod`), so the files
    /// SQLite really writes are private whatever happened to the names.
    func secureOpened(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        if let fd = Self.descriptor(connection, SQLITE_FCNTL_FILE_POINTER) {
            var opened = stat(), named = stat()
            guard fstat(fd, &opened) == 0, lstat(path, &named) == 0,
                  opened.st_dev == named.st_dev, opened.st_ino == named.st_ino else {
                throw PainLadderError.noDatabase(
                    path: path, reason: "was replaced by another file while it was being opened; nothing was changed")
            }
            try checkPrivate(path, opened)
        }
        if let fd = Self.descriptor(connection, SQLITE_FCNTL_JOURNAL_POINTER) { Self.makePrivate(fd) }
        // SQLite keeps the -shm descriptor in shared state it does not hand out, and opening
        // the file here is not an option: closing any descriptor of a file drops every POSIX
        // lock this process holds on it, SQLite's WAL-index locks included (another process
        // then rebuilds the index under it). So: by name, after checking it is no link.
        var shm = stat()
        let shmPath = path + "-shm"
        if lstat(shmPath, &shm) == 0, shm.st_mode & S_IFMT == S_IFREG, shm.st_mode & 0o077 != 0 {
            _ = chmod(shmPath, shm.st_mode & 0o700)
        }
    }

    /// Takes group and other bits off an open file.
    private static func makePrivate(_ fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 != 0 else { return }
        _ = fchmod(fd, info.st_mode & 0o700)
    }

    /// The descriptor of the file SQLite opened for `connection` (`op`: the database file or
    /// its journal, the WAL), or nil when it is not open or not a file of SQLite's unix VFS.
    ///
    /// SQLite has no call that returns a descriptor; the unix VFS's `unixFile` starts with
    /// three pointers (methods, VFS, inode) and then the descriptor, a layout unchanged since
    /// 2008. `secureOpened` checks the result with `fstat` against the path, so a wrong guess
    /// is refused, never trusted.
    static func descriptor(_ connection: OpaquePointer, _ op: Int32) -> Int32? {
        var vfs: UnsafeMutablePointer<sqlite3_vfs>?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_VFS_POINTER, &vfs) == SQLITE_OK,
              let name = vfs?.pointee.zName, String(cString: name).hasPrefix("unix") else { return nil }
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(connection, "main", op, &file) == SQLITE_OK, let file,
              file.pointee.pMethods != nil else { return nil }
        return UnsafeRawPointer(file).load(fromByteOffset: 3 * MemoryLayout<UnsafeRawPointer>.stride, as: Int32.self)
    }
}

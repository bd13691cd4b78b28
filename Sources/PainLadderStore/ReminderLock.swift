import Foundation
import PainLadder
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Store {
    /// Runs `body` while holding the reminder job's lock: an exclusive `flock` on
    /// `<database>.remind-lock` (mode 0600), so one `painladder remind` runs at a time.
    ///
    /// Why a lock as well as the PRIMARY KEY: a reminder handed to a delivery command is
    /// claimed before the command runs and confirmed after it succeeds. The next run hands
    /// unconfirmed reminders out again; the lock makes sure none of them is still in flight
    /// in another run. The kernel releases the lock when the last process holding the
    /// descriptor ends, however it ends (SIGKILL included), so a killed run never blocks the
    /// next one for longer than its delivery command lives.
    ///
    /// - Throws: ``PainLadderError/busy(_:)`` (exit 75) when another run holds the lock
    ///   for longer than `timeout` seconds.
    public func withReminderRunLock<T>(timeout: TimeInterval = 5, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".remind-lock"
        // Not O_CLOEXEC: a delivery command started by the job inherits the locked descriptor
        // and holds the lock as long as it (or anything it started) lives, so a run killed
        // while its delivery runs cannot let the next run hand the same key to a second one.
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else {
            throw PainLadderError.noDatabase(path: lockPath, reason: "cannot open the reminder job's lock file (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                throw PainLadderError.internalError("cannot lock '\(lockPath)': \(String(cString: strerror(error)))")
            }
            if Date() >= deadline {
                throw PainLadderError.reminderRunInProgress(path: path)
            }
            usleep(20_000)
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }
}

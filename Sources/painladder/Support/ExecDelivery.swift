import Foundation
import PainLadder
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a delivery command for one reminder: `/bin/sh -c CMD`, the reminder's JSON line on
/// standard input, its key, kind, audience and patient in the environment. Delivered only
/// when the command exits 0 within the timeout, its input written in full.
///
/// Never two deliveries of one key at a time:
/// - the command inherits the job's locked descriptor (see `withReminderRunLock`), so the
///   next run waits while it, or anything it started, still lives;
/// - it gets SIGTERM when the job dies (Linux `PR_SET_PDEATHSIG`), so a killed job does not
///   leave it running;
/// - it leads its own process group: a timeout ends the whole group, not only `/bin/sh`;
/// - its input is in the pipe before it starts (a line is far below the pipe's 64 KiB), so
///   the receiver never reads an empty or partial line, even if the job is killed at once.
enum ExecDelivery {
    static func run(_ command: String, reminder: Reminder, timeout: TimeInterval) -> Bool {
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_REMINDER_KEY"] = reminder.key
        env["PAINLADDER_REMINDER_KIND"] = reminder.kind.rawValue
        env["PAINLADDER_REMINDER_AUDIENCE"] = reminder.audience.rawValue
        env["PAINLADDER_REMINDER_PATIENT"] = reminder.patientID
        let input = Array((ReminderLine.text(reminder) + "\n").utf8)

        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            Output.error("--exec: cannot make a pipe: \(String(cString: strerror(errno)))")
            return false
        }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        // Fill the pipe first, without blocking; whatever does not fit is written after the start.
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        var written = input.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        if written < 0 { written = 0 }
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) & ~O_NONBLOCK)

        guard let pid = ChildProcess.spawn(["/bin/sh", "-c", command], environment: env, standardInput: readEnd) else {
            Output.error("--exec: cannot run /bin/sh: \(String(cString: strerror(errno)))")
            close(readEnd); close(writeEnd)
            return false
        }
        close(readEnd)
        while written < input.count {
            let n = input[written...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }   // the command exited without reading it all
            written += n
        }
        close(writeEnd)

        guard let status = ChildProcess.wait(pid, timeout: timeout) else {
            // The whole group: a shell's children too.
            _ = kill(-pid, SIGTERM)
            if ChildProcess.wait(pid, timeout: 5) == nil {
                _ = kill(-pid, SIGKILL)
                _ = ChildProcess.wait(pid, timeout: .infinity)
            }
            _ = kill(-pid, SIGKILL)
            Output.error("--exec: the command took longer than \(Int(timeout)) s for \(reminder.key) and was stopped")
            return false
        }
        guard written == input.count else {
            Output.error("--exec: the command exited before reading its input for \(reminder.key); it stays unsent")
            return false
        }
        return status == 0
    }
}

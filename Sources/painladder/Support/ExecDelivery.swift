import Foundation
import PainLadder

/// Runs a delivery command for one reminder: `/bin/sh -c CMD`, the reminder's JSON line on
/// standard input, its key, kind, audience and patient in the environment. Delivered only
/// when the command exits 0 within the timeout.
enum ExecDelivery {
    static func run(_ command: String, reminder: Reminder, timeout: TimeInterval) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        env["PAINLADDER_REMINDER_KEY"] = reminder.key
        env["PAINLADDER_REMINDER_KIND"] = reminder.kind.rawValue
        env["PAINLADDER_REMINDER_AUDIENCE"] = reminder.audience.rawValue
        env["PAINLADDER_REMINDER_PATIENT"] = reminder.patientID
        process.environment = env
        let input = Pipe()
        process.standardInput = input
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            Output.error("--exec: cannot run /bin/sh: \(error.localizedDescription)")
            return false
        }
        // The command may exit without reading: a write error is its problem, not ours.
        try? input.fileHandleForWriting.write(contentsOf: Data((reminder.jsonLine + "\n").utf8))
        try? input.fileHandleForWriting.close()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); done.wait() }
            Output.error("--exec: the command took longer than \(Int(timeout)) s for \(reminder.key) and was stopped")
            return false
        }
        return process.terminationReason == .exit && process.terminationStatus == 0
    }
}

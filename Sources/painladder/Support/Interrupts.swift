#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Ctrl-C (SIGINT) does, so that a person never meets "recorded, printed nothing":
///
/// - Before the command opens the database it has recorded nothing: the handler says
///   "interrupted: nothing recorded" on stderr and exits 130 at once.
/// - From the opening on (``recording()``), the command is about to write: the signal is
///   only noted, the command finishes (commits and prints its confirmation, or fails and
///   says why, having changed nothing) and then says it was interrupted (``finish()``).
///   Commands take milliseconds, so Ctrl-C still ends them at once for a person.
///
/// `remind` restores the default (``restoreDefault()``): it is safe to kill at any point.
enum Interrupts {
    /// 0: nothing recorded yet; 1: recording; set from the handler, read after the command.
    nonisolated(unsafe) private static var phase: sig_atomic_t = 0
    nonisolated(unsafe) private static var interrupted: sig_atomic_t = 0

    /// Installs the handler: first thing in `main`.
    static func install() {
        phase = 0
        interrupted = 0
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interrupts.handle() }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupts.handle() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        // A parent may start us with SIGINT blocked (a test runner's thread does): then a
        // Ctrl-C would wait, unseen, until the end.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Async-signal-safe: a write(2) of a constant and _exit, or a flag.
    private static func handle() {
        if phase == 0 {
            let message: StaticString = "painladder: interrupted: nothing recorded\n"   // as Output.error writes
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(130)
        }
        interrupted = 1
    }

    /// The command is about to open the database and write: Ctrl-C now waits for the end.
    static func recording() { phase = 1 }

    /// Back to the default action (the process ends at once).
    static func restoreDefault() { signal(SIGINT, SIG_DFL) }

    /// After a command that finished: if Ctrl-C came while it was recording, say that what
    /// it printed stands (its exit code is its own).
    static func finish() {
        guard interrupted != 0 else { return }
        Output.error("interrupted after the command finished: what it printed above was recorded")
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting and waiting for a child process with what `Process` cannot give it: its own
/// process group, death with its parent, and the descriptors it inherits left as they are
/// (the reminder job's lock among them).
enum ChildProcess {
    /// `prctl(2)` as a plain function: it is variadic in C, which Swift does not import.
    /// Resolved before any fork (`dlsym` is not safe in a forked child).
    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    private static let prctl: Prctl? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return nil }
        return unsafeBitCast(symbol, to: Prctl.self)
        #else
        return nil
        #endif
    }()

    /// Forks and executes `arguments[0]` with `arguments`, `environment` and `standardInput`
    /// as its standard input; standard output and error are the parent's. The child leads a
    /// new process group and, on Linux, gets SIGTERM when the parent dies.
    /// - Returns: the child's pid, or nil (errno set) when it could not be started.
    static func spawn(_ arguments: [String], environment: [String: String], standardInput: Int32) -> pid_t? {
        // Everything the child touches is made before the fork: after it, only
        // async-signal-safe calls (another thread may hold the allocator's lock).
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let parent = getpid()
        let setDeathSignal = prctl
        let pid = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer -> pid_t in
                let path = argvBuffer[0]!
                let pid = fork()
                guard pid == 0 else { return pid }
                // The child.
                _ = setpgid(0, 0)
                #if os(Linux)
                _ = setDeathSignal?(1 /* PR_SET_PDEATHSIG */, UInt(SIGTERM), 0, 0, 0)
                // The parent may have died before the line above: then no signal will come.
                if getppid() != parent { _exit(143) }
                #endif
                if standardInput != 0 {
                    _ = dup2(standardInput, 0)
                    _ = close(standardInput)
                }
                // The job ignores SIGPIPE; the command gets the default back.
                _ = signal(SIGPIPE, SIG_DFL)
                execve(path, argvBuffer.baseAddress!, envpBuffer.baseAddress!)
                _exit(127)
            }
        }
        return pid > 0 ? pid : nil
    }

    /// Waits for the child to end, up to `timeout` seconds.
    /// - Returns: its exit status (128 + signal when a signal ended it), or nil on timeout.
    static func wait(_ pid: pid_t, timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 500
        while true {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if done < 0 && errno != EINTR { return 127 }
            if Date() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }
}

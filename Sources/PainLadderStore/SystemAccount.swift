#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system account this process runs as: the login of its real user id
/// (`getuid()`, looked up with `getpwuid_r`), never an environment variable, which anyone
/// can set. Every audit row records it beside the display name.
public enum SystemAccount {
    /// The login name, or "uid N" when the user id has no entry in the password database
    /// (a container's numeric user).
    public static let current: String = name(of: getuid())

    static func name(of uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let found = getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0 && result != nil
        guard found, let name = entry.pw_name, name.pointee != 0 else { return "uid \(uid)" }
        return String(cString: name)
    }
}

import PainLadder

/// What an account name may be: a portable login name (POSIX's portable filename characters
/// plus '@', as some directories use), 1 to 64 characters.
public enum AccountNames {
    public static func check(_ name: String) throws {
        let allowed = name.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == 0x2E || c == 0x5F || c == 0x2D || c == 0x40
        }
        guard (1...64).contains(name.utf8.count), allowed, name.first != "-" else {
            throw PainLadderError.invalidValue(field: .clinicAccount, given: name,
                                               allowed: "a login name of 1 to 64 letters, digits, '.', '_', '-' or '@'")
        }
    }
}

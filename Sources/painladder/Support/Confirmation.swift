import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asking a person at a terminal to confirm something unusual (a dose above the maximum).
/// Without a terminal there is nobody to ask: the command refuses and names `--confirm`.
enum Confirmation {
    /// Whether both the input and the place the question is written are a terminal.
    static var canAsk: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    /// Writes `question` on stderr and reads one answer: yes only for "y" or "yes".
    static func ask(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

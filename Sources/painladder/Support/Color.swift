import Foundation

extension Output {
    /// Colour only for a person at a terminal (and not when NO_COLOR is set): piped or
    /// redirected output stays plain text.
    static var colorOnStdout: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// `text` in red at a terminal, unchanged otherwise.
    static func red(_ text: String, _ color: Bool) -> String {
        color ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }
}

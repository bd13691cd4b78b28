import Foundation

extension Store {
    /// Where the database lives when no `--db` is given.
    ///
    /// `$PAINLADDER_DB`, else `$XDG_DATA_HOME/painladder/painladder.sqlite` (an absolute
    /// `XDG_DATA_HOME` only, as the XDG spec says), else
    /// `$HOME/.local/share/painladder/painladder.sqlite`.
    ///
    /// ```swift
    /// Store.defaultPath(environment: ["HOME": "/home/ann"])
    /// // "/home/ann/.local/share/painladder/painladder.sqlite"
    /// ```
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["PAINLADDER_DB"], !path.isEmpty { return path }
        let file = "painladder/painladder.sqlite"
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent(file)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/" + file)
    }
}

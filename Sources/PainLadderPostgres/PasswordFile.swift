import Foundation

/// PostgreSQL's password file (`~/.pgpass`): lines `host:port:database:user:password`, `*`
/// matching anything, `\:` and `\\` escaping, `#` comments; the first matching line wins.
/// As libpq does, a file that others may read is ignored.
///
/// ```swift
/// PasswordFile(text: "127.0.0.1:*:painladder:dr.khan:s3cret")
///     .password(host: "127.0.0.1", port: 5432, database: "painladder", user: "dr.khan")   // "s3cret"
/// ```
struct PasswordFile {
    var lines: [[String]]

    init(text: String) {
        lines = text.split(whereSeparator: \.isNewline).compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = Self.fields(of: String(line))
            return fields.count == 5 ? fields : nil
        }
    }

    /// `nil` when the file is missing, unreadable or readable by group or others.
    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        self.init(text: text)
    }

    func password(host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        return lines.first { line in zip(line, wanted).allSatisfy { $0 == "*" || $0 == $1 } }?[4]
    }

    private static func fields(of line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ":" {
                fields.append(current); current = ""
            } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }
}

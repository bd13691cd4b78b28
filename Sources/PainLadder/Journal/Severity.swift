import Foundation

public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case mild, moderate, severe

    var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

import Foundation

/// `Tests/Fixtures`: the SQL and expected-output files that the end-to-end tests read.
public let fixtureFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

import PainLadderClinic

/// `verify`'s lines.
enum IntegrityText {
    static func summary(_ r: IntegrityReport) -> String {
        let head = r.head.map { "; newest link #\($0.id) \($0.hash)" } ?? ""
        return r.isIntact
            ? "verified: \(r.auditRows) audit rows chained, \(r.guards) guards in place, integrity ok\(head)"
            : "NOT verified: \(r.problems.count) problem\(r.problems.count == 1 ? "" : "s") (above)\(head)"
    }

    static func problem(_ p: IntegrityReport.Problem) -> String {
        switch p {
        case let .damaged(message):
            "verify: the file is damaged: \(message)"
        case let .danglingReference(table, rowID, refersTo):
            "verify: \(table) row \(rowID) refers to a \(refersTo) row that is not there"
        case let .guardMissing(name):
            "verify: guard \(name) is missing (a trigger keeping history append-only was dropped)"
        case let .guardChanged(name):
            "verify: guard \(name) is not as PainLadder wrote it"
        case let .unsealed(id):
            "verify: audit #\(id) has no link in the chain (inserted behind PainLadder's back)"
        case let .brokenLink(id, previousID?):
            "verify: broken link at audit #\(id): it does not follow #\(previousID) (#\(id) was changed, or a row between them removed or inserted)"
        case let .brokenLink(id, nil):
            "verify: broken link at audit #\(id), the first row (it was changed, or rows before it removed)"
        case let .missingRow(id):
            "verify: broken link at audit #\(id): the row was deleted (its link remains)"
        }
    }
}

/// What ``ClinicStore/verifyIntegrity()`` found: the audit chain's length and head, and
/// each problem, the first broken link of the chain among them.
public struct IntegrityReport: Equatable, Sendable {
    /// One thing that is not as PainLadder wrote it.
    public enum Problem: Equatable, Sendable {
        /// The storage engine's own check found damage (its first message).
        case damaged(String)
        /// A row refers to a row that is not there (table, row id, the table it refers to).
        case danglingReference(table: String, rowID: Int64, refersTo: String)
        /// A trigger that guards history is missing.
        case guardMissing(String)
        /// A trigger that guards history is there but not as PainLadder wrote it.
        case guardChanged(String)
        /// An audit row without its link in the chain.
        case unsealed(auditID: Int64)
        /// An audit row whose content or place does not match its link: it was changed, or
        /// a row before it (after `previousID`) was removed or inserted.
        case brokenLink(auditID: Int64, previousID: Int64?)
        /// A link whose audit row is gone: the row was deleted.
        case missingRow(auditID: Int64)
    }

    /// Audit rows checked.
    public var auditRows: Int
    /// The newest audit row's id and link (hex), to note elsewhere: a chain cut at its end
    /// can only be seen against a head noted before.
    public var head: (id: Int64, hash: String)?
    /// Guarding triggers checked.
    public var guards: Int
    public var problems: [Problem]

    public init(auditRows: Int, head: (id: Int64, hash: String)?, guards: Int, problems: [Problem]) {
        self.auditRows = auditRows
        self.head = head
        self.guards = guards
        self.problems = problems
    }

    public static func == (a: IntegrityReport, b: IntegrityReport) -> Bool {
        a.auditRows == b.auditRows && a.head?.id == b.head?.id && a.head?.hash == b.head?.hash
            && a.guards == b.guards && a.problems == b.problems
    }

    /// Whether nothing was found.
    public var isIntact: Bool { problems.isEmpty }
}

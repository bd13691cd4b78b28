import PainLadder

extension Clinic {
    /// Who runs a workflow: the operating-system account (what the access rules check and
    /// every audit row records) and the name shown in the record (`--by`, which a person
    /// may choose freely).
    public struct Actor: Equatable, Sendable {
        /// The login of the process's user id, e.g. "nurse.ali".
        public var account: String
        /// The name recorded as author or recorder.
        public var displayName: String

        public init(account: String, displayName: String) {
            self.account = account
            self.displayName = displayName
        }
    }
}

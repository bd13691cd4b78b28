import PainLadder

/// A referral prompt (NICE CG173 1.1.2, 1.1.13–1.1.14): its kind and message.
struct ReferralPromptJSON: Encodable {
    var kind: String
    var message: String

    init(_ r: ReferralPrompt) {
        kind = r.kind.rawValue
        message = r.message
    }
}

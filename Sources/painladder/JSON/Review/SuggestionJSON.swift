import PainLadder

/// The review's prompt for the clinician (never an instruction), with the referral prompts
/// that apply at any stage (left out when none).
struct SuggestionJSON: Encodable {
    var kind: String
    var text: String
    var label: String
    var referral: [ReferralPromptJSON]?

    init(_ s: Suggestion) {
        kind = s.kind.rawValue
        text = s.text
        label = s.label
        referral = s.referral.map { $0.map(ReferralPromptJSON.init) }
    }
}

/// Counted nouns in English: "1 day", "3 days" (not "3 day(s)").
enum Plural {
    static func of(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    static func days(_ count: Int) -> String { of(count, "day") }

    /// "once a day", "twice a day", "3 times a day".
    static func timesADay(_ count: Int) -> String {
        switch count {
        case 1: "once a day"
        case 2: "twice a day"
        default: "\(count) times a day"
        }
    }
}

/// A negative number where a command takes a number as an argument (`pain P001 -1`,
/// `impression P001 -2`) is that argument's value, not an unknown option.
///
/// argument-parser reads anything after `-` as an option, so `pain P001 -1` would report a
/// missing score (64) instead of naming the bad score (65). The number is moved behind `--`,
/// where only arguments are read; it is the last argument of these commands, so their order
/// is kept.
enum NegativeNumbers {
    /// Commands whose second argument (after the patient) is a number.
    static let numberAfterPatient: Set<String> = ["pain", "impression"]

    static func reordered(command: String, _ rest: [String]) -> [String] {
        guard numberAfterPatient.contains(command), rest.count >= 2, !rest.contains("--"),
              isNegativeNumber(rest[1]) else { return rest }
        return [rest[0]] + rest.dropFirst(2) + ["--", rest[1]]
    }

    static func isNegativeNumber(_ text: String) -> Bool {
        guard text.count > 1, text.first == "-" else { return false }
        return Double(text) != nil
    }
}

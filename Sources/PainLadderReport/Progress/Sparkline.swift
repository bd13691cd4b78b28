/// A row of values as one character each: eight Unicode blocks (`▁`…`█`), or, where the
/// terminal is not UTF-8, plain ASCII (`_.-:=+*#`). A day without a value is `·` (or a space).
///
/// ```swift
/// Sparkline.render([0, 5, 10, nil], maximum: 10, unicode: true)    // "▁▅█·"
/// Sparkline.render([0, 5, 10, nil], maximum: 10, unicode: false)   // "_:# "
/// ```
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", "-", ":", "=", "+", "*", "#"]

    public static func render(_ values: [Double?], maximum: Double, unicode: Bool) -> String {
        let levels = unicode ? blocks : ascii
        return String(values.map { value -> Character in
            guard let value else { return unicode ? "·" : " " }
            let share = maximum > 0 ? min(max(value / maximum, 0), 1) : 0
            return levels[Int((share * Double(levels.count - 1)).rounded())]
        })
    }
}

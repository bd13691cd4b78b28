/// Numbers as a chart or page writes them, without Foundation's formatter (about a million
/// instructions on first use, more than a whole review).
enum ChartNumber {
    /// `x` rounded to `places` decimals (0…3), trailing zeros kept: "12.50".
    static func f(_ x: Double, _ places: Int = 1) -> String {
        guard x.isFinite else { return "0" }
        let scale = [1.0, 10.0, 100.0, 1_000.0][max(0, min(3, places))]
        let q = Int((abs(x) * scale).rounded())
        let negative = x < 0 && q != 0
        let whole = String(q / Int(scale))
        guard places > 0 else { return (negative ? "-" : "") + whole }
        let fraction = String(q % Int(scale))
        return (negative ? "-" : "") + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A coordinate: at most two decimals, trailing zeros dropped ("12.5", "40").
    static func coordinate(_ x: Double) -> String {
        var text = f(x, 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A score or mean as people read it: a whole number as is, else one decimal.
    static func score(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return rounded == rounded.rounded() ? f(rounded, 0) : f(rounded, 1)
    }

    /// A per cent with no decimals.
    static func percent(_ x: Double) -> String { f(x, 0) + "%" }
}

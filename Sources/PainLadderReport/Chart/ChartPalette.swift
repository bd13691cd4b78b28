import PainLadder

/// Colours from Okabe and Ito's colour-blind-safe set, each paired with a dash pattern or a
/// shape, so a chart still reads in greyscale print and for every kind of colour blindness.
enum ChartPalette {
    /// A drug's line: colour and dash pattern (`nil` solid), by its place among the courses.
    static func drug(_ index: Int) -> (colour: String, dash: String?) {
        let styles: [(String, String?)] = [("#0072B2", nil), ("#E69F00", "8 4"), ("#009E73", "2 3"), ("#CC79A7", "8 3 2 3")]
        return styles[index % styles.count]
    }

    static let pain = "#000000"
    static let painMean = "#000000"
    static let baseline = "#555555"
    static let sleep = "#56B4E9"
    static let sleepDash = "5 3"
    static let mood = "#CC79A7"
    static let moodDash = "1 3"
    static let decision = "#333333"
    static let redFlag = "#D55E00"
    static let grid = "#DDDDDD"

    /// A side effect's marker: shape (by severity, so it does not rest on colour) and fill.
    static func marker(severity: Severity?, redFlag: Bool) -> (shape: MarkerShape, fill: String) {
        if redFlag { return (.diamond, Self.redFlag) }
        switch severity {
        case .mild?: return (.circle, "#FFFFFF")
        case .moderate?: return (.triangle, "#E69F00")
        case .severe?: return (.square, "#000000")
        case nil: return (.circle, "#DDDDDD")
        }
    }

    enum MarkerShape: String {
        case circle, triangle, square, diamond
    }
}

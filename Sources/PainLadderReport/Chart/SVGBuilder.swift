/// SVG elements written as text: the few shapes the charts use, with coordinates rounded
/// to two decimals and every attribute value escaped.
struct SVGBuilder {
    private(set) var text = ""

    mutating func raw(_ markup: String) { text += markup }

    /// `<name a="v" …/>`, or with `content` (already markup) between tags.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        text += "<\(name)"
        for (key, value) in attributes { text += " \(key)=\"\(HTMLText.escaped(value))\"" }
        if let content { text += ">\(content)</\(name)>" } else { text += "/>" }
    }

    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        text += "<\(name)"
        for (key, value) in attributes { text += " \(key)=\"\(HTMLText.escaped(value))\"" }
        text += ">"
    }

    mutating func close(_ name: String) { text += "</\(name)>" }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ extra: [(String, String)] = []) {
        element("line", [("x1", c(x1)), ("y1", c(y1)), ("x2", c(x2)), ("y2", c(y2))] + extra)
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ extra: [(String, String)] = []) {
        element("rect", [("x", c(x)), ("y", c(y)), ("width", c(max(0, width))), ("height", c(max(0, height)))] + extra)
    }

    mutating func circle(_ x: Double, _ y: Double, _ r: Double, _ extra: [(String, String)] = []) {
        element("circle", [("cx", c(x)), ("cy", c(y)), ("r", c(r))] + extra)
    }

    mutating func polyline(_ points: [(Double, Double)], _ extra: [(String, String)] = []) {
        guard points.count > 1 else { return }
        element("polyline", [("points", Self.points(points))] + extra)
    }

    mutating func polygon(_ points: [(Double, Double)], _ extra: [(String, String)] = []) {
        element("polygon", [("points", Self.points(points))] + extra)
    }

    /// Text content is escaped here.
    mutating func label(_ x: Double, _ y: Double, _ content: String, _ extra: [(String, String)] = []) {
        element("text", [("x", c(x)), ("y", c(y))] + extra, content: HTMLText.escaped(content))
    }

    static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(ChartNumber.coordinate($0.0)),\(ChartNumber.coordinate($0.1))" }.joined(separator: " ")
    }

    private func c(_ v: Double) -> String { ChartNumber.coordinate(v) }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shapes of an SVG the report emits, read back with an XML parser: each element with
/// its attributes and the plot area of the `<g class="panel">` around it, if any.
struct SVGShapes {
    struct Shape {
        var name: String
        var attributes: [String: String]
        /// The enclosing panel's plot area (x, y, width, height).
        var plot: (x: Double, y: Double, width: Double, height: Double)?

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
        func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? .nan }

        /// Every point the shape is drawn through (corners for a rect).
        var points: [(Double, Double)] {
            switch name {
            case "line": [(number("x1"), number("y1")), (number("x2"), number("y2"))]
            case "circle": [(number("cx"), number("cy"))]
            case "rect": [(number("x"), number("y")), (number("x") + number("width"), number("y") + number("height"))]
            case "polyline", "polygon": SVGShapes.points(attributes["points"] ?? "")
            default: []
            }
        }
    }

    var shapes: [Shape] = []

    init(_ svg: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw delegate.error ?? CocoaError(.coderReadCorrupt) }
        shapes = delegate.shapes
    }

    func with(_ className: String) -> [Shape] { shapes.filter { $0.classes.contains(className) } }

    static func points(_ text: String) -> [(Double, Double)] {
        text.split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0) ?? .nan }
            return (xy[0], xy[1])
        }
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var shapes: [Shape] = []
        var panels: [(x: Double, y: Double, width: Double, height: Double)?] = []
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "g" {
                let plot = attributes["data-plot"].map { $0.split(separator: " ").map { Double($0)! } }
                panels.append(plot.map { ($0[0], $0[1], $0[2], $0[3]) } ?? panels.last ?? nil)
            }
            shapes.append(Shape(name: name, attributes: attributes, plot: panels.last ?? nil))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g" { panels.removeLast() }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }
}

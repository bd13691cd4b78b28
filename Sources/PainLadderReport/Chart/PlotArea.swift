/// A rectangle of a chart, in SVG user units (y grows downwards).
public struct PlotArea: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var right: Double { x + width }
    public var bottom: Double { y + height }

    /// Whether a point lies inside or on the edge.
    public func contains(x px: Double, y py: Double) -> Bool {
        px >= x - 1e-9 && px <= right + 1e-9 && py >= y - 1e-9 && py <= bottom + 1e-9
    }
}

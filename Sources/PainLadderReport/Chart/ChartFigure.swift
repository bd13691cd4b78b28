/// A chart ready for a page: its SVG (with its own `<title>` and `<desc>`) and the same
/// title and description as text for the page to show beside it.
public struct ChartFigure: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var svg: String
}

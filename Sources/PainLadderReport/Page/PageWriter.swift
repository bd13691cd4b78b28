import PainLadder

/// Markup written section by section, and the source tags the page's numbers cite, so the
/// page can list each one with its title once at the end.
struct PageWriter {
    private(set) var html = ""
    private(set) var cited: [String] = []

    /// Already-escaped markup.
    mutating func add(_ markup: String) { html += markup }

    /// `<tag>` around text, which is escaped here.
    mutating func text(_ tag: String, _ text: String, className: String? = nil) {
        html += "<\(tag)\(className.map { " class=\"\($0)\"" } ?? "")>\(HTMLText.escaped(text))</\(tag)>"
    }

    /// A number's source tags and status, "[S17, S11; confirmed]", with the tags remembered.
    mutating func cite(_ sources: [String], _ status: EvidenceStatus) -> String {
        for tag in sources where !cited.contains(tag) { cited.append(tag) }
        return "<span class=\"cite status-\(status.rawValue)\">[\(sources.map(HTMLText.escaped).joined(separator: ", ")); \(HTMLText.escaped(status.rawValue))]</span>"
    }

    mutating func cite<T>(_ value: Sourced<T>) -> String { cite(value.sources, value.status) }
}

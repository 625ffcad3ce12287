/// A result a command prints in any of its formats: aligned text or Markdown for a person, JSON for
/// scripts (DESIGN.md's shapes), CSV for a spreadsheet. ``render(_:)`` picks one.
public protocol Report {
    var json: JSONValue { get }
    var csv: String { get }
    func text(markdown: Bool) -> String
}

extension Report {
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json.rendered()
        case .csv: return csv
        case .markdown: return text(markdown: true)
        case .table: return text(markdown: false)
        }
    }
}

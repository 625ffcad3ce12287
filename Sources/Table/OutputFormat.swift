/// How a command writes a result: aligned for a terminal, JSON for scripts, CSV, or Markdown.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}

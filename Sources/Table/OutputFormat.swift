/// How a command writes a result: aligned for a terminal, JSON for scripts, CSV, or Markdown.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
    /// An Excel workbook: only into a file (`--out informe.xlsx`), never to the screen.
    case xlsx
}

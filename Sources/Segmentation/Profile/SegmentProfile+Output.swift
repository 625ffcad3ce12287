import Diagnostics
import Table

/// A segment map as text or JSON (`sondeo map`); the HTML page is ``ProfileHTML``.
extension SegmentProfile {
    /// The map as text for a terminal (or Markdown): one table per column, segment against the rest.
    public func text(expression: String?, markdown: Bool) -> String {
        let profile = self
        let pct = { (x: Double) in NumberText.decimal(x * 100, places: 1) + " %" }
        var lines = [L("Mapa de «\(profile.name)»", "Map of «\(profile.name)»") + (expression.map { ": \($0)" } ?? "")]
        lines.append(L("\(NumberText.integer(profile.count)) de \(NumberText.integer(profile.base)) filas (\(pct(Double(profile.count) / Double(profile.base))) de la base)",
                       "\(NumberText.integer(profile.count)) of \(NumberText.integer(profile.base)) rows (\(pct(Double(profile.count) / Double(profile.base))) of the base)"))
        for (question, columns) in profile.sections {
            lines += ["", (markdown ? "## " : "") + question.title(Language.current)]
            for column in columns {
                var heading = profile.labels[column.column].map { "\($0) (\(column.column))" } ?? column.column
                if let s = column.segmentMean, let r = column.restMean {
                    heading += L(" (media \(NumberText.decimal(s, places: 2)) frente a \(NumberText.decimal(r, places: 2)) en el resto)",
                                 " (mean \(NumberText.decimal(s, places: 2)) vs \(NumberText.decimal(r, places: 2)) in the rest)")
                }
                var table = TextTable(headers: [L("valor", "value"), L("segmento", "segment"), L("resto", "rest"), L("índice", "index")],
                                      alignments: [.left, .right, .right, .right])
                for level in column.levels {
                    let index = level.index
                    let mark = index.isFinite ? (index >= ProfileHTML.high ? " ▲" : (index <= ProfileHTML.low ? " ▼" : "")) : ""
                    table.append([level.label, pct(level.segmentShare), pct(level.restShare),
                                  (index.isFinite ? String(Int(index.rounded())) : "—") + mark])
                }
                lines += ["", (markdown ? "### " : "  ") + heading]
                lines.append(markdown ? table.markdown() : table.rendered().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The map as JSON.
    public func json(expression: String?) -> JSONValue {
        let profile = self
        return .object([
            ("segment", .string(profile.name)), ("expression", expression.map { .string($0) } ?? .null),
            ("base", .integer(profile.base)), ("count", .integer(profile.count)),
            ("share", .number(Double(profile.count) / Double(profile.base))),
            ("sections", .array(profile.sections.map { question, columns in
                .object([
                    ("question", .string(question.rawValue)), ("title", .string(question.title(Language.current))),
                    ("columns", .array(columns.map { c in
                        .object([
                            ("column", .string(c.column)), ("type", .string(c.type.rawValue)),
                            ("segment_mean", .finite(c.segmentMean)), ("rest_mean", .finite(c.restMean)), ("base_mean", .finite(c.baseMean)),
                            ("missing", .integer(c.segmentMissing)),
                            ("levels", .array(c.levels.map { l in
                                .object([("label", .string(l.label)), ("segment", .number(l.segmentShare)), ("rest", .number(l.restShare)),
                                         ("base", .number(l.baseShare)), ("index", .number(l.index)), ("count", .integer(l.segmentCount))])
                            })),
                        ])
                    })),
                ])
            })),
        ])
    }
}

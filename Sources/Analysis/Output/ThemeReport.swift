import Diagnostics
import Foundation
import Table

/// Open answers by theme as a person reads them (a table per group order: mentions, share of
/// commenters with its interval, NPS of those who mention it; examples; the uncoded comments) or as
/// scripts read them (JSON; CSV: one row per theme and group).
public struct ThemeReport: Report {
    let analysis: ThemeAnalysis
    let design: DesignColumns
    let designKind: SurveyDesign.Kind
    let confidence: Double

    public init(analysis: ThemeAnalysis, design: DesignColumns, designKind: SurveyDesign.Kind, confidence: Double) {
        self.analysis = analysis
        self.design = design
        self.designKind = designKind
        self.confidence = confidence
    }

    public var json: JSONValue {
        .object([
            ("statistic", .string("themes")), ("variable", .string(analysis.variable)), ("confidence", .number(confidence)),
            ("design", .string(designKind.rawValue)), ("commented", .integer(analysis.commented)), ("uncoded", .integer(analysis.uncodedCount)),
            ("themes", .array(analysis.rows.map { row in
                var item: [(String, JSONValue)] = [
                    ("theme", .string(row.theme)), ("group", .object(row.group.map { ($0.column, .string($0.value)) })),
                    ("mentions", .integer(row.mentions)), ("share", .number(row.share.estimate)), ("se", .number(row.share.standardError)),
                    ("ci", .array([.number(row.share.lower), .number(row.share.upper)])),
                ]
                if let nps = row.nps { item += [("nps", .number(nps.estimate)), ("nps_se", .number(nps.standardError))] }
                return .object(item)
            })),
            ("examples", .object(analysis.themes.compactMap { t in analysis.examples[t].map { (t, .array($0.map(JSONValue.string))) } })),
            ("uncoded_comments", .array(analysis.uncoded.map { .object([("comment", .string($0.comment)), ("count", .integer($0.count))]) })),
        ])
    }

    public var resultTable: Table {
        let rows = analysis.rows
        let groupColumns = rows.first?.group.map(\.column) ?? []
        var columns = [Column.texts("theme", rows.map(\.theme))]
        for (i, name) in groupColumns.enumerated() { columns.append(Column.texts(name, rows.map { $0.group[i].value })) }
        columns += [Column.integers("mentions", rows.map(\.mentions)), Column.decimals("share", rows.map(\.share.estimate)),
                    Column.decimals("se", rows.map(\.share.standardError)), Column.decimals("ci_lower", rows.map(\.share.lower)),
                    Column.decimals("ci_upper", rows.map(\.share.upper)), Column.decimals("nps", rows.map { $0.nps?.estimate ?? .nan })]
        return Table(columns)
    }

    public func text(markdown: Bool) -> String {
        let level = NumberText.level(confidence)
        let groupColumns = analysis.rows.first?.group.map(\.column) ?? []
        let hasNPS = analysis.rows.contains { $0.nps != nil }
        var table = TextTable(headers: [L("tema", "theme")] + groupColumns + [L("menciones", "mentions"), L("% de quienes comentan", "% of commenters"),
                                                                                L("IC \(level) %", "\(level) % CI")] + (hasNPS ? ["NPS"] : []),
                              alignments: [.left] + groupColumns.map { _ in .left } + [.right, .right, .left] + (hasNPS ? [.right] : []))
        func pct(_ x: Double) -> String { x.isFinite ? NumberText.decimal(x * 100, places: 1) + " %" : "—" }
        for row in analysis.rows {
            table.append([row.theme] + row.group.map(\.value) + [NumberText.integer(row.mentions), pct(row.share.estimate),
                                                                  "[\(pct(row.share.lower)); \(pct(row.share.upper))]"]
                         + (hasNPS ? [row.nps.map { NumberText.decimal($0.estimate, places: 1) } ?? "—"] : []))
        }
        var lines = [L("Temas de «\(analysis.variable)»: \(NumberText.count(analysis.commented, "comentario", "comentarios")), \(NumberText.integer(analysis.uncodedCount)) sin tema",
                       "Themes of «\(analysis.variable)»: \(analysis.commented) comments, \(analysis.uncodedCount) without a theme"),
                     L("Diseño: ", "Design: ") + design.description(designKind), "", markdown ? table.markdown() : table.rendered(), ""]
        lines.append(L("Un comentario puede tocar varios temas; los porcentajes son de quienes comentaron, según el diseño.",
                       "A comment may touch several themes; shares are of those who commented, by the design."))
        for theme in analysis.themes {
            guard let comments = analysis.examples[theme] else { continue }
            lines.append("")
            lines.append(L("Ejemplos de «\(theme)»:", "Examples of «\(theme)»:"))
            lines += comments.map { "  · " + $0.replacingOccurrences(of: "\n", with: " ") }
        }
        if !analysis.uncoded.isEmpty {
            lines += ["", L("Sin tema (para revisar el libro de códigos):", "Without a theme (to review the codeframe):")]
            lines += analysis.uncoded.prefix(20).map { "  · \($0.comment.replacingOccurrences(of: "\n", with: " "))" + ($0.count > 1 ? " (×\($0.count))" : "") }
            if analysis.uncoded.count > 20 { lines.append(L("  … y \(analysis.uncoded.count - 20) más (todos en --format json)", "  … and \(analysis.uncoded.count - 20) more (all in --format json)")) }
        }
        return lines.joined(separator: "\n")
    }
}

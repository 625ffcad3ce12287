import Diagnostics
import Table

/// A segment's size and groups as `sondeo segment` prints them.
extension SegmentSummary {
    /// Text (aligned or Markdown), DESIGN.md's JSON, or CSV; `segment` names the saved segment used.
    public func render(_ format: OutputFormat, segment chosen: (name: String, expression: String)?) -> String {
        switch format {
        case .json: return json(chosen).rendered()
        case .csv: return CSVWriter.standard.text(of: columns)
        case .markdown: return text(chosen, markdown: true)
        case .table, .xlsx: return text(chosen, markdown: false)
        }
    }

    private func json(_ chosen: (name: String, expression: String)?) -> JSONValue {
        let s = self
        return .object([
            ("segment", chosen.map { .string($0.name) } ?? .null), ("expression", chosen.map { .string($0.expression) } ?? .null),
            ("base", .integer(s.base)), ("count", .integer(s.count)), ("share", .number(s.share)),
            ("groups", .array(s.groups.map { g in
                .object([
                    ("group", .object(g.group.map { ($0.column, .string($0.value)) })), ("count", .integer(g.count)),
                    ("share", .number(g.share)), ("base_count", .integer(g.baseCount)), ("penetration", .number(g.penetration)),
                    ("means", .object(g.means.map { ($0.column, .number($0.value)) })),
                    ("shares", .object(g.shares.map { ($0.label, .number($0.value)) })),
                ])
            })),
        ])
    }

    private var columns: [Column] {
        let groups = self.groups
        var columns = by.enumerated().map { i, name in Column.texts(name, groups.map { $0.group[i].value }) }
        columns += [Column.integers("count", groups.map(\.count)), Column.decimals("share", groups.map(\.share)),
                    Column.integers("base_count", groups.map(\.baseCount)), Column.decimals("penetration", groups.map(\.penetration))]
        for (i, name) in meanColumns.enumerated() { columns.append(Column.decimals("mean_\(name)", groups.map { $0.means[i].value })) }
        for (i, item) in shareLabels.enumerated() { columns.append(Column.decimals("share_\(item)", groups.map { $0.shares[i].value })) }
        return columns
    }

    private func text(_ chosen: (name: String, expression: String)?, markdown: Bool) -> String {
        let s = self
        let pct = { (x: Double) in NumberText.decimal(x * 100, places: 1) + " %" }
        var lines: [String] = []
        if let chosen { lines.append(L("Segmento «\(chosen.name)»: \(chosen.expression)", "Segment «\(chosen.name)»: \(chosen.expression)")) }
        lines.append(L("\(NumberText.integer(s.count)) de \(NumberText.integer(s.base)) filas (\(pct(s.share)) de la base)",
                       "\(NumberText.integer(s.count)) of \(NumberText.integer(s.base)) rows (\(pct(s.share)) of the base)"))
        let byColumns = by
        if !byColumns.isEmpty || !meanColumns.isEmpty || !shareLabels.isEmpty {
            var table = TextTable(
                headers: byColumns + ["n", L("% del segmento", "% of segment"), L("% del grupo", "% of group")]
                    + meanColumns.map { L("media \($0)", "mean \($0)") } + shareLabels.map { "% \($0)" },
                alignments: byColumns.map { _ in .left } + [.right, .right, .right] + meanColumns.map { _ in .right } + shareLabels.map { _ in .right })
            for g in s.groups {
                table.append(g.group.map(\.value) + [NumberText.integer(g.count), pct(g.share), pct(g.penetration)]
                             + g.means.map { NumberText.decimal($0.value, places: 2) } + g.shares.map { pct($0.value) })
            }
            lines += ["", markdown ? table.markdown() : table.rendered(), ""]
            lines.append(L("«% del grupo»: qué parte de ese grupo en toda la base pertenece al segmento.",
                           "«% of group»: how much of that group in the whole base belongs to the segment."))
        }
        return lines.joined(separator: "\n")
    }
}

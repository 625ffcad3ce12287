import Diagnostics
import ArgumentParser
import Foundation
import Segmentation
import Table

/// `sondeo segment FILE --where EXPR|--segment NAME [--by …] [--mean …] [--share COL=VALUE,…]` (step 35).
struct SegmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "segment",
            abstract: L("Determina un segmento de la base: cuántos son, qué parte de la base y cómo se reparten por grupos.",
                        "Determine a segment of the base: how many, what share of the base, and how they split by groups."),
            discussion: HelpText.discussion([
                L("Los segmentos se pueden guardar con nombre en segmentos.txt junto a los datos, una línea por segmento: «jovenes_subsidio: categoria == \"A\" and usa_subsidio == 1 and edad < 35».",
                  "Segments can be saved by name in segmentos.txt beside the data, one line each: «jovenes_subsidio: categoria == \"A\" and usa_subsidio == 1 and edad < 35»."),
            ], examples: [
                "sondeo segment afiliados.csv --where 'categoria == \"A\" and usa_subsidio == 1 and edad < 35' --by municipio --mean edad,salario_smmlv",
                "sondeo segment afiliados.csv --segment jovenes_subsidio --by zona --share usa_salud=1,usa_credito=1",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Base de datos (CSV).", "Data base (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @OptionGroup var selection: SegmentSelection
    @Option(help: ArgumentHelp(L("Columnas de agrupación, separadas por comas.", "Grouping columns, comma-separated."), valueName: L("columnas", "columns")))
    var by: String?
    @Option(help: ArgumentHelp(L("Columnas numéricas cuya media se muestra por grupo.", "Numeric columns whose mean is shown per group."),
                               valueName: L("columnas", "columns")))
    var mean: String?
    @Option(help: ArgumentHelp(L("Proporciones a mostrar por grupo, como columna=valor separadas por comas (p. ej. usa_salud=1,zona=rural).",
                                 "Shares shown per group, as column=value separated by commas (e.g. usa_salud=1,zona=rural)."),
                               valueName: L("columna=valor,…", "column=value,…")))
    var share: String?
    @OptionGroup var reading: ReadingOptions
    @Option(help: ArgumentHelp(L("Formato de salida: table, json, csv o markdown.", "Output format: table, json, csv or markdown."),
                               valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let shares = try Self.list(share).map { item -> (label: String, column: String, value: String) in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError(L("--share espera columna=valor, no «\(item)»", "--share expects column=value, not «\(item)»"))
            }
            return (item, parts[0], parts[1])
        }
        let chosen = try selection.resolve(dataPath: file)
        let byColumns = Self.list(by), meanColumns = Self.list(mean)
        let needed = SegmentSelection.columns(of: chosen?.expression).map { $0.union(byColumns + meanColumns + shares.map(\.column)) }
        let (table, _) = try reading.readTable(file, columns: needed)
        let mask = try SegmentSelection.mask(chosen?.expression, table: table)
        let summary = try SegmentSummary(table: table, inSegment: mask, by: byColumns, means: meanColumns, shares: shares)
        switch format {
        case .json: print(json(summary, chosen).rendered())
        case .csv: print(CSVWriter.standard.text(of: columns(summary)), terminator: "")
        case .markdown: print(text(summary, chosen, markdown: true))
        case .table: print(text(summary, chosen, markdown: false))
        }
    }

    private func json(_ s: SegmentSummary, _ chosen: (name: String, expression: String)?) -> JSONValue {
        .object([
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

    private func columns(_ s: SegmentSummary) -> [Column] {
        let groups = s.groups
        var columns = Self.list(by).enumerated().map { i, name in Column.texts(name, groups.map { $0.group[i].value }) }
        columns += [Column.integers("count", groups.map(\.count)), Column.decimals("share", groups.map(\.share)),
                    Column.integers("base_count", groups.map(\.baseCount)), Column.decimals("penetration", groups.map(\.penetration))]
        for (i, name) in Self.list(mean).enumerated() { columns.append(Column.decimals("mean_\(name)", groups.map { $0.means[i].value })) }
        for (i, item) in Self.list(share).enumerated() { columns.append(Column.decimals("share_\(item)", groups.map { $0.shares[i].value })) }
        return columns
    }

    private func text(_ s: SegmentSummary, _ chosen: (name: String, expression: String)?, markdown: Bool) -> String {
        let pct = { (x: Double) in NumberText.decimal(x * 100, places: 1) + " %" }
        var lines: [String] = []
        if let chosen { lines.append(L("Segmento «\(chosen.name)»: \(chosen.expression)", "Segment «\(chosen.name)»: \(chosen.expression)")) }
        lines.append(L("\(NumberText.integer(s.count)) de \(NumberText.integer(s.base)) filas (\(pct(s.share)) de la base)",
                       "\(NumberText.integer(s.count)) of \(NumberText.integer(s.base)) rows (\(pct(s.share)) of the base)"))
        let byColumns = Self.list(by)
        if !byColumns.isEmpty || !Self.list(mean).isEmpty || !Self.list(share).isEmpty {
            var table = TextTable(
                headers: byColumns + ["n", L("% del segmento", "% of segment"), L("% del grupo", "% of group")]
                    + Self.list(mean).map { L("media \($0)", "mean \($0)") } + Self.list(share).map { "% \($0)" },
                alignments: byColumns.map { _ in .left } + [.right, .right, .right] + Self.list(mean).map { _ in .right } + Self.list(share).map { _ in .right })
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

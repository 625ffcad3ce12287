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

    func run() throws {
        let shares = try TextLines.list(share).map { item -> (label: String, column: String, value: String) in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError(L("--share espera columna=valor, no «\(item)»", "--share expects column=value, not «\(item)»"))
            }
            return (item, parts[0], parts[1])
        }
        let chosen = try selection.resolve(dataPath: file)
        let byColumns = TextLines.list(by), meanColumns = TextLines.list(mean)
        let needed = SegmentSelection.columns(of: chosen?.expression).map { $0.union(byColumns + meanColumns + shares.map(\.column)) }
        let (table, _) = try reading.readTable(file, columns: needed)
        let mask = try SegmentSelection.mask(chosen?.expression, table: table)
        let summary = try SegmentSummary(table: table, inSegment: mask, by: byColumns, means: meanColumns, shares: shares)
        print(summary.render(format, segment: chosen), terminator: format == .csv ? "" : "\n")
    }
}

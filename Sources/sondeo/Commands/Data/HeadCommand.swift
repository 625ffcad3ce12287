import Diagnostics
import ArgumentParser
import Table

/// `sondeo data head FILE [--where EXPR] [--rows 10]`: the first rows, optionally filtered.
struct HeadCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "head",
            abstract: L("Muestra las primeras filas de un archivo CSV, opcionalmente filtradas con --where.",
                        "Show the first rows of a CSV file, optionally filtered with --where."),
            discussion: HelpText.discussion([
                L("Filtros: ==, !=, <, <=, >, >=, in [...], not in [...], is missing, is not missing, and/y, or/o, not/no y paréntesis. Textos y fechas van entre comillas; un dato faltante no cumple ninguna comparación.",
                  "Filters: ==, !=, <, <=, >, >=, in [...], not in [...], is missing, is not missing, and, or, not and parentheses. Text and dates go in quotes; a missing value meets no comparison."),
            ], examples: [
                "sondeo data head afiliados.csv --rows 5",
                "sondeo data head afiliados.csv --where 'categoria == \"A\" and usa_subsidio == 1 and edad < 35'",
                "sondeo data head afiliados.csv --where 'municipio in [\"Manizales\", \"Villamaría\"]' --columns id_afiliado,municipio",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo CSV.", "CSV file."), valueName: L("archivo", "file")))
    var file: String

    @OptionGroup var filter: RowFilter

    @Option(help: ArgumentHelp(L("Cuántas filas mostrar.", "How many rows to show."), valueName: L("n", "n")))
    var rows = 10

    @Option(help: ArgumentHelp(L("Columnas a mostrar, separadas por comas (por defecto todas).",
                                 "Columns to show, comma-separated (all by default)."),
                               valueName: L("columnas", "columns")))
    var columns: String?

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato de salida: table, csv, json o markdown.", "Output format: table, csv, json or markdown."),
                               valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard rows >= 0 else { throw ValidationError(L("--rows no puede ser negativo", "--rows cannot be negative")) }
        try format.require([.table, .csv, .json, .markdown])
    }

    func run() throws {
        let (table, _) = try reading.readTable(file)
        let selected = try ColumnSelection.apply(columns, to: try filter.apply(to: table))
        let shown = selected.selecting(Array(0..<min(rows, selected.rowCount)))
        print(shown.head(matching: selected.rowCount, total: table.rowCount, filtered: filter.expression != nil, format: format),
              terminator: format == .csv ? "" : "\n")
    }
}

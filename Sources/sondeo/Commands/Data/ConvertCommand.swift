import Diagnostics
import ArgumentParser
import Table

/// `sondeo data convert FILE --out OUT [--excel]`: rewrite a CSV file in a standard or Excel dialect.
struct ConvertCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "convert",
            abstract: L("Convierte un CSV a UTF-8 con «,» y punto decimal, o con --excel al formato de Excel en español.",
                        "Convert a CSV to UTF-8 with «,» and decimal point, or with --excel to Spanish-locale Excel's format."),
            discussion: HelpText.discussion([
                L("--excel escribe Windows-1252, «;», coma decimal, fechas dd/mm/aaaa y fin de línea CRLF: lo que Excel en español abre con doble clic. El archivo de salida aparece completo o no aparece.",
                  "--excel writes Windows-1252, «;», decimal comma, dd/mm/yyyy dates and CRLF line ends: what a Spanish-locale Excel opens with a double click. The output file appears whole or not at all."),
            ], examples: [
                "sondeo data convert afiliados_excel.csv --out afiliados.csv",
                "sondeo data convert afiliados.csv --out para_excel.csv --excel --where 'zona == \"rural\"'",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo CSV de entrada.", "Input CSV file."), valueName: L("archivo", "file")))
    var file: String

    @Option(help: ArgumentHelp(L("Archivo CSV de salida.", "Output CSV file."), valueName: L("salida", "output")))
    var out: String

    @Flag(help: ArgumentHelp(L("Escribe para Excel en español: Windows-1252, «;», coma decimal, dd/mm/aaaa, CRLF.",
                               "Write for Spanish-locale Excel: Windows-1252, «;», decimal comma, dd/mm/yyyy, CRLF.")))
    var excel = false

    @OptionGroup var filter: RowFilter

    @Option(help: ArgumentHelp(L("Columnas a escribir, separadas por comas (por defecto todas).",
                                 "Columns to write, comma-separated (all by default)."),
                               valueName: L("columnas", "columns")))
    var columns: String?

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws { try OutputPath.require(out, oneOf: [.csv]) }

    func run() throws {
        let (table, _) = try reading.readTable(file)
        let selected = try ColumnSelection.apply(columns, to: try filter.apply(to: table))
        let writer = excel ? CSVWriter.excel : CSVWriter.standard
        try writer.write(selected, to: out)
        let dialect = excel ? L("Windows-1252, «;», coma decimal, CRLF", "Windows-1252, «;», decimal comma, CRLF")
                            : L("UTF-8, «,», punto decimal, LF", "UTF-8, «,», decimal point, LF")
        Terminal.error(L("Escrito \(out): \(NumberText.count(selected.rowCount, "fila", "filas")), \(NumberText.count(selected.columns.count, "columna", "columnas")) (\(dialect)).",
                         "Wrote \(out): \(NumberText.count(selected.rowCount, "row", "rows")), \(NumberText.count(selected.columns.count, "column", "columns")) (\(dialect))."))
    }
}

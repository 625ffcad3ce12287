import Diagnostics
import ArgumentParser
import Table
import Foundation

/// `sondeo data convert FILE --out OUT [--excel]`: rewrite a CSV file in a standard or Excel dialect.
struct ConvertCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "convert",
            abstract: L("Convierte un archivo de datos (CSV, Excel, SPSS, Stata) a otro: la extensión de --out decide el formato.",
                        "Convert a data file (CSV, Excel, SPSS, Stata) to another: the extension of --out decides the format."),
            discussion: HelpText.discussion([
                L("Salidas: .csv (UTF-8, «,», punto decimal; con --excel: Windows-1252, «;», coma decimal, fechas dd/mm/aaaa y CRLF, lo que Excel en español abre con doble clic), .xlsx (libro de Excel con números, fechas y textos con su tipo), .sav y .zsav (SPSS/PSPP) y .dta (Stata), con las etiquetas cuando el archivo de entrada las trae. Los nombres que SPSS o Stata no admiten se cambian y se dice cuáles. El archivo de salida aparece completo o no aparece.",
                  "Outputs: .csv (UTF-8, «,», decimal point; with --excel: Windows-1252, «;», decimal comma, dd/mm/yyyy dates and CRLF, what a Spanish-locale Excel opens with a double click), .xlsx (an Excel workbook with typed numbers, dates and texts), .sav and .zsav (SPSS/PSPP) and .dta (Stata), with labels when the input has them. Names SPSS or Stata do not accept are changed, and said. The output file appears whole or not at all."),
            ], examples: [
                "sondeo data convert afiliados_excel.csv --out afiliados.csv",
                "sondeo data convert afiliados.csv --out para_excel.csv --excel --where 'zona == \"rural\"'",
                "sondeo data convert base_afiliados.xlsx --sheet Afiliados --out afiliados.sav",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo de entrada (.csv, .xlsx, .sav, .dta).", "Input file (.csv, .xlsx, .sav, .dta)."), valueName: L("archivo", "file")))
    var file: String

    @Option(help: ArgumentHelp(L("Archivo de salida: .csv, .xlsx, .sav, .zsav o .dta.", "Output file: .csv, .xlsx, .sav, .zsav or .dta."), valueName: L("salida", "output")))
    var out: String

    @Flag(help: ArgumentHelp(L("CSV para Excel en español: Windows-1252, «;», coma decimal, dd/mm/aaaa, CRLF.",
                               "CSV for Spanish-locale Excel: Windows-1252, «;», decimal comma, dd/mm/yyyy, CRLF.")))
    var excel = false

    @OptionGroup var filter: RowFilter

    @Option(help: ArgumentHelp(L("Columnas a escribir, separadas por comas (por defecto todas).",
                                 "Columns to write, comma-separated (all by default)."),
                               valueName: L("columnas", "columns")))
    var columns: String?

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try OutputPath.requireTable(out, excel: excel)
    }

    func run() throws {
        let (table, report) = try reading.readTable(file)
        let selected = try ColumnSelection.apply(columns, to: try filter.apply(to: table))
        let renamed = try DataFile.write(selected, to: out, csv: excel ? .excel : .standard, labels: report.labels, progress: Terminal.writing(out))
        Terminal.error(DataFile.written(selected, to: out, excel: excel, renamed: renamed))
    }
}

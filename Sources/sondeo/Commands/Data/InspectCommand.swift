import Diagnostics
import ArgumentParser
import Table

/// `sondeo data inspect FILE`: what a file holds, before anything else is done with it.
struct InspectCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inspect",
            abstract: L("Describe un archivo CSV: codificación, separador, filas y, por columna, tipo, faltantes y resumen.",
                        "Describe a CSV file: encoding, delimiter, rows and, per column, type, missing values and summary."),
            discussion: HelpText.discussion([], examples: [
                "sondeo data inspect afiliados.csv",
                "sondeo data inspect afiliados_excel.csv --format json",
                "sondeo data inspect respuestas.csv --missing 99",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo CSV a describir.", "CSV file to describe."), valueName: L("archivo", "file")))
    var file: String

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp(L("Formato de salida: table, json o markdown.", "Output format: table, json or markdown."),
                               valueName: L("formato", "format")))
    var format: OutputFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json, .markdown])
    }

    func run() throws {
        let (summaries, report) = try reading.summarize(file)
        report.warnings.forEach(Terminal.error)
        print(report.describe(summaries, format: format))
    }
}

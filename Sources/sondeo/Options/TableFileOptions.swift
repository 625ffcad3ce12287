import ArgumentParser
import Diagnostics
import Table

/// `--out FILE [--excel]` of a command that writes a table (the responses with new columns): the
/// extension decides the format, `--excel` makes a CSV for Spanish-locale Excel.
struct TableFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Archivo de salida: .csv, .xlsx, .sav, .zsav o .dta.", "Output file: .csv, .xlsx, .sav, .zsav or .dta."),
                               valueName: L("salida", "output")))
    var out: String

    @Flag(help: ArgumentHelp(L("Escribe la salida para Excel en español.", "Write the output for Spanish-locale Excel.")))
    var excel = false

    func validate() throws { try OutputPath.requireTable(out, excel: excel) }

    func write(_ table: Table) throws { try DataFile.write(table, to: out, csv: excel ? .excel : .standard, progress: Terminal.writing(out)) }
}

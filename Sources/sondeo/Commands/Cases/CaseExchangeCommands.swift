import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases import FILE`.
struct ImportCasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L("Importa casos de otro sistema (CSV), revisando cada fila; todo o nada, y dos veces el mismo archivo no agrega nada.",
                        "Imports cases from another system (CSV), checking every row; all or nothing, and the same file twice adds nothing."),
            discussion: HelpText.discussion([
                L("Columnas: \(CaseColumns.intake.joined(separator: ", ")) (obligatorias: radicado, canal, tipo, servicio, texto, recibido). El término y el vencimiento se calculan con el calendario de Sondeo. Un caso con fecha_respuesta queda respondido y cerrado ese día (las quejas y reclamos pasan a verificación); uno de la SSF necesita certificado_ssf. Las columnas que exporta «cases export» además de estas se ignoran.",
                  "Columns: \(CaseColumns.intake.joined(separator: ", ")) (required: radicado, canal, tipo, servicio, texto, recibido). Term and deadline are computed with Sondeo's calendar. A case with fecha_respuesta is answered and closed that day (complaints and claims go to verification); an SSF one needs certificado_ssf. Extra columns written by «cases export» are ignored."),
            ], examples: ["sondeo cases import Examples/data/pqrsl_octubre.csv", "sondeo cases import casos.csv --dry-run"])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo CSV de casos.", "CSV file of cases."), valueName: L("archivo", "file"))) var file: String
    @Flag(help: ArgumentHelp(L("Solo revisa; no guarda nada.", "Only checks; saves nothing."))) var dryRun = false
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (table, _) = try reading.readTable(file)
        if let error = CaseImport.missingColumnsError(table, file: file) {
            Terminal.error(error)
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        let desk = try options.desk()
        let (imported, errors) = Terminal.working(L("Revisando \(file)", "Checking \(file)")) {
            CaseImport.cases(in: table, file: file, desk: desk, at: Clock.system.timestamp, actor: options.who) { Terminal.error($0) }
        }
        let summary = CaseImport.summary(rows: table.rowCount, valid: imported.count, errors: errors)
        if dryRun || errors > 0 {
            print(summary + (errors > 0 ? L(" No se importó nada: corrija las filas.", " Nothing was imported: fix the rows.") : L(" Revisión sin guardar (--dry-run).", " Checked without saving (--dry-run).")))
            if errors > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
            return
        }
        let store = try options.storeOptions.openCases()
        let (added, unchanged) = try Terminal.working(L("Guardando los casos en el almacén", "Saving the cases in the store")) { try store.importCases(imported) }
        print(summary + CaseImport.saved(added: added, unchanged: unchanged))
    }
}

/// `sondeo cases export --out FILE`.
struct ExportCasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: L("Exporta los casos a CSV (para Almera, la SSF o una hoja de cálculo), con su término, estado y verificación.",
                        "Exports the cases to CSV (for Almera, the SSF or a spreadsheet), with their term, state and verification."),
            discussion: HelpText.discussion([], examples: ["sondeo cases export --out casos.csv --month 2026-10", "sondeo cases export --out casos.xlsx --month 2026-10"])
        )
    }

    @Option(help: ArgumentHelp(L("Archivo de salida: .csv, .xlsx, .sav, .zsav o .dta.", "Output file: .csv, .xlsx, .sav, .zsav or .dta."), valueName: L("salida", "output"))) var out: String
    @Option(help: ArgumentHelp(L("Solo los recibidos en este mes (aaaa-mm).", "Only those received in this month (yyyy-mm)."), valueName: L("mes", "month"))) var month: String?
    @Flag(help: ArgumentHelp(L("Como lo guarda Excel en español (Windows-1252, «;», CRLF).", "As a Spanish-locale Excel saves it (Windows-1252, «;», CRLF)."))) var excel = false
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try OutputPath.requireTable(out, excel: excel) }

    func run() throws {
        let cases = try CaseFilter(month: month).apply(try options.storeOptions.openCases().pqrsCases())
        try DataFile.write(CaseExport.table(cases), to: out, csv: excel ? .excel : .standard, progress: Terminal.writing(out))
        Terminal.error(L("Escrito \(out): \(NumberText.count(cases.count, "caso", "casos")).", "Wrote \(out): \(cases.count) cases."))
    }
}

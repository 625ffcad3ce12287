import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Store
import Survey
import Table

/// `sondeo responses import QUESTIONNAIRE FILE`: responses from other channels (a web form, a
/// KoboToolbox export), each row checked against the published questionnaire before anything is saved.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L("Importa respuestas de otros canales (CSV), validando cada fila contra el cuestionario publicado.",
                        "Import responses from other channels (CSV), checking every row against the published questionnaire."),
            discussion: HelpText.discussion([
                L("Una fila por entrevista y una columna por variable, como las escribe «sondeo responses export» (varias de: una columna 0/1 por opción; matriz: una por fila). Se revisan códigos, rangos, respuestas obligatorias que faltan, respuestas donde la pregunta no aplicaba y encuestados repetidos. Si alguna fila tiene errores no se importa nada, salvo con --only-valid; importar el mismo archivo dos veces no agrega nada.",
                  "One row per interview and one column per variable, as «sondeo responses export» writes them (varias de: one 0/1 column per option; matriz: one per row). Codes, ranges, missing required answers, answers where the question did not apply and repeated respondents are checked. If any row has errors nothing is imported, unless --only-valid; importing the same file twice adds nothing."),
            ], examples: [
                "sondeo responses import satisfaccion_servicios respuestas_web.csv --dry-run",
                "sondeo responses import satisfaccion_servicios respuestas_web.csv --mode web",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id"))
    var questionnaire: String
    @Argument(help: ArgumentHelp(L("Archivo CSV de respuestas.", "CSV file of responses."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Columna que identifica al encuestado (por defecto id_afiliado si existe, si no la primera).",
                                 "Column identifying the respondent (id_afiliado if present, else the first)."), valueName: L("columna", "column")))
    var id: String?
    @Option(help: ArgumentHelp(L("Modo de las respuestas sin columna _modo: telefono, presencial o web.", "Mode of rows without a _modo column: telefono, presencial or web."),
                               valueName: L("modo", "mode")))
    var mode: String = "web"
    @Flag(help: ArgumentHelp(L("Solo revisa y reporta; no guarda nada.", "Only check and report; save nothing.")))
    var dryRun = false
    @Flag(help: ArgumentHelp(L("Guarda las filas válidas aunque otras tengan errores.", "Save the valid rows even if others have errors.")))
    var onlyValid = false
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard Mode(folding: mode) != nil else {
            throw ValidationError(L("--mode debe ser telefono, presencial o web, no «\(mode)»", "--mode must be telefono, presencial or web, not «\(mode)»"))
        }
    }

    func run() throws {
        let (store, published, q) = try storeOptions.published(questionnaire)
        let (table, report) = try reading.readTable(file, digest: true)
        let idColumn = try table.column(id ?? (table["id_afiliado"] != nil ? "id_afiliado" : table.columnNames[0]), source: file)
        let importer = ResponseImport(store: store, questionnaire: q, id: questionnaire, version: published.version, table: table, file: file,
                                      idColumn: idColumn, mode: mode, source: "import:" + (report.sha256 ?? "")) { Terminal.error($0) }
        if let error = importer.missingColumnsError(file: file, questionnaire: questionnaire, version: published.version) {
            Terminal.error(error)
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        func summary(_ c: ResponseImport.Counts) -> String { c.summary(rows: table.rowCount) }
        if dryRun {
            let counts = importer.check(progress: Terminal.steps(label: L("Revisando \(file)", "Checking \(file)")))
            print(summary(counts) + L(" Revisión sin guardar (--dry-run).", " Checked without saving (--dry-run)."))
            if counts.errors > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
            return
        }
        let saved: (counts: ResponseImport.Counts, added: Int, unchanged: Int)
        do {
            saved = try importer.save(onlyValid: onlyValid, actor: storeOptions.actor, progress: Terminal.steps(label: L("Importando \(file)", "Importing \(file)")))
        } catch .rowsWithErrors(let counts) {
            print(summary(counts) + L(" No se importó nada: corrija las filas o use --only-valid.", " Nothing was imported: fix the rows or use --only-valid."))
            throw ExitCode(ExitStatus.dataError.rawValue)
        } catch .store(let counts, let error) {
            print(summary(counts) + L(" No se importó nada.", " Nothing was imported."))
            throw error
        }
        print(summary(saved.counts) + ResponseImport.saved(added: saved.added, unchanged: saved.unchanged, store: storeOptions.shownPath))
    }
}

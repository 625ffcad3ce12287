import Analysis
import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Store
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
        let (table, _) = try reading.readTable(file)
        let rows = ResponseRows(questionnaire: q, table: table)
        if !rows.missingColumns.isEmpty {
            Terminal.error(L("error: a \(file) le faltan columnas del cuestionario «\(questionnaire)» versión \(published.version): \(rows.missingColumns.joined(separator: ", "))",
                             "error: \(file) lacks columns of questionnaire «\(questionnaire)» version \(published.version): \(rows.missingColumns.joined(separator: ", "))"))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        let idColumn = try table.column(id ?? (table["id_afiliado"] != nil ? "id_afiliado" : table.columnNames[0]), source: file)
        let source = "import:" + SHA256.hex(of: [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()))
        let now = SQLiteStore.now()
        var interviews: [InterviewRecord] = []
        var errors = 0, warnings = 0, badRows = 0
        var seen: [String: Int] = [:]
        var modes: [String: Mode] = [:], checks: [Mode: AnswerCheck] = [:]
        let plan = rows.plan
        for row in 0..<table.rowCount {
            let line = table.line(ofRow: row)
            var rowErrors = 0
            func report(_ severity: String, _ column: String?, _ message: String) {
                let place = column.map { " [\($0)]" } ?? ""
                Terminal.error("\(file):\(line)\(place): \(severity): \(message)")
            }
            guard let respondent = idColumn.text(at: row), !respondent.isEmpty else {
                report("error", idColumn.name, L("falta el identificador del encuestado", "the respondent id is missing"))
                errors += 1; badRows += 1
                continue
            }
            if let first = seen[respondent] {
                report("error", idColumn.name, L("«\(respondent)» ya apareció en la línea \(first)", "«\(respondent)» already appeared on line \(first)"))
                errors += 1; badRows += 1
                continue
            }
            seen[respondent] = line
            let modeText = rows.system("_modo", row: row) ?? mode
            let rowMode = modes[modeText] ?? {
                let m = Mode(folding: modeText) ?? .web
                modes[modeText] = m
                return m
            }()
            let (responses, cellProblems) = rows.responses(row: row, plan: plan)
            for p in cellProblems { report("error", p.column, L(p.spanish, p.english)); rowErrors += 1 }
            let check = checks[rowMode] ?? AnswerCheck(q, mode: rowMode)
            checks[rowMode] = check
            let (states, ending) = check.routing.states(responses)
            for p in check.problems(of: responses, states: states) {
                if p.severity == .error { rowErrors += 1 } else { warnings += 1 }
                report(p.severity == .error ? "error" : L("aviso", "warning"), p.variable, L(p.spanish, p.english))
            }
            errors += rowErrors
            if rowErrors > 0 { badRows += 1; continue }
            let answers = responses.values.sorted { $0.key < $1.key }.map { StoredAnswer(variable: $0.key, answer: $0.value) }
            interviews.append(InterviewRecord(questionnaire: questionnaire, version: published.version, respondent: respondent, mode: rowMode.rawValue,
                                              interviewer: rows.system("_encuestador", row: row), startedAt: rows.system("_inicio", row: row) ?? now,
                                              endedAt: rows.system("_fin", row: row), disposition: rows.system("_disposicion", row: row) ?? ending?.disposition ?? "completa",
                                              source: source, answers: answers))
        }
        let summary = L("\(NumberText.count(table.rowCount, "fila", "filas")): \(NumberText.count(interviews.count, "válida", "válidas")), \(NumberText.integer(badRows)) con errores (\(NumberText.count(errors, "error", "errores")), \(NumberText.count(warnings, "aviso", "avisos"))).",
                        "\(table.rowCount) rows: \(interviews.count) valid, \(badRows) with errors (\(errors) errors, \(warnings) warnings).")
        if dryRun {
            print(summary + L(" Revisión sin guardar (--dry-run).", " Checked without saving (--dry-run)."))
            if errors > 0 { throw ExitCode(ExitStatus.dataError.rawValue) }
            return
        }
        if badRows > 0 && !onlyValid {
            print(summary + L(" No se importó nada: corrija las filas o use --only-valid.", " Nothing was imported: fix the rows or use --only-valid."))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        let (added, unchanged) = try store.save(interviews, actor: storeOptions.actor)
        print(summary + L(" Guardadas \(NumberText.integer(added)) entrevistas nuevas en \(storeOptions.shownPath); \(NumberText.integer(unchanged)) ya estaban.",
                          " Saved \(added) new interviews in \(storeOptions.shownPath); \(unchanged) were already there."))
    }
}

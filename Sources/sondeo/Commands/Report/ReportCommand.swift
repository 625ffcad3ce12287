import Analysis
import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Table

/// `sondeo report FILE --questionnaire Q [--by COL] --out reporte.html`: the survey's report, one
/// self-contained HTML file (or Markdown) to present to management.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: L("Informe de la encuesta en un solo archivo HTML (o Markdown): indicadores, muestra y diseño, factores clave, cada pregunta con intervalos, cruces y notas de precisión.",
                        "Survey report in a single HTML (or Markdown) file: indicators, sample and design, key drivers, every question with intervals, cross-tables and precision notes."),
            discussion: HelpText.discussion([
                L("El archivo de respuestas es el de «sondeo responses export» (o uno con las mismas columnas); el cuestionario da los textos, las etiquetas y los códigos NS/NR, que quedan fuera de la base. El diseño se reconoce solo (estrato, peso, N_estrato) o se indica con --strata, --weights y --fpc. Las estimaciones con n efectivo menor que 30 o error relativo mayor que 30 % se marcan con †.",
                  "The responses file is that of «sondeo responses export» (or one with the same columns); the questionnaire gives the texts, labels and DK/NA codes, which stay out of the base. The design is recognised by itself (estrato, peso, N_estrato) or given with --strata, --weights and --fpc. Estimates with an effective n under 30 or a relative error over 30 % are marked †."),
            ], examples: [
                "sondeo report entrevistas.csv --questionnaire Questionnaires/satisfaccion-servicios.encuesta --by estrato --out reporte.html",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo de respuestas (CSV).", "Responses file (CSV)."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Cuestionario (.encuesta) de las respuestas.", "Questionnaire (.encuesta) of the responses."), valueName: L("cuestionario", "questionnaire")))
    var questionnaire: String
    @Option(help: ArgumentHelp(L("Archivo de salida (.html o .md).", "Output file (.html or .md)."), valueName: L("salida", "output")))
    var out: String
    @Option(help: ArgumentHelp(L("Formato: html o markdown (por defecto según la extensión de --out).", "Format: html or markdown (by default from --out's extension)."),
                               valueName: L("formato", "format")))
    var format: String?
    @Option(help: ArgumentHelp(L("Resultado global de los factores clave (por defecto el CSAT o el NPS).", "Overall outcome of the key drivers (CSAT or NPS by default)."),
                               valueName: L("variable", "variable")))
    var outcome: String?
    @Option(help: ArgumentHelp(L("Aspectos de los factores clave, separados por comas (por defecto las filas de la primera matriz de satisfacción).",
                                 "Key-driver aspects, comma-separated (the rows of the first satisfaction grid by default)."), valueName: L("variables", "variables")))
    var drivers: String?
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var global: GlobalOptions

    var markdown: Bool { FileKind(path: out) == .md }

    func validate() throws {
        if let format, !["html", "markdown", "md"].contains(format.lowercased()) {
            throw ValidationError(L("--format debe ser html o markdown, no «\(format)»", "--format must be html or markdown, not «\(format)»"))
        }
        try OutputPath.require(out, oneOf: [.html, .md], chosen: format.map { $0.lowercased() == "html" ? .html : .md })
        if design.byColumns.count > 1 {
            throw ValidationError(L("el informe cruza por una sola columna (--by)", "the report crosses by a single column (--by)"))
        }
    }

    func run() throws {
        let text = try QuestionnaireSource.read(questionnaire)
        let (q, diagnostics) = QuestionnaireChecker.check(text, file: questionnaire)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            for d in errors { Terminal.error(DiagnosticRenderer.render(d, language: Localization.language)) }
            Terminal.error(L("\(questionnaire) tiene errores: corríjalos antes del informe.", "\(questionnaire) has errors: fix them before the report."))
            throw ExitCode(1)
        }
        let header = try CSVReader.header(path: file, options: try reading.csvOptions())
        let names = Variables.of(q).map(\.name).filter(header.contains) + ["_modo", "_disposicion"].filter(header.contains)
        guard !Variables.of(q).map(\.name).filter(header.contains).isEmpty else {
            Terminal.error(L("error: \(file) no tiene ninguna columna de las preguntas de \(questionnaire) (¿es el archivo de «sondeo responses export»?)",
                             "error: \(file) has none of the question columns of \(questionnaire) (is it the file of «sondeo responses export»?)"))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        let data = try AnalysisInput(path: file, variables: names, options: design, reading: reading)
        let content = try ReportContent(table: data.table, questionnaire: q, design: data.design, designText: data.resolved.description(data.design.kind),
                                        file: file, by: design.byColumns.first, outcome: outcome,
                                        driverNames: drivers.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                                        confidence: design.confidence)
        try TextFile.write(markdown ? ReportMarkdown.document(content) : ReportHTML.page(content), to: out)
        Terminal.error(L("Escrito \(out): \(NumberText.count(content.questions.count, "pregunta", "preguntas")), \(NumberText.count(content.crossTables.count, "cruce", "cruces")), \(NumberText.count(content.flaggedCount, "estimación marcada", "estimaciones marcadas")) con † por poca precisión.",
                         "Wrote \(out): \(content.questions.count) questions, \(content.crossTables.count) cross-tables, \(content.flaggedCount) estimates marked † for low precision."))
    }
}

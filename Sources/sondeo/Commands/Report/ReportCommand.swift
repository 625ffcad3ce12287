import Analysis
import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Store
import Strategy
import Survey
import Table

/// `sondeo report ID --out reporte.html` (the interviews and the published version in the store) or
/// `sondeo report FILE --questionnaire Q` (a responses file): the survey's report, one self-contained
/// HTML file (or Markdown) to present to management.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: L("Informe de la encuesta en un solo archivo HTML (o Markdown): indicadores, muestra y diseño, factores clave, cada pregunta con intervalos, cruces y notas de precisión.",
                        "Survey report in a single HTML (or Markdown) file: indicators, sample and design, key drivers, every question with intervals, cross-tables and precision notes."),
            discussion: HelpText.discussion([
                L("El archivo de respuestas es el de «sondeo responses export» (o uno con las mismas columnas); el cuestionario da los textos, las etiquetas y los códigos NS/NR, que quedan fuera de la base. El diseño se reconoce solo (estrato, peso, N_estrato) o se indica con --strata, --weights y --fpc. Las estimaciones con n efectivo menor que 30 o error relativo mayor que 30 % se marcan con †.",
                  "The responses file is that of «sondeo responses export» (or one with the same columns); the questionnaire gives the texts, labels and DK/NA codes, which stay out of the base. The design is recognised by itself (estrato, peso, N_estrato) or given with --strata, --weights and --fpc. Estimates with an effective n under 30 or a relative error over 30 % are marked †."),
                L("Con solo el id de un cuestionario publicado, el informe sale de las entrevistas del almacén y de la versión publicada con que se recogieron; con un archivo, --questionnaire da el .encuesta o el id publicado.",
                  "With only the id of a published questionnaire, the report comes from the store's interviews and the published version they were collected with; with a file, --questionnaire gives the .encuesta or the published id."),
            ], examples: [
                "sondeo report satisfaccion_servicios --by estrato --out reporte.html",
                "sondeo report entrevistas.csv --questionnaire Questionnaires/satisfaccion-servicios.encuesta --by estrato --out reporte.html",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado, o archivo de respuestas (CSV) con --questionnaire.",
                                   "Id of the published questionnaire, or a responses file (CSV) with --questionnaire."), valueName: L("id|archivo", "id|file")))
    var file: String
    @Option(help: ArgumentHelp(L("Cuestionario de las respuestas del archivo: un .encuesta o el id publicado.", "Questionnaire of the file's responses: an .encuesta or the published id."),
                               valueName: L("cuestionario", "questionnaire")))
    var questionnaire: String?
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
    @Option(help: ArgumentHelp(L("Libro de códigos de los comentarios (CSV con tema,patron): agrega la sección «Comentarios por tema».",
                                 "Codeframe of the comments (CSV with tema,patron): adds the «Comments by theme» section."), valueName: L("temas", "themes")))
    var themes: String?
    @Option(help: ArgumentHelp(L("Columna de la ola o el mes en un archivo con varias mediciones: agrega la evolución del NPS y el CSAT con sus cambios.",
                                 "Wave or month column of a file with several waves: adds the NPS and CSAT trend with its changes."), valueName: L("columna", "column")))
    var wave: String?
    @Option(help: ArgumentHelp(L("Con --wave, más columnas cuya media se sigue ola a ola, separadas por comas.", "With --wave, more columns whose mean is followed wave by wave, comma-separated."),
                               valueName: L("columnas", "columns")))
    var trend: String?
    @Option(help: ArgumentHelp(L("Estrategia (.estrategia) con su plan de medición: agrega «lo planeado frente a lo logrado» (pide --base).",
                                 "Strategy (.estrategia) with its measurement plan: adds «planned against achieved» (needs --base)."), valueName: L("archivo", "file")))
    var strategy: String?
    @Option(help: ArgumentHelp(L("Con --strategy, la base de afiliados sobre la que se planeó la medición.", "With --strategy, the affiliate base the measurement was planned on."),
                               valueName: L("base", "base")))
    var base: String?
    @Option(name: .customLong("close-base"), help: ArgumentHelp(L("Con --strategy, la base extraída al cierre: los indicadores de la base que la encuesta no preguntó.",
                                                                  "With --strategy, the base extracted at the close: the base's indicators the survey did not ask."), valueName: L("base", "base")))
    var closeBase: String?
    @OptionGroup var design: DesignOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    var markdown: Bool { FileKind(path: out) == .md }

    func validate() throws {
        if let format, !["html", "markdown", "md"].contains(format.lowercased()) {
            throw ValidationError(L("--format debe ser html o markdown, no «\(format)»", "--format must be html or markdown, not «\(format)»"))
        }
        try OutputPath.require(out, oneOf: [.html, .md, .pdf], chosen: format.map { $0.lowercased() == "html" ? (FileKind(path: out) == .pdf ? .pdf : .html) : .md })
        if questionnaire == nil && FileManager.default.fileExists(atPath: file) {
            throw ValidationError(L("«\(file)» es un archivo de respuestas: indique su cuestionario con --questionnaire (un .encuesta o el id publicado)",
                                    "«\(file)» is a responses file: give its questionnaire with --questionnaire (an .encuesta or the published id)"))
        }
        if strategy != nil && (base == nil || questionnaire == nil) {
            throw ValidationError(L("--strategy compara con lo planeado sobre la base: dé --base y un archivo de respuestas con --questionnaire",
                                    "--strategy compares with what was planned on the base: give --base and a responses file with --questionnaire"))
        }
        if design.byColumns.count > 1 {
            throw ValidationError(L("el informe cruza por una sola columna (--by)", "the report crosses by a single column (--by)"))
        }
    }

    func run() throws {
        let drivers = self.drivers.map(TextLines.list)
        let codeframe = try themes.map { try Codeframe(table: try reading.readTable($0).table, path: $0) }
        var content: ReportContent
        if let questionnaire {
            let q = try Self.questionnaire(questionnaire, storeOptions: storeOptions)
            guard let names = ReportContent.columns(in: try reading.header(file), of: q) else {
                Terminal.error(L("error: \(file) no tiene ninguna columna de las preguntas de \(questionnaire) (¿es el archivo de «sondeo responses export»?)",
                                 "error: \(file) has none of the question columns of \(questionnaire) (is it the file of «sondeo responses export»?)"))
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
            let data = try AnalysisInput.read(path: file, variables: names + [wave].compactMap { $0 } + TextLines.list(trend), options: design, reading: reading)
            content = try Terminal.working(L("Calculando el informe", "Computing the report")) {
                try ReportContent(table: data.table, questionnaire: q, design: data.design, designText: data.resolved.description(data.design.kind),
                                  file: file, by: design.byColumns.first, outcome: outcome, driverNames: drivers, confidence: design.confidence,
                                  codeframe: codeframe, wave: wave, trendColumns: TextLines.list(trend))
            }
            if let strategy {
                content.appendices.append(try planAgainstAchieved(strategy, responses: ReportContent.answers(data.table, questionnaire: q), design: data.design))
            }
        } else {
            // The store's interviews, read with the version that was published for them.
            let (store, published, q) = try storeOptions.published(file)
            let population = try design.calibration.population(reading: reading)
            content = try Terminal.working(L("Calculando el informe", "Computing the report")) {
                try .fromStore(store, id: file, version: published.version, questionnaire: q, designColumns: design.resolve(header:),
                               lonelyPSU: design.lonelyPsu, population: population, codeframe: codeframe,
                               wave: wave, by: design.byColumns.first, outcome: outcome, drivers: drivers, confidence: design.confidence)
            }
        }
        try DocumentFile.write(markdown ? ReportMarkdown.document(content) : ReportHTML.page(content), html: !markdown, to: out)
        Terminal.error(content.written(to: out))
    }

    /// The questionnaire named by --questionnaire: an .encuesta file (checked), or else a published id.
    static func questionnaire(_ name: String, storeOptions: StoreOptions) throws -> QuestionnaireFile {
        guard FileManager.default.fileExists(atPath: name) else { return try storeOptions.published(name).questionnaire }
        return try QuestionnaireGate.checked(for: L("antes del informe", "before the report")) { try QuestionnaireCheck.valid(name) }.questionnaire
    }

    /// The strategy's planned against achieved on this file's responses and design (``MeasurementReview``).
    func planAgainstAchieved(_ path: String, responses: Table, design: SurveyDesign) throws -> ReportContent.Appendix {
        let (file, plan, closing) = try StrategyInput.parse([path, "--base", base!]).measurementPlan(closing: closeBase)
        let review = try MeasurementReview(file, plan: plan, responses: responses, design: design, cases: try StrategyInput.caseCounts(file, store: storeOptions),
                                           closing: closing)
        return ReportContent.Appendix(title: MeasurementReview.title, html: review.html(), markdown: review.markdown())
    }
}

import ArgumentParser
import Diagnostics
import Foundation
import Store
import Strategy
import Survey
import Table

/// `sondeo strategy plan FILE --base BASE`: the measurement plan worked out (steps 39–40).
struct PlanStrategyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plan",
                             abstract: L("El plan de medición (pasos 39 y 40): la muestra que pide el margen de cada indicador, los contactos y el reparto por estratos.",
                                         "The measurement plan (steps 39 and 40): the sample each indicator's margin needs, the contacts and the split by strata."))
    }

    @OptionGroup var input: StrategyInput
    @Flag(help: ArgumentHelp(L("Publica en el almacén el cuestionario que nombra la medición (un .encuesta), como «sondeo questionnaire publish».",
                               "Publishes in the store the questionnaire the measurement names (a .encuesta), as «sondeo questionnaire publish».")))
    var publish = false
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp(L("Formato: table o json.", "Format: table or json."), valueName: L("formato", "format"))) var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
        try input.requireBase()
    }

    func run() throws {
        let (_, plan) = try input.measurementPlan()
        print(plan.render(format))
        if let questionnaire = plan.questionnaire, format == .table { print(try questionnaireLine(questionnaire)) }
    }

    /// The questionnaire the measurement names: a .encuesta (from here, or beside the strategy) published
    /// with --publish, or an id looked up in the store (when there is one) with its latest version.
    func questionnaireLine(_ written: String) throws -> String {
        let beside = URL(fileURLWithPath: input.file).deletingLastPathComponent().appendingPathComponent(written).path
        let name = FileManager.default.fileExists(atPath: written) || !FileManager.default.fileExists(atPath: beside) ? written : beside
        if FileManager.default.fileExists(atPath: name) {
            guard publish else {
                return L("El cuestionario \(name) se publica con --publish (o «sondeo questionnaire publish»).", "Questionnaire \(name) is published with --publish (or «sondeo questionnaire publish»).")
            }
            let (version, outcome) = try QuestionnaireGate.checked(for: L("antes de publicarlo", "before publishing")) {
                try QuestionnairePublication.publish(name, in: try storeOptions.open(), actor: storeOptions.actor)
            }
            return QuestionnairePublication.message(version, outcome, store: storeOptions.shownPath)
        }
        if publish {
            throw ValidationError(L("--publish publica un archivo .encuesta; «\(name)» no es un archivo", "--publish publishes a .encuesta file; «\(name)» is not a file"))
        }
        guard storeOptions.exists, let latest = try storeOptions.open().latestQuestionnaire(name) else {
            return L("Cuestionario «\(name)»: no está publicado en \(storeOptions.shownPath); publíquelo antes del campo (paso 43).",
                     "Questionnaire «\(name)»: not published in \(storeOptions.shownPath); publish it before fieldwork (step 43).")
        }
        return L("Cuestionario «\(name)»: versión \(latest.version.version) publicada el \(latest.version.publishedAt.prefix(10)) en \(storeOptions.shownPath).",
                 "Questionnaire «\(name)»: version \(latest.version.version) published on \(latest.version.publishedAt.prefix(10)) in \(storeOptions.shownPath).")
    }
}

/// `sondeo strategy review FILE --base BASE --responses R.csv`: planned against achieved.
struct ReviewStrategyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "review",
                             abstract: L("Lo planeado frente a lo logrado: muestra por estrato, margen logrado de cada indicador, cambio desde la línea base y meta.",
                                         "Planned against achieved: sample per stratum, each indicator's achieved margin, change from the baseline, and target."),
                             discussion: HelpText.discussion([
                                 L("Las respuestas son el archivo de «sondeo responses export» (o uno con las columnas estrato, peso y N_estrato de «sample draw»); cada indicador se estima con el diseño.",
                                   "The responses are «sondeo responses export»'s file (or one with the estrato, peso and N_estrato columns of «sample draw»); each indicator is estimated with the design."),
                                 L("Los indicadores «casos pqrsl» se cuentan en el almacén de casos (--store): los casos recibidos en su periodo (la vigencia de la estrategia) hasta hoy o hasta --on.",
                                   "«casos pqrsl» indicators are counted in the cases store (--store): the cases received in their period (the strategy's vigencia) up to today or --on."),
                             ], examples: ["sondeo strategy review Examples/estrategia_jovenes.estrategia --base Examples/data/afiliados.csv --responses respuestas_cierre.csv"]))
    }

    @OptionGroup var input: StrategyInput
    @Option(help: ArgumentHelp(L("Respuestas de la medición (CSV, Excel o SPSS).", "The measurement's responses (CSV, Excel or SPSS)."), valueName: L("archivo", "file")))
    var responses: String
    @Option(name: .customLong("close-base"),
            help: ArgumentHelp(L("La base extraída al cierre (un archivo o una base de datos con --query): mide en ella los indicadores de la base que la encuesta no preguntó, sobre los afiliados que estaban en el segmento.",
                                 "The base extracted at the close (a file, or a database with --query): measures in it the base's indicators the survey did not ask, over the affiliates who were in the segment."),
                               valueName: L("base", "base")))
    var closeBase: String?
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp(L("Día del corte de los casos PQRSL (por defecto hoy).", "Cut-off day of the PQRSL cases (today by default)."), valueName: L("fecha", "date")))
    var on: String?
    @Option(help: ArgumentHelp(L("Formato: table o json.", "Format: table or json."), valueName: L("formato", "format"))) var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
        try input.requireBase()
        if let on { _ = try parseDate(on, field: "--on") }
    }

    func run() throws {
        let (file, plan, closing) = try input.measurementPlan(closing: closeBase)
        let answers = try input.reading.readTable(responses).table
        let cases = try StrategyInput.caseCounts(file, store: storeOptions, on: on.map { try parseDate($0, field: "--on") })
        print(try MeasurementReview(file, plan: plan, responses: answers, cases: cases, closing: closing).render(format))
    }
}

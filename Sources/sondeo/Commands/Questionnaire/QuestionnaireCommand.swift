import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Table

/// `sondeo questionnaire`: step 42, questionnaires as plain text.
struct QuestionnaireCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "questionnaire",
            abstract: L("Cuestionarios en texto plano (.encuesta): revisarlos y convertirlos en documento, HTML, JSON, XLSForm o libro de códigos.",
                        "Plain-text questionnaires (.encuesta): check them and turn them into a document, HTML, JSON, XLSForm or codebook."),
            subcommands: [QuestionnaireCheckCommand.self, QuestionnaireRenderCommand.self, QuestionnairePublishCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}

/// Reads a questionnaire file as UTF-8 text.
enum QuestionnaireSource {
    static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw CSVError(.fileNotFound, at: SourceLocation(source: path)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(.ioFailure(reason: L("no se pudo leer", "could not be read")), at: SourceLocation(source: path))
        }
        switch SourceText.decode([UInt8](data), file: path) {
        case .success(let text): return text
        case .failure(let diagnostic): throw diagnostic
        }
    }

    /// The SHA-256 of the text: with the id and the version, a questionnaire's identity.
    static func hash(_ text: String) -> String { SHA256.hex(of: Array(text.utf8)) }
}

/// `sondeo questionnaire check FILE [--format json] [--strict] [--against PREVIOUS]`.
struct QuestionnaireCheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: L("Revisa un cuestionario: todos los errores y advertencias con su línea, la regla y una sugerencia.",
                        "Check a questionnaire: every error and warning with its line, the rule and a suggestion."),
            discussion: HelpText.discussion([
                L("Termina con código 1 si hay errores. Con --against compara con la versión publicada anterior: mismo número de versión con otro texto, cambios de tipo o de significado de un código.",
                  "Exits with code 1 when there are errors. With --against it compares with the previous published version: the same version number with another text, changes of type or of a code's meaning."),
            ], examples: [
                "sondeo questionnaire check Questionnaires/satisfaccion-servicios.encuesta",
                "sondeo questionnaire check nueva.encuesta --against publicada.encuesta",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo .encuesta.", ".encuesta file."), valueName: L("archivo", "file")))
    var file: String
    @Option(help: ArgumentHelp(L("Versión publicada anterior del mismo cuestionario.", "Previous published version of the same questionnaire."),
                               valueName: L("archivo", "file")))
    var against: String?
    @Flag(help: ArgumentHelp(L("Vuelve errores las reglas de la Ley 1581 (consentimiento antes de datos personales).",
                               "Turn the Ley 1581 rules (consent before personal data) into errors.")))
    var strict = false
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var global: GlobalOptions

    func validate() throws { try format.require([.table, .json]) }

    func run() throws {
        let text = try QuestionnaireSource.read(file)
        let (questionnaire, found) = QuestionnaireChecker.check(text, file: file, options: .init(strict: strict))
        var diagnostics = found
        if let against {
            let previousText = try QuestionnaireSource.read(against)
            let (previous, _) = QuestionnaireParser.parse(previousText, file: against)
            diagnostics += VersionComparison.compare(current: questionnaire, currentHash: QuestionnaireSource.hash(text), file: file, text: text,
                                                     previous: previous, previousHash: QuestionnaireSource.hash(previousText))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.filter { $0.severity == .warning }.count
        let summary = QuestionnaireSummary(questionnaire)
        if format == .json {
            print(JSONValue.object([
                ("file", .string(file)), ("id", questionnaire.id.map(JSONValue.string) ?? .null),
                ("version", questionnaire.version.map(JSONValue.string) ?? .null), ("sha256", .string(QuestionnaireSource.hash(text))),
                ("errors", .integer(errors)), ("warnings", .integer(warnings)),
                ("diagnostics", .array(diagnostics.map { d in
                    .object([("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("line", .integer(d.position.line)),
                             ("column", .integer(d.position.column)), ("message", .string(d.message(Localization.language))), ("text", .string(d.line))])
                })),
                ("summary", .object([("items", .integer(summary.items)), ("variables", .integer(summary.variables)), ("lists", .integer(summary.lists)),
                                     ("phone_minutes", .number(summary.phoneMinutes))])),
            ]).rendered())
        } else {
            for d in diagnostics {
                let severity: DiagnosticRenderer.Severity = d.severity == .error ? .error : (d.severity == .warning ? .warning : .note)
                print(DiagnosticRenderer.render(d, language: Localization.language, severity: severity))
                print("")
            }
            let minutesES = summary.phoneMinutes < 1 ? "menos de 1 min de entrevista" : "unos \(NumberText.decimal(summary.phoneMinutes, places: 0)) min de entrevista"
            let minutesEN = summary.phoneMinutes < 1 ? "under 1 min of interview" : "about \(NumberText.decimal(summary.phoneMinutes, places: 0)) min of interview"
            print(L("\(file): \(NumberText.count(errors, "error", "errores")), \(NumberText.count(warnings, "advertencia", "advertencias")) · \(NumberText.count(summary.items, "pregunta", "preguntas")), \(NumberText.count(summary.variables, "variable", "variables")), \(NumberText.count(summary.lists, "lista", "listas")) · \(minutesES)",
                    "\(file): \(NumberText.count(errors, "error", "errors")), \(NumberText.count(warnings, "warning", "warnings")) · \(NumberText.count(summary.items, "question", "questions")), \(NumberText.count(summary.variables, "variable", "variables")), \(NumberText.count(summary.lists, "list", "lists")) · \(minutesEN)"))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

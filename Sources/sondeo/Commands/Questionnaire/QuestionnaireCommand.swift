import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Survey
import Table

/// `sondeo questionnaire`: step 42, questionnaires as plain text.
struct QuestionnaireCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "questionnaire",
            abstract: L("Cuestionarios en texto plano (.encuesta): revisarlos, ensayarlos, traerlos de un XLSForm y convertirlos en documento, HTML, JSON, XLSForm o libro de códigos.",
                        "Plain-text questionnaires (.encuesta): check, rehearse, bring them from an XLSForm and turn them into a document, HTML, JSON, XLSForm or codebook."),
            subcommands: [QuestionnaireCheckCommand.self, QuestionnaireRenderCommand.self, QuestionnaireRehearseCommand.self, QuestionnaireImportCommand.self, QuestionnairePublishCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
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
        let check = try QuestionnaireCheck(file: file, against: against, strict: strict)
        print(check.report(format))
        if check.errors > 0 { throw ExitCode(1) }
    }
}

/// A command that needs a questionnaire without errors: its errors are shown and the command ends with 1.
enum QuestionnaireGate {
    static func checked<T>(for purpose: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let invalid as QuestionnaireCheck.Invalid {
            for d in invalid.errors { Terminal.error(DiagnosticRenderer.render(d, language: Localization.language)) }
            let n = invalid.errors.count
            Terminal.error(L("\(invalid.file) tiene \(NumberText.count(n, "error", "errores")): corríjalos \(purpose).",
                             "\(invalid.file) has \(NumberText.count(n, "error", "errors")): fix them \(purpose)."))
            throw ExitCode(1)
        }
    }
}

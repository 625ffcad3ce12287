import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Store

/// `sondeo questionnaire publish FILE`: saves a checked questionnaire version in the store, so that
/// interviews and imports record which text they answered.
struct QuestionnairePublishCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "publish",
            abstract: L("Publica una versión del cuestionario en el almacén: su texto y su huella SHA-256.",
                        "Publish a questionnaire version in the store: its text and SHA-256 fingerprint."),
            discussion: HelpText.discussion([
                L("Solo se publica un cuestionario sin errores. Publicar otra vez el mismo texto no cambia nada; un texto distinto con el mismo número de versión se rechaza: cambie «versión» en el archivo.",
                  "Only a questionnaire without errors is published. Publishing the same text again changes nothing; another text under the same version number is refused: change «versión» in the file."),
            ], examples: [
                "sondeo questionnaire publish Questionnaires/satisfaccion-servicios.encuesta",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Archivo .encuesta.", ".encuesta file."), valueName: L("archivo", "file")))
    var file: String
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let text = try QuestionnaireSource.read(file)
        let (q, diagnostics) = QuestionnaireChecker.check(text, file: file)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let id = q.id, let version = q.version else {
            for d in errors { Terminal.error(DiagnosticRenderer.render(d, language: Localization.language)) }
            Terminal.error(L("\(file) tiene \(NumberText.count(errors.count, "error", "errores")): corríjalos antes de publicarlo.",
                             "\(file) has \(NumberText.count(errors.count, "error", "errors")): fix them before publishing."))
            throw ExitCode(1)
        }
        let hash = QuestionnaireSource.hash(text)
        let store = try storeOptions.open()
        let outcome = try store.publish(PublishedVersion(questionnaire: id, version: version, sha256: hash, source: text, publishedAt: Clock.system.timestamp),
                                        actor: storeOptions.actor)
        switch outcome {
        case .published:
            print(L("Publicado «\(id)» versión \(version) en \(storeOptions.shownPath) (SHA-256 \(hash.prefix(12))…).",
                    "Published «\(id)» version \(version) in \(storeOptions.shownPath) (SHA-256 \(hash.prefix(12))…)."))
        case .alreadyPublished:
            print(L("«\(id)» versión \(version) ya estaba publicado con este mismo texto en \(storeOptions.shownPath); no cambió nada.",
                    "«\(id)» version \(version) was already published with this same text in \(storeOptions.shownPath); nothing changed."))
        }
    }
}

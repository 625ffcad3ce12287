import ArgumentParser
import Diagnostics
import Foundation
import Questionnaire
import Survey
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
        let (version, outcome) = try QuestionnaireGate.checked(for: L("antes de publicarlo", "before publishing")) {
            try QuestionnairePublication.publish(file, in: try storeOptions.open(), actor: storeOptions.actor)
        }
        print(QuestionnairePublication.message(version, outcome, store: storeOptions.shownPath))
    }
}

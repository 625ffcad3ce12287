import ArgumentParser
import Foundation
import Diagnostics
import Questionnaire
import Store

/// Which store a command reads and writes: `--store PATH`, else `SONDEO_STORE`, else `sondeo.sqlite`
/// in the current folder (DESIGN.md, command-line conventions).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Almacén de encuestas (archivo SQLite); por defecto SONDEO_STORE o sondeo.sqlite.",
                                 "Survey store (SQLite file); by default SONDEO_STORE or sondeo.sqlite."),
                               valueName: L("archivo", "file")))
    var store: String?

    var path: String { store ?? ProcessInfo.processInfo.environment["SONDEO_STORE"] ?? "sondeo.sqlite" }

    func open() throws -> SQLiteStore { try SQLiteStore(path: path) }

    /// The store and the latest published version of a questionnaire, parsed; an id that is not
    /// published is refused with the closest published one suggested.
    func published(_ questionnaire: String) throws -> (store: SQLiteStore, version: PublishedVersion, questionnaire: QuestionnaireFile) {
        let store = try open()
        guard let latest = try store.versions(of: questionnaire).last else {
            throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: try store.questionnaires()))
        }
        return (store, latest, QuestionnaireParser.parse(latest.source, file: questionnaire).file)
    }

    /// Who is acting, for the audit log: the login name.
    var actor: String { ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "sondeo" }
}

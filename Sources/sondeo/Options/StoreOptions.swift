import ArgumentParser
import Foundation
import Diagnostics
import Questionnaire
import Store

/// Which store a command reads and writes: `--store PATH`, else `SONDEO_STORE`, else `sondeo.sqlite`
/// in the current folder (DESIGN.md, command-line conventions).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Almacén de encuestas: un archivo SQLite o un servidor postgres://usuario:clave@servidor/base; por defecto SONDEO_STORE o sondeo.sqlite.",
                                 "Survey store: a SQLite file or a postgres://user:password@host/database server; by default SONDEO_STORE or sondeo.sqlite."),
                               valueName: L("archivo", "file")))
    var store: String?

    var path: String { store ?? ProcessInfo.processInfo.environment["SONDEO_STORE"] ?? "sondeo.sqlite" }

    /// The store as messages show it: a PostgreSQL address without its password.
    var shownPath: String { SQLStore.shown(path) }

    /// Whether there is a store to read (a PostgreSQL server, or a SQLite file that exists): a command
    /// that only reads does not create one.
    var exists: Bool { path.hasPrefix("postgres") || FileManager.default.fileExists(atPath: path) }

    /// The survey store: a SQLite file, or a PostgreSQL server for several users at once.
    func open() throws -> any SurveyStore { try SQLStore(path) }

    /// The store of the web form (links, accounts, sessions), SQLite or PostgreSQL.
    func openWeb() throws -> any WebStore { try SQLStore(path) }

    /// The store of the PQRSL cases, SQLite or PostgreSQL.
    func openCases() throws -> any CaseStore { try SQLStore(path) }

    /// The store and the latest published version of a questionnaire, parsed; an id that is not
    /// published is refused with the closest published one suggested.
    func published(_ questionnaire: String) throws -> (store: any SurveyStore, version: PublishedVersion, questionnaire: QuestionnaireFile) {
        let store = try open()
        guard let latest = try store.latestQuestionnaire(questionnaire) else {
            throw StoreError.unknownQuestionnaire(questionnaire, suggestion: Suggestion.closest(to: questionnaire, among: try store.questionnaires()))
        }
        return (store, latest.version, latest.file)
    }

    /// Who is acting, for the audit log: the login name.
    var actor: String { ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "sondeo" }
}

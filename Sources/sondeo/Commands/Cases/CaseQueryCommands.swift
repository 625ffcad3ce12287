import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases show RADICADO`.
struct ShowCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: L("Un caso con su término, su estado y su historia.", "A case with its term, state and history."))
    }

    @Argument(help: ArgumentHelp(L("Radicado del caso.", "The case's radicado."), valueName: "radicado")) var radicado: String
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format"))) var format: OutputFormat = .table
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try format.require([.table, .json]) }

    func run() throws {
        let store = try options.storeOptions.openCases()
        let c = try CaseDesk.load(radicado, from: store)
        let calendar = try options.calendarOptions.calendar()
        print(c.details(history: try store.history(of: c.radicado), attempts: try store.verificationAttempts(of: c.radicado),
                        reminder: c.reminder(calendar), catalog: try options.desk().catalog, format: format,
                        attachments: try store.attachments(of: c.radicado), requests: try store.requests(of: c.radicado)))
    }
}

/// `sondeo cases list`.
struct ListCasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: L("Los casos, filtrados por estado, responsable o mes de recibo.", "The cases, filtered by state, owner or month of receipt."))
    }

    @Option(help: ArgumentHelp(L("Estado.", "State."), valueName: L("estado", "state"))) var state: String?
    @Option(help: ArgumentHelp(L("Responsable.", "Owner."), valueName: L("responsable", "owner"))) var owner: String?
    @Option(help: ArgumentHelp(L("Mes de recibo (aaaa-mm).", "Month of receipt (yyyy-mm)."), valueName: L("mes", "month"))) var month: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if let state { _ = try choice(state, PQRSState.self, field: L("el estado", "the state")) }
        let cases = try CaseFilter(state: state, owner: owner, month: month).apply(try options.storeOptions.openCases().pqrsCases())
        print(PQRSCaseRecord.list(cases))
    }
}

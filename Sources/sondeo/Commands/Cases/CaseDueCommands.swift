import BusinessDays
import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases due`.
struct DueCasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "due",
            abstract: L("Lo que hay que atender hoy, por responsable: recordatorios (2 días hábiles antes del vencimiento), los que vencen hoy y los vencidos.",
                        "What needs attention today, by owner: reminders (2 business days before the deadline), those due today and those overdue."),
            discussion: HelpText.discussion([
                L("Cada recordatorio se envía una sola vez por vencimiento, aunque el comando se corra varias veces al día; un caso prorrogado o reanudado tiene un vencimiento nuevo y su propio recordatorio.",
                  "Each reminder is sent once per deadline, however often the command runs; an extended or resumed case has a new deadline and its own reminder."),
            ], examples: ["sondeo cases due", "sondeo cases due --on 2026-11-30 --format json"])
        )
    }

    @Option(help: ArgumentHelp(L("Día (por defecto hoy).", "Day (today by default)."), valueName: L("fecha", "date"))) var on: String?
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format"))) var format: OutputFormat = .table
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { try format.require([.table, .json]) }

    func run() throws {
        let today = CivilDate.colombianToday()
        let day = try on.map { try parseDate($0, field: "--on") } ?? today
        let store = try options.storeOptions.openCases()
        let calendar = try options.calendarOptions.calendar()
        let due = DueList(try store.pqrsCases(), on: day, calendar: calendar)
        print(due.report(try due.noteReminders(in: store, today: today), today: today, format: format,
                         requests: DueList.requestsDue(try store.requests(of: nil), on: day)))
    }
}

/// `sondeo cases verify-sample --month YYYY-MM`.
struct VerifySampleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify-sample",
            abstract: L("Sortea los reclamos sobre subsidios que se verifican en un mes (muestra aleatoria simple de 100, o todos si son menos), con semilla y huella guardadas.",
                        "Draws the claims about subsidies verified in a month (simple random sample of 100, or all if fewer), with the seed and fingerprint stored."),
            discussion: HelpText.discussion([
                L("La población son los reclamos sobre subsidios cerrados que esperan el sorteo y se respondieron en el mes, ordenados por radicado; su huella es el SHA-256 de los radicados. Con la misma semilla y los mismos casos sale la misma muestra. Los no seleccionados se cierran como «no seleccionado». Un mes ya sorteado no se vuelve a sortear.",
                  "The population is the closed claims about subsidies waiting for the draw and answered in the month, sorted by radicado; its fingerprint is the SHA-256 of the radicados. The same seed and cases give the same sample. Those not drawn close as «not selected». A month already drawn is not drawn again."),
            ], examples: ["sondeo cases verify-sample --month 2026-10", "sondeo cases verify-sample --month 2026-10 --seed 20261101"])
        )
    }

    @Option(help: ArgumentHelp(L("Mes de la respuesta (aaaa-mm).", "Month of the answer (yyyy-mm)."), valueName: L("mes", "month"))) var month: String
    @Option(help: ArgumentHelp(L("Semilla (por defecto una al azar, que queda guardada).", "Seed (a random one by default, which is stored)."), valueName: L("semilla", "seed"))) var seed: UInt64?
    @Option(help: ArgumentHelp(L("Día del sorteo (por defecto hoy).", "Day of the draw (today by default)."), valueName: L("fecha", "date"))) var on: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws { _ = try firstDay(ofMonth: month) }

    func run() throws {
        let day = try on.map { try parseDate($0, field: "--on") } ?? CivilDate.colombianToday()
        var random = SystemRandomNumberGenerator()
        let (sample, drawn) = try options.desk().monthlySample(in: try options.storeOptions.openCases(), month: month, seed: seed ?? random.next(), on: day,
                                                              actor: options.who)
        print(sample.report(drawnNow: drawn))
    }
}

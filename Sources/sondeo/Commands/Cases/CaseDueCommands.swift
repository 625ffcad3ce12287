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
        let reminders = try due.noteReminders(in: store, today: today)
        let sent = reminders.new, already = reminders.already
        if format == .json {
            func list(_ items: [DueList.Item]) -> JSONValue {
                .array(items.map { .object([("radicado", .string($0.record.radicado)), ("owner", .string($0.record.owner)), ("type", .string($0.record.type)),
                                            ("deadline", .string($0.record.deadline)), ("days_late", .integer($0.daysLate))]) })
            }
            print(JSONValue.object([("date", .string(day.iso)), ("reminders_noted", .bool(reminders.noted)), ("reminders", list(sent)), ("reminders_already_sent", list(already)),
                                    ("due_today", list(due.dueToday)), ("overdue", list(due.overdue))]).rendered())
            return
        }
        func section(_ title: String, _ items: [DueList.Item], late: Bool = false) {
            guard !items.isEmpty else { return }
            print(title)
            var table = TextTable(headers: [L("responsable", "owner"), "radicado", L("tipo", "type"), L("vence", "due")] + (late ? [L("días hábiles de atraso", "business days late")] : []))
            for i in items { table.append([i.record.owner, i.record.radicado, i.record.type, i.record.deadline] + (late ? [String(i.daysLate)] : [])) }
            print(table.rendered())
            print()
        }
        print(L("PQRSL para el \(day.withWeekday)", "PQRSL for \(day.withWeekday)"))
        print()
        if reminders.noted {
            section(L("Recordatorios para hoy (vencen en 2 días hábiles o menos; quedan anotados como hechos):",
                      "Reminders for today (due in 2 business days or less; noted as done):"), sent)
        } else {
            section(L("Recordatorios que tocarán ese día (no se anotan todavía: el \(day.withWeekday) aún no llega):",
                      "Reminders due that day (not noted yet: \(day.withWeekday) has not come):"), sent)
        }
        section(L("Recordatorios ya hechos antes:", "Reminders already done:"), already)
        section(day == today ? L("Vencen hoy:", "Due today:") : L("Vencen ese día:", "Due that day:"), due.dueToday)
        section(L("Vencidos sin respuesta:", "Overdue without an answer:"), due.overdue, late: true)
        let dueWord = day == today ? L("vencen hoy", "due today") : L("vencen ese día", "due that day")
        print(L("\(NumberText.count(sent.count, "recordatorio nuevo", "recordatorios nuevos")) (\(already.count) ya \(already.count == 1 ? "hecho" : "hechos") antes), \(due.dueToday.count) \(dueWord), \(due.overdue.count) vencidos.",
                "\(sent.count) new reminders (\(already.count) already done), \(due.dueToday.count) \(dueWord), \(due.overdue.count) overdue."))
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
        let store = try options.storeOptions.openCases()
        if let existing = try store.sample(month: month) {
            print(L("La muestra de \(month) ya se sorteó el \(existing.drawnAt.prefix(10)) (semilla \(existing.seed), \(existing.algorithm)): \(existing.selected.count) de \(existing.population) casos, huella \(existing.populationSHA256.prefix(16))….",
                    "The sample of \(month) was drawn on \(existing.drawnAt.prefix(10)) (seed \(existing.seed), \(existing.algorithm)): \(existing.selected.count) of \(existing.population) cases, fingerprint \(existing.populationSHA256.prefix(16))…."))
            return
        }
        let desk = try options.desk()
        let day = try on.map { try parseDate($0, field: "--on") } ?? CivilDate.colombianToday()
        var random = SystemRandomNumberGenerator()
        let (sample, changes) = try desk.draw(try store.pqrsCases(), month: month, seed: seed ?? random.next(), on: day, at: Clock.system.timestamp, actor: options.who)
        try store.saveSample(sample, changes: changes)
        print(L("Muestra de verificación de \(month): \(sample.selected.count) de \(sample.population) reclamos sobre subsidios (semilla \(sample.seed), \(sample.algorithm), huella \(sample.populationSHA256.prefix(16))…).",
                "Verification sample of \(month): \(sample.selected.count) of \(sample.population) claims about subsidies (seed \(sample.seed), \(sample.algorithm), fingerprint \(sample.populationSHA256.prefix(16))…)."))
        if !sample.selected.isEmpty {
            let shown = sample.selected.prefix(10).joined(separator: ", ") + (sample.selected.count > 10 ? ", …" : "")
            print(L("Por llamar, en este orden: \(shown)", "To call, in this order: \(shown)"))
            if sample.selected.count > 10 {
                print(L("(la lista completa, en «sondeo cases export»: verificacion = pendiente)", "(the whole list in «sondeo cases export»: verificacion = pendiente)"))
            }
        }
    }
}

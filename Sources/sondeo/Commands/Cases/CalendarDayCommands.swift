import BusinessDays
import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Table

/// `sondeo calendar holidays YEAR`.
struct HolidaysCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "holidays",
            abstract: L("Los festivos de un año, con los trasladados al lunes y los cierres del archivo de ajustes.",
                        "The holidays of a year, with those moved to Monday and the closures of the override file."),
            discussion: HelpText.discussion([], examples: ["sondeo calendar holidays 2026", "sondeo calendar holidays 2025 --format json"])
        )
    }

    @Argument(help: ArgumentHelp(L("Año (1984 en adelante).", "Year (1984 onwards)."), valueName: L("año", "year")))
    var year: Int
    @Option(help: ArgumentHelp(L("Formato de salida: table o json.", "Output format: table or json."), valueName: L("formato", "format")))
    var format: OutputFormat = .table
    @OptionGroup var calendarOptions: CalendarOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try format.require([.table, .json])
        guard (1984...9999).contains(year) else {
            throw ValidationError(L("el año debe ser 1984 o posterior (las reglas de la Ley 51 de 1983)", "the year must be 1984 or later (the rules of Ley 51 de 1983)"))
        }
    }

    func run() throws {
        print(try calendarOptions.calendar().holidaysReport(year, format: format))
    }
}

/// `sondeo calendar add DATE N`.
struct AddDaysCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add",
            abstract: L("La fecha que cae N días hábiles después (o antes, con N negativo) de una fecha.",
                        "The date N business days after (or before, with a negative N) a date."),
            discussion: HelpText.discussion([
                L("Como en los términos legales, el día de partida no cuenta: 15 días hábiles desde el martes 2025-04-15 dan el viernes 2025-05-09.",
                  "As in legal terms, the starting day does not count: 15 business days from Tuesday 2025-04-15 give Friday 2025-05-09."),
            ], examples: ["sondeo calendar add 2025-04-15 15", "sondeo calendar add 2025-07-21 -- -2"])
        )
    }

    @Argument(help: ArgumentHelp(L("Fecha de partida (aaaa-mm-dd).", "Starting date (yyyy-mm-dd)."), valueName: L("fecha", "date")))
    var date: String
    @Argument(help: ArgumentHelp(L("Días hábiles.", "Business days."), valueName: "n"))
    var days: Int
    @OptionGroup var calendarOptions: CalendarOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        print(try calendarOptions.calendar().adding(days, to: try parseDate(date, field: L("la fecha", "the date"))))
    }
}

/// `sondeo calendar between A B`.
struct BetweenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "between",
            abstract: L("Cuántos días hábiles hay después de A hasta B inclusive, y qué días no lo son.",
                        "How many business days there are after A up to and including B, and which days are not."),
            discussion: HelpText.discussion([], examples: ["sondeo calendar between 2025-06-27 2025-07-21"])
        )
    }

    @Argument(help: ArgumentHelp(L("Desde (no cuenta).", "From (not counted)."), valueName: "A"))
    var from: String
    @Argument(help: ArgumentHelp(L("Hasta (cuenta).", "To (counted)."), valueName: "B"))
    var to: String
    @OptionGroup var calendarOptions: CalendarOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let a = try parseDate(from, field: "A"), b = try parseDate(to, field: "B")
        print(try calendarOptions.calendar().between(a, b))
    }
}

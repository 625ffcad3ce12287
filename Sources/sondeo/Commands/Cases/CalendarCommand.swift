import BusinessDays
import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Table

/// The business calendar's override file: `--calendar FILE`, else `SONDEO_CALENDARIO`, else none.
struct CalendarOptions: ParsableArguments {
    @Option(name: .customLong("calendar"), help: ArgumentHelp(L("Ajustes del calendario (CSV fecha,accion,nombre; accion cierre o habil): días que Confa cierra o leyes nuevas. Por defecto SONDEO_CALENDARIO.",
                                                          "Calendar overrides (CSV fecha,accion,nombre; accion cierre or habil): days Confa closes or new laws. SONDEO_CALENDARIO by default."),
                                                        valueName: L("archivo", "file")))
    var overrides: String?

    func calendar() throws -> BusinessCalendar {
        guard let path = overrides ?? ProcessInfo.processInfo.environment["SONDEO_CALENDARIO"] else { return .standard }
        return try BusinessCalendar(overrides: path)
    }
}

/// A date argument: `aaaa-mm-dd`, refused with its name when wrong or impossible.
func parseDate(_ text: String, field: String) throws -> CivilDate {
    guard let date = CivilDate(parsing: text) else { throw CaseError.badDate(field: field, text: text) }
    return date
}

/// The first day of a `--month aaaa-mm`, or a usage error.
func firstDay(ofMonth month: String) throws -> CivilDate {
    guard let first = CaseFilter.firstDay(ofMonth: month) else {
        throw ValidationError(L("--month espera aaaa-mm, p. ej. 2026-10", "--month expects yyyy-mm, e.g. 2026-10"))
    }
    return first
}

/// `sondeo calendar`: the Colombian business calendar legal terms are counted on.
struct CalendarCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "calendar",
            abstract: L("Calendario de días hábiles de Colombia: festivos (Ley 51 de 1983 y Ley 2578 de 2026), sumar días hábiles y contarlos.",
                        "Colombia's business-day calendar: holidays (Ley 51 de 1983 and Ley 2578 de 2026), adding and counting business days."),
            subcommands: [HolidaysCommand.self, AddDaysCommand.self, BetweenCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}

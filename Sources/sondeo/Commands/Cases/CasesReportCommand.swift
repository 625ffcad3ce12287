import BusinessDays
import Diagnostics
import ArgumentParser
import Cases
import Foundation
import Questionnaire
import Store
import Table

/// `sondeo cases report --month YYYY-MM`: the monthly PQRSL report (procedure step 33).
struct CasesReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: L("Informe mensual de PQRSL: por canal y tipo, servicio y atributo, oportunidad de la respuesta, abiertos y vencidos, recordatorios, verificación y felicitaciones.",
                        "Monthly PQRSL report: by channel and type, service and attribute, timeliness, open and overdue cases, reminders, verification and compliments."),
            discussion: HelpText.discussion([], examples: ["sondeo cases report --month 2026-10", "sondeo cases report --month 2026-10 --format html --out pqrsl_octubre.html", "sondeo cases report --month 2026-10 --out pqrsl_octubre.xlsx"])
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, html
        var file: FileKind { self == .table ? .txt : FileKind(rawValue: rawValue)! }
    }

    @Option(help: ArgumentHelp(L("Mes (aaaa-mm).", "Month (yyyy-mm)."), valueName: L("mes", "month"))) var month: String
    @Option(help: ArgumentHelp(L("Día de corte para abiertos y vencidos (por defecto hoy, o el último día del mes si ya pasó).",
                                 "Cut-off day for open and overdue cases (today, or the month's last day if it is past)."), valueName: L("fecha", "date"))) var on: String?
    @Option(help: ArgumentHelp(L("Formato: table, json, csv o html.", "Format: table, json, csv or html."), valueName: L("formato", "format"))) var format: Format?
    @Option(help: ArgumentHelp(L("Archivo de salida (por defecto la pantalla).", "Output file (the screen by default)."), valueName: L("salida", "output"))) var out: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        _ = try firstDay(ofMonth: month)
        if let out { try OutputPath.require(out, oneOf: [.txt, .json, .csv, .html, .pdf, .xlsx], chosen: format.map { FileKind(path: out) == .pdf && $0 == .html ? .pdf : $0.file }) }
    }

    /// --format, or else what --out's extension names, or else a table on the screen.
    var chosen: Format {
        if let format { return format }
        if let out, FileKind(path: out) == .pdf { return .html }   // a PDF is the page, printed
        return out.flatMap(FileKind.init(path:)).flatMap { kind in Format.allCases.first { $0.file == kind } } ?? .table
    }

    func run() throws {
        let first = try firstDay(ofMonth: month)
        let last = CivilDate(year: first.year, month: first.month, day: CivilDate.daysIn(month: first.month, year: first.year))!
        let asOf = try on.map { try parseDate($0, field: "--on") } ?? min(CivilDate.colombianToday(), last)
        let store = try options.storeOptions.openCases()
        let desk = try options.desk()
        let report = MonthlyReport(cases: try store.pqrsCases(), reminders: try store.reminders(), month: month, asOf: asOf, calendar: desk.calendar, events: try store.histories())
        if let out, FileKind(path: out) == .xlsx {
            try XLSXWriter.write(report.workbook(catalog: desk.catalog), to: out, access: .shared)
            Terminal.error(L("Escrito \(out).", "Wrote \(out)."))
            return
        }
        let text: String
        switch chosen {
        case .json: text = report.json.rendered()
        case .csv: text = report.csv
        case .table: text = report.text(catalog: desk.catalog)
        case .html: text = report.html(catalog: desk.catalog)
        }
        if let out {
            try DocumentFile.write(text, html: chosen == .html, to: out)
            Terminal.error(L("Escrito \(out).", "Wrote \(out)."))
        } else {
            print(text)
        }
    }
}

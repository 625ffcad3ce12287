import Diagnostics
import Table

extension BusinessCalendar {
    /// The holidays of a year with the business days they leave (`calendar holidays`), as text or JSON.
    public func holidaysReport(_ year: Int, format: OutputFormat) -> String {
        let calendar = self
        let holidays = calendar.holidays(year)
        let days = (CivilDate(year: year, month: 1, day: 1)!.daysSinceEpoch...CivilDate(year: year, month: 12, day: 31)!.daysSinceEpoch)
        let business = days.filter { calendar.isBusinessDay(CivilDate(daysSinceEpoch: $0)) }.count
        if format == .json {
            return JSONValue.object([
                ("year", .integer(year)), ("calendar_version", .string(calendar.version)), ("business_days", .integer(business)),
                ("holidays", .array(holidays.map { .object([("date", .string($0.date.iso)), ("name", .string($0.name))]) })),
            ]).rendered()
        }
        var table = TextTable(headers: [L("fecha", "date"), L("día", "day"), L("festivo", "holiday")], alignments: [.left, .left, .left])
        for h in holidays { table.append([h.date.iso, String(h.date.withWeekday.split(separator: " ")[0]), h.name]) }
        return L("Festivos de \(year) en Colombia", "Colombian holidays of \(year)") + "\n" + table.rendered() + "\n\n" + L("\(holidays.count) festivos, \(Set(holidays.map(\.date)).count) fechas distintas; \(NumberText.integer(business)) días hábiles (lunes a viernes sin festivos). Calendario \(calendar.version).",
                "\(holidays.count) holidays, \(Set(holidays.map(\.date)).count) distinct dates; \(business) business days (Monday to Friday without holidays). Calendar \(calendar.version).")
    }
}

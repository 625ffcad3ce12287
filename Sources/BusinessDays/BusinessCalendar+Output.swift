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

    /// `calendar add`: the day `days` business days after (or before) `start`, said with weekdays.
    public func adding(_ days: Int, to start: CivilDate) -> String {
        let result = adding(days, businessDaysTo: start)
        return L("\(result.withWeekday) (\(days) días hábiles \(days >= 0 ? "después" : "antes") del \(start.withWeekday))",
                 "\(result.withWeekday) (\(days) business days \(days >= 0 ? "after" : "before") \(start.withWeekday))")
    }

    /// `calendar between`: the business days after `a` up to `b`, and the holidays in between.
    public func between(_ a: CivilDate, _ b: CivilDate) -> String {
        let count = businessDays(from: a, to: b)
        var text = L("\(count) días hábiles después del \(a.withWeekday) hasta el \(b.withWeekday).", "\(count) business days after \(a.withWeekday) up to \(b.withWeekday).")
        let (low, high) = a < b ? (a, b) : (b, a)
        let closed = ((low.daysSinceEpoch + 1)...max(low.daysSinceEpoch + 1, high.daysSinceEpoch)).map(CivilDate.init(daysSinceEpoch:))
            .filter { day in holidays(day.year).contains { $0.date == day } }
        if !closed.isEmpty {
            text += "\n" + L("Festivos en medio: ", "Holidays in between: ") + closed.map { "\($0.iso) (\(reason($0) ?? ""))" }.joined(separator: ", ")
        }
        return text
    }
}

import BusinessDays
import Diagnostics
import Foundation
import Table

extension CallScheduler {
    /// Confa's rule: calls on Colombian business days (``ColombianCalendar``), or on every day with
    /// `anyDay`; appointments are kept on any day.
    public static func colombian(includeReserve: Bool, anyDay: Bool) -> CallScheduler {
        let businessDay: @Sendable (Int, Int, Int) -> Bool = { year, month, day in
            guard let date = CivilDate(year: year, month: month, day: day) else { return true }
            return ColombianCalendar.isBusinessDay(date)
        }
        let everyDay: @Sendable (Int, Int, Int) -> Bool = { _, _, _ in true }
        return CallScheduler(includeReserve: includeReserve, isCallingDay: anyDay ? everyDay : businessDay)
    }

    /// What the encuestador is told when today is not a business day in Colombia (a holiday by its
    /// name, or the weekend), or nil: with `anyDay` (or a chosen case) today's calls count as attempts,
    /// otherwise only today's appointments are kept.
    public static func closedNotice(anyDay: Bool, clock: Clock = .system) -> (text: String, isWarning: Bool)? {
        let date = CivilDate.colombianToday(clock)
        guard !ColombianCalendar.isBusinessDay(date) else { return nil }
        let reason = ColombianCalendar.holidays(date.year).first { $0.date == date }?.name ?? L("fin de semana", "weekend")
        if anyDay {
            return (L("Hoy, \(date.iso), no es día hábil en Colombia (\(reason)): las llamadas de hoy cuentan como intentos.",
                      "Today, \(date.iso), is not a business day in Colombia (\(reason)): today's calls count as attempts."), true)
        }
        return (L("Hoy, \(date.iso), no es día hábil en Colombia (\(reason)): solo se atienden las citas acordadas para hoy. Para llamar igual, use --any-day.",
                  "Today, \(date.iso), is not a business day in Colombia (\(reason)): only appointments agreed for today are kept. To call anyway, use --any-day."), false)
    }
}

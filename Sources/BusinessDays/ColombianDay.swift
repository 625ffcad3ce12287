import Diagnostics
import Foundation
import Table

extension CivilDate {
    /// `lunes 2025-07-21`: the day as the auxiliar reads it.
    public var withWeekday: String {
        let weekday = ColombianCalendar.weekday(self)
        return L(["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"][weekday],
                 ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]) + " " + iso
    }

    /// The Colombian day of a stored instant (ISO 8601 with `Z` or an offset, with or without a
    /// fraction of a second), or nil when it is not one.
    public static func colombianDay(ofInstant instant: String) -> CivilDate? {
        Date(instant: instant).map { date in CivilDate.colombianToday(Clock { date }) }
    }

    /// A stored instant (UTC, ISO 8601) as Colombian local time, `2026-11-29 01:23`.
    public static func colombianLocal(_ instant: String) -> String {
        guard let date = Date(instant: instant) else { return instant }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(secondsFromGMT: -5 * 3600)
        return formatter.string(from: date)
    }
}

extension Date {
    /// A stored instant: ISO 8601 with `Z` or an offset, with or without a fraction of a second; nil
    /// for another text.
    public init?(instant text: String) {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = parser.date(from: text) { self = date; return }
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: text) else { return nil }
        self = date
    }
}

import Table

/// Colombia's national public holidays and business days: the calendar of legal terms (PQRSL,
/// Ley 1755 de 2015) and of the fieldwork calling rule.
///
/// Rules: Ley 51 de 1983 («Ley Emiliani»): some holidays move to the next Monday; Easter-based
/// holidays from the Gregorian computus (Meeus/Jones/Butcher); Ley 2578 de 2026, art. 6: 9 July
/// (N.S. del Rosario de Chiquinquirá) from 2026, also moved to Monday. Valid from 1984.
public enum ColombianCalendar {
    /// A holiday: its date (after moving) and its name.
    public struct Holiday: Sendable, Equatable {
        public let date: CivilDate
        public let name: String
    }

    /// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
    public static func easter(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// 0 = Monday … 6 = Sunday.
    public static func weekday(_ date: CivilDate) -> Int {
        // 1970-01-01 was a Thursday (3).
        ((date.daysSinceEpoch % 7) + 7 + 3) % 7
    }

    /// The date itself if it is a Monday, else the next Monday.
    static func nextMonday(_ date: CivilDate) -> CivilDate {
        CivilDate(daysSinceEpoch: date.daysSinceEpoch + (7 - weekday(date)) % 7)
    }

    static func shifted(_ date: CivilDate, _ days: Int) -> CivilDate { CivilDate(daysSinceEpoch: date.daysSinceEpoch + days) }

    /// The holidays of a year in date order (two may share a date, as on 2025-06-30).
    public static func holidays(_ year: Int) -> [Holiday] {
        func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
        let e = easter(year)
        var list: [Holiday] = [
            .init(date: date(1, 1), name: "Año Nuevo"), .init(date: date(5, 1), name: "Día del Trabajo"),
            .init(date: date(7, 20), name: "Día de la Independencia"), .init(date: date(8, 7), name: "Batalla de Boyacá"),
            .init(date: date(12, 8), name: "Inmaculada Concepción"), .init(date: date(12, 25), name: "Navidad"),
            .init(date: nextMonday(date(1, 6)), name: "Reyes Magos"), .init(date: nextMonday(date(3, 19)), name: "San José"),
            .init(date: nextMonday(date(6, 29)), name: "San Pedro y San Pablo"), .init(date: nextMonday(date(8, 15)), name: "Asunción de la Virgen"),
            .init(date: nextMonday(date(10, 12)), name: "Día de la Raza"), .init(date: nextMonday(date(11, 1)), name: "Todos los Santos"),
            .init(date: nextMonday(date(11, 11)), name: "Independencia de Cartagena"),
            .init(date: shifted(e, -3), name: "Jueves Santo"), .init(date: shifted(e, -2), name: "Viernes Santo"),
            .init(date: nextMonday(shifted(e, 39)), name: "Ascensión del Señor"), .init(date: nextMonday(shifted(e, 60)), name: "Corpus Christi"),
            .init(date: nextMonday(shifted(e, 68)), name: "Sagrado Corazón"),
        ]
        if year >= 2026 { list.append(.init(date: nextMonday(date(7, 9)), name: "Nuestra Señora del Rosario de Chiquinquirá")) }
        return list.sorted { $0.date < $1.date }
    }

    public static func isHoliday(_ date: CivilDate) -> Bool { holidays(date.year).contains { $0.date == date } }

    /// Monday to Friday and not a national holiday.
    public static func isBusinessDay(_ date: CivilDate) -> Bool { weekday(date) < 5 && !isHoliday(date) }
}

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

        public init(date: CivilDate, name: String) {
            self.date = date
            self.name = name
        }
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

    /// How a holiday's date is found each year.
    public enum Rule: Sendable, Equatable {
        /// A fixed date that never moves (1 January, 20 July…).
        case fixed(month: Int, day: Int)
        /// A date moved to the next Monday unless it is one (Ley 51 de 1983, «Ley Emiliani»).
        case movedToMonday(month: Int, day: Int)
        /// Days after Easter Sunday (Jueves Santo −3, Viernes Santo −2).
        case easter(offset: Int)
        /// Days after Easter, then moved to the next Monday (Ascensión +39, Corpus +60, Sagrado Corazón +68).
        case easterMovedToMonday(offset: Int)
    }

    /// A holiday of the law: its name, its rule and the first year it applies.
    public struct HolidayRule: Sendable {
        public let name: String
        public let rule: Rule
        public let validFrom: Int
        public let source: String
    }

    /// The law's holidays as rules with a start year (not a typed list of dates): Ley 51 de 1983 from 1984,
    /// and Ley 2578 de 2026 (art. 6) from 2026. A future law adds a line here, or an override file
    /// (``BusinessCalendar``) until a new version ships.
    public static let rules: [HolidayRule] = [
        .init(name: "Año Nuevo", rule: .fixed(month: 1, day: 1), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Reyes Magos", rule: .movedToMonday(month: 1, day: 6), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "San José", rule: .movedToMonday(month: 3, day: 19), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Jueves Santo", rule: .easter(offset: -3), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Viernes Santo", rule: .easter(offset: -2), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Día del Trabajo", rule: .fixed(month: 5, day: 1), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Ascensión del Señor", rule: .easterMovedToMonday(offset: 39), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Corpus Christi", rule: .easterMovedToMonday(offset: 60), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Sagrado Corazón", rule: .easterMovedToMonday(offset: 68), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "San Pedro y San Pablo", rule: .movedToMonday(month: 6, day: 29), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Nuestra Señora del Rosario de Chiquinquirá", rule: .movedToMonday(month: 7, day: 9), validFrom: 2026, source: "Ley 2578 de 2026, art. 6"),
        .init(name: "Día de la Independencia", rule: .fixed(month: 7, day: 20), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Batalla de Boyacá", rule: .fixed(month: 8, day: 7), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Asunción de la Virgen", rule: .movedToMonday(month: 8, day: 15), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Día de la Raza", rule: .movedToMonday(month: 10, day: 12), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Todos los Santos", rule: .movedToMonday(month: 11, day: 1), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Independencia de Cartagena", rule: .movedToMonday(month: 11, day: 11), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Inmaculada Concepción", rule: .fixed(month: 12, day: 8), validFrom: 1984, source: "Ley 51 de 1983"),
        .init(name: "Navidad", rule: .fixed(month: 12, day: 25), validFrom: 1984, source: "Ley 51 de 1983"),
    ]

    /// The version of these rules, recorded with every deadline computed from them.
    public static let rulesVersion = "co-ley51-1983+ley2578-2026/1"

    /// The date of a rule in a year.
    public static func date(of rule: Rule, in year: Int) -> CivilDate {
        switch rule {
        case .fixed(let month, let day): return CivilDate(year: year, month: month, day: day)!
        case .movedToMonday(let month, let day): return nextMonday(CivilDate(year: year, month: month, day: day)!)
        case .easter(let offset): return shifted(easter(year), offset)
        case .easterMovedToMonday(let offset): return nextMonday(shifted(easter(year), offset))
        }
    }

    /// The holidays of a year in date order (two may share a date, as on 2025-06-30).
    public static func holidays(_ year: Int) -> [Holiday] {
        rules.filter { year >= $0.validFrom }.map { Holiday(date: date(of: $0.rule, in: year), name: $0.name) }
            .sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    public static func isHoliday(_ date: CivilDate) -> Bool { holidays(date.year).contains { $0.date == date } }

    /// Monday to Friday and not a national holiday.
    public static func isBusinessDay(_ date: CivilDate) -> Bool { weekday(date) < 5 && !isHoliday(date) }
}

import Diagnostics
import Foundation
import Table

/// A call-back time as an encuestador types it while the affiliate is on the line, in Colombian time
/// (UTC−5, no daylight saving): `15/12 10:30`, `15/12/2026 10:30`, `2026-12-15 10:30`, `mañana 3 pm`,
/// `pasado mañana 9`, `hoy 4:30 pm`, `lunes 9` (the next Monday; today if the hour is still ahead).
/// An hour from 1 to 6 without a.m./p.m. is an afternoon hour (calls are made from 7 a.m. to 8 p.m.).
/// A time already past is refused. The result is stored as ISO 8601 with its offset and read back as
/// «martes 15 de diciembre, 10:30 a. m.».
public struct AppointmentTime: Sendable, Equatable {
    public let date: CivilDate
    public let hour: Int
    public let minute: Int

    public enum Problem: Error, Equatable {
        /// Not a date and time Sondeo reads.
        case unreadable
        /// A time that has already passed.
        case past(spoken: String)

        public var message: String {
            switch self {
            case .unreadable:
                return L("escriba el día y la hora, p. ej. «15/12 10:30», «mañana 3 pm» o «lunes 9»",
                         "write the day and the time, e.g. «15/12 10:30», «mañana 3 pm» or «lunes 9»")
            case .past(let spoken):
                return L("\(spoken) ya pasó: la cita tiene que ser más adelante", "\(spoken) has passed: the appointment must be later")
            }
        }
    }

    /// Colombia's offset from UTC, in seconds.
    static let offset = -5 * 3600

    public init(date: CivilDate, hour: Int, minute: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    /// Reads `text` relative to `now`.
    public static func parse(_ text: String, now: Date) -> Result<AppointmentTime, Problem> {
        let today = CivilDate.colombianToday(.fixed(now))
        let words = String(Suggestion.fold(text.lowercased())).replacingOccurrences(of: ".", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return .failure(.unreadable) }
        // The day: the first word or two; the rest is the time.
        var rest = words
        var day: CivilDate?
        var weekday: Int?
        if rest.count >= 2 && rest[0] == "pasado" && rest[1] == "manana" {
            day = CivilDate(daysSinceEpoch: today.daysSinceEpoch + 2); rest.removeFirst(2)
        } else if rest[0] == "manana" {
            day = CivilDate(daysSinceEpoch: today.daysSinceEpoch + 1); rest.removeFirst()
        } else if rest[0] == "hoy" {
            day = today; rest.removeFirst()
        } else if let w = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"].firstIndex(of: rest[0]) {
            weekday = w; rest.removeFirst()
        } else if let date = date(rest[0], today: today) {
            day = date; rest.removeFirst()
        } else {
            return .failure(.unreadable)
        }
        guard let (hour, minute) = time(rest) else { return .failure(.unreadable) }
        if let weekday {
            var candidate = CivilDate(daysSinceEpoch: today.daysSinceEpoch + (weekday - ColombianCalendar.weekday(today) + 7) % 7)
            if AppointmentTime(date: candidate, hour: hour, minute: minute).instant <= now { candidate = CivilDate(daysSinceEpoch: candidate.daysSinceEpoch + 7) }
            day = candidate
        }
        let result = AppointmentTime(date: day!, hour: hour, minute: minute)
        guard result.instant > now else { return .failure(.past(spoken: result.spoken)) }
        return .success(result)
    }

    /// `15/12`, `15/12/2026`, `15-12-2026`, `2026-12-15`; a day and month without a year is the next one to come.
    static func date(_ word: String, today: CivilDate) -> CivilDate? {
        if let iso = CivilDate(parsing: word) { return iso }
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap { Int($0) }
        guard parts.count == 2 || parts.count == 3 else { return nil }
        if parts.count == 3 { return CivilDate(year: parts[2] < 100 ? 2000 + parts[2] : parts[2], month: parts[1], day: parts[0]) }
        guard let thisYear = CivilDate(year: today.year, month: parts[1], day: parts[0]) else { return nil }
        return thisYear < today ? CivilDate(year: today.year + 1, month: parts[1], day: parts[0]) : thisYear
    }

    /// `9`, `15`, `10:30`, `3 pm`, `3pm`, `3:30 p m`, `9 am`, `10h30`.
    static func time(_ words: [String]) -> (Int, Int)? {
        var text = words.joined()
        var meridian: Bool?   // true: p.m.
        for (suffix, pm) in [("pm", true), ("am", false)] where text.hasSuffix(suffix) {
            meridian = pm
            text.removeLast(suffix.count)
        }
        let pieces = text.split(whereSeparator: { $0 == ":" || $0 == "h" }).map(String.init)
        guard (1...2).contains(pieces.count), var hour = Int(pieces[0]) else { return nil }
        let minute = pieces.count == 2 ? Int(pieces[1]) : 0
        guard let minute, (0..<60).contains(minute) else { return nil }
        switch meridian {
        case true?: guard (1...12).contains(hour) else { return nil }; if hour < 12 { hour += 12 }
        case false?: guard (1...12).contains(hour) else { return nil }; if hour == 12 { hour = 0 }
        case nil: guard (0..<24).contains(hour) else { return nil }; if (1...6).contains(hour) { hour += 12 }
        }
        return (hour, minute)
    }

    /// A stored appointment (``stored``) read back; nil for another text.
    public init?(stored text: String) {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let date = CivilDate(parsing: String(parts[0])), parts[1].count >= 5,
              let hour = Int(parts[1].prefix(2)), let minute = Int(parts[1].dropFirst(3).prefix(2)) else { return nil }
        self.init(date: date, hour: hour, minute: minute)
    }

    /// The Colombian local time of a moment, to the minute.
    public init(instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + Self.offset
        let days = Int((Double(seconds) / 86_400).rounded(.down)), inDay = seconds - days * 86_400
        self.init(date: CivilDate(daysSinceEpoch: days), hour: inDay / 3600, minute: inDay % 3600 / 60)
    }

    /// The Colombian local time of a stored instant (``Date/init(instant:)``); nil for another text.
    public init?(instant text: String) {
        guard let date = Date(instant: text) else { return nil }
        self.init(instant: date)
    }

    /// The moment it names.
    public var instant: Date {
        Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 - Self.offset))
    }

    /// As the store keeps it: `2026-12-15T10:30:00-05:00`.
    public var stored: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.iso)T\(two(hour)):\(two(minute)):00-05:00"
    }

    /// As the encuestador reads it back: «martes 15 de diciembre, 10:30 a. m.».
    public var spoken: String {
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let clock = "\(twelve):" + (minute < 10 ? "0\(minute)" : "\(minute)") + (hour < 12 ? L(" a. m.", " a.m.") : L(" p. m.", " p.m."))
        return spokenDay + ", " + clock
    }

    /// Its day alone: «martes 15 de diciembre».
    public var spokenDay: String {
        let spanish = Language.current == .es
        let weekdays = spanish ? ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
                               : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = spanish ? ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
                             : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return spanish ? "\(weekdays[ColombianCalendar.weekday(date)]) \(date.day) de \(months[date.month - 1])"
                       : "\(weekdays[ColombianCalendar.weekday(date)]), \(months[date.month - 1]) \(date.day)"
    }
}

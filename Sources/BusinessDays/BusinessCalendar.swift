import Diagnostics
import Foundation
import Table

/// The calendar legal terms are counted on: Monday to Friday, minus the national holidays of
/// ``ColombianCalendar``, adjusted by an override file for days Confa closes or a law newer than this
/// version (CSV `fecha,accion,nombre` with `accion` = `cierre` (not a business day) or `habil` (a
/// business day after all)). Ley 4 de 1913, art. 62: in terms of days, holidays are left out.
///
/// Every deadline records ``version``: the rules' version, plus the override file's fingerprint.
public struct BusinessCalendar: Sendable {
    /// Extra non-business days (a closure or a new holiday) and their names.
    public let closures: [CivilDate: String]
    /// Days that are business days even if the rules say otherwise.
    public let opened: Set<CivilDate>
    public let version: String

    /// The law's calendar, without overrides.
    public static let standard = BusinessCalendar(closures: [:], opened: [], version: ColombianCalendar.rulesVersion)

    init(closures: [CivilDate: String], opened: Set<CivilDate>, version: String) {
        self.closures = closures
        self.opened = opened
        self.version = version
    }

    /// Reads an override file; bad lines are refused with their line and field.
    public init(overrides path: String) throws(CalendarError) {
        guard let (text, data) = TextLines.read(path) else { throw .unreadable(path: path) }
        var closures: [CivilDate: String] = [:]
        var opened: Set<CivilDate> = []
        for (index, raw) in TextLines.split(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || (index == 0 && line.lowercased().hasPrefix("fecha")) { continue }
            let fields = TextLines.fields(line, maxFields: 3)
            guard let date = CivilDate(parsing: fields[0]) else { throw .badDate(path: path, line: index + 1, text: fields[0]) }
            let action = fields.count > 1 ? fields[1].lowercased() : ""
            switch action {
            case "cierre", "festivo": closures[date] = fields.count > 2 && !fields[2].isEmpty ? fields[2] : "Cierre"
            case "habil", "hábil": opened.insert(date)
            default: throw .badAction(path: path, line: index + 1, text: action)
            }
        }
        let digest = SHA256.hex(of: [UInt8](data))
        self.init(closures: closures, opened: opened, version: ColombianCalendar.rulesVersion + "+" + String(digest.prefix(12)))
    }

    /// The holidays and closures of a year, in date order.
    public func holidays(_ year: Int) -> [ColombianCalendar.Holiday] {
        let law = ColombianCalendar.holidays(year).filter { !opened.contains($0.date) }
        let extra = closures.filter { $0.key.year == year }.map { ColombianCalendar.Holiday(date: $0.key, name: $0.value) }
        return (law + extra).sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    public func isBusinessDay(_ date: CivilDate) -> Bool {
        if opened.contains(date) { return true }
        if closures[date] != nil { return false }
        return ColombianCalendar.isBusinessDay(date)
    }

    /// Why a day is not a business day (a holiday's name, a closure or «sábado»/«domingo»), or nil.
    public func reason(_ date: CivilDate) -> String? {
        guard !isBusinessDay(date) else { return nil }
        if let closure = closures[date] { return closure }
        if let holiday = ColombianCalendar.holidays(date.year).first(where: { $0.date == date }) { return holiday.name }
        return ColombianCalendar.weekday(date) == 5 ? "sábado" : "domingo"
    }

    /// The date itself if it is a business day, else the next one.
    public func businessDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isBusinessDay(day) { day = CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1) }
        return day
    }

    /// The n-th business day after `date` (n > 0), or before it (n < 0); `date` itself is not counted.
    public func adding(_ n: Int, businessDaysTo date: CivilDate) -> CivilDate {
        var day = date, left = abs(n)
        let step = n >= 0 ? 1 : -1
        while left > 0 {
            day = CivilDate(daysSinceEpoch: day.daysSinceEpoch + step)
            if isBusinessDay(day) { left -= 1 }
        }
        return day
    }

    /// Business days after `start` up to and including `end` (0 when end ≤ start; negative when end is
    /// before start): how many days of a term have run.
    public func businessDays(from start: CivilDate, to end: CivilDate) -> Int {
        if end == start { return 0 }
        let (a, b, sign) = end > start ? (start, end, 1) : (end, start, -1)
        var count = 0
        var day = a.daysSinceEpoch + 1
        while day <= b.daysSinceEpoch {
            if isBusinessDay(CivilDate(daysSinceEpoch: day)) { count += 1 }
            day += 1
        }
        return sign * count
    }
}

/// A calendar override file or date that cannot be used.
public enum CalendarError: Diagnostic, Equatable {
    case unreadable(path: String)
    case badDate(path: String, line: Int, text: String)
    case badAction(path: String, line: Int, text: String)

    public var code: String {
        switch self {
        case .unreadable: return "CAL-001"
        case .badDate: return "CAL-002"
        case .badAction: return "CAL-003"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .unreadable(let path): return SourceLocation(source: path)
        case .badDate(let path, let line, _), .badAction(let path, let line, _): return SourceLocation(source: path, line: line)
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .unreadable: return .noInput
        default: return .dataError
        }
    }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .unreadable(let path):
            return es ? "no se pudo leer el archivo de ajustes del calendario \(path)" : "cannot read the calendar override file \(path)"
        case .badDate(_, _, let text):
            return es ? "«\(text)» no es una fecha aaaa-mm-dd válida" : "«\(text)» is not a valid yyyy-mm-dd date"
        case .badAction(_, _, let text):
            return es ? "la acción «\(text)» no existe: use cierre (día no hábil) o habil (día hábil)" : "action «\(text)» does not exist: use cierre (non-business day) or habil (business day)"
        }
    }
}

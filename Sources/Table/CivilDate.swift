/// A calendar date without time or time zone, as survey and PQRSL data use them, stored as days since
/// 1970-01-01 so that dates sort, subtract and live in a `[Double]` column.
///
/// Conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms (proleptic
/// Gregorian calendar), exact for every year Sondeo will meet.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (month 13, 30 February, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO 8601: `2025-01-06`.
    public var description: String { iso }

    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// As written in Colombia and by a Spanish-locale Excel: `06/01/2025`.
    public var dayMonthYear: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }

    /// Parses `yyyy-mm-dd` or `dd/mm/yyyy` (also `d/m/yyyy`).
    public init?(parsing text: String) {
        guard let parsed = text.utf8.withContiguousStorageIfAvailable({ DateParsing.parse($0) }) ?? nil
        else { return nil }
        self = parsed.date
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The two date layouts found in Confa's files.
public enum DateLayout: String, Sendable {
    /// `2025-01-06`
    case iso
    /// `06/01/2025`
    case dayMonthYear
}

enum DateParsing {
    /// Reads `yyyy-mm-dd`, `dd/mm/yyyy` or `d/m/yyyy` from ASCII bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (date: CivilDate, layout: DateLayout)? {
        let n = bytes.count
        guard n >= 8 && n <= 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty else { return nil }
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        if n == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-") {
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
                  let date = CivilDate(year: y, month: m, day: d) else { return nil }
            return (date, .iso)
        }
        let slash = UInt8(ascii: "/")
        guard let first = (0..<n).first(where: { bytes[$0] == slash }),
              let second = ((first + 1)..<n).first(where: { bytes[$0] == slash }),
              first >= 1, first <= 2, second - first - 1 >= 1, second - first - 1 <= 2, n - second - 1 == 4,
              let d = number(0..<first), let m = number((first + 1)..<second), let y = number((second + 1)..<n),
              let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return (date, .dayMonthYear)
    }
}

public extension CivilDate {
    /// The date `n` calendar days later (earlier when negative).
    func adding(days n: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The same day `n` months later, or the month's last day when it has no such day (31 January + 1
    /// month = 28 or 29 February): how a term «de un mes» is counted (Código Civil, art. 67; Ley 4 de
    /// 1913, art. 59).
    func addingMonths(_ n: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + n
        let y = index / 12, m = index % 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysIn(month: m, year: y)))!
    }
}

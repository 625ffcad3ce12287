import Diagnostics
import Foundation

extension CivilDate {
    /// Today in Colombia (UTC−5, no daylight saving), by `clock`.
    public static func colombianToday(_ clock: Clock = .system) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: -5 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: clock.now())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

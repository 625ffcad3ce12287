/// How a column of date-times was written, so that it is written back the same way: `2026-11-29T10:00:00Z`
/// (Sondeo's own `_inicio`), `2026-11-29 10:00` (Excel, a database), `29/11/2026 10:00:00` (Excel in
/// Spanish). Values are seconds since 1970-01-01 00:00 of the clock the file gives: the local time when
/// the file gives no zone, and UTC otherwise (the zone is then applied again when writing).
public struct DateTimeStyle: Sendable, Equatable {
    public var layout: DateLayout
    /// `T` or a space between the date and the time.
    public var separator: Character
    public var seconds: Bool
    /// Digits of the fraction of a second shown (0: none).
    public var fraction: Int
    /// `Z`, `-05:00`, or empty when the file gave no zone.
    public var zone: String

    public init(layout: DateLayout = .iso, separator: Character = " ", seconds: Bool = true, fraction: Int = 0, zone: String = "") {
        self.layout = layout
        self.separator = separator
        self.seconds = seconds
        self.fraction = fraction
        self.zone = zone
    }

    /// The zone's offset from UTC in seconds.
    var offset: Int {
        guard zone.count == 6, let h = Int(zone.dropFirst().prefix(2)), let m = Int(zone.suffix(2)) else { return 0 }
        return (zone.hasPrefix("-") ? -1 : 1) * (h * 3600 + m * 60)
    }

    /// The text of a value (seconds since the epoch); `layout` `.dayMonthYear` writes it for Excel in
    /// Spanish whatever the file had.
    public func text(_ value: Double, layout override: DateLayout? = nil) -> String {
        let local = value + Double(offset)
        var seconds = local.rounded(.down)
        var fractionText = ""
        if fraction > 0 {
            var scale = 1.0
            for _ in 0..<fraction { scale *= 10 }
            var digits = ((local - seconds) * scale).rounded()
            if digits >= scale { digits -= scale; seconds += 1 }
            fractionText = "." + String(repeating: "0", count: max(0, fraction - String(Int(digits)).count)) + String(Int(digits))
        }
        let whole = Int(seconds)
        let days = Int((Double(whole) / 86400).rounded(.down))
        let inDay = whole - days * 86400
        let date = CivilDate(daysSinceEpoch: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var time = two(inDay / 3600) + ":" + two(inDay % 3600 / 60)
        if self.seconds || fraction > 0 { time += ":" + two(inDay % 60) + fractionText }
        // For Excel in Spanish: dd/mm/yyyy hh:mm:ss in the zone's clock, which Excel reads as a date-time.
        if override == .dayMonthYear { return date.dayMonthYear + " " + time }
        return (layout == .iso ? date.iso : date.dayMonthYear) + String(separator) + time + zone
    }
}

enum DateTimeParsing {
    /// Reads `yyyy-mm-ddTHH:MM[:SS[.fff]][Z|±HH:MM]`, the same with a space, or `dd/mm/yyyy HH:MM[:SS]`:
    /// the seconds since the epoch (UTC when a zone is given) and how it was written.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (seconds: Double, style: DateTimeStyle)? {
        let n = bytes.count
        guard n >= 15, n <= 35 else { return nil }
        // The date ends at the T or the space.
        guard let split = (8...min(10, n - 1)).first(where: { bytes[$0] == UInt8(ascii: "T") || bytes[$0] == 32 }),
              let (date, layout) = DateParsing.parse(UnsafeBufferPointer(rebasing: bytes[0..<split])) else { return nil }
        var i = split + 1
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var value = 0
            for k in i..<(i + count) {
                let d = Int(bytes[k]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            i += count
            return value
        }
        guard let hour = digits(2), hour < 24, i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let minute = digits(2), minute < 60 else { return nil }
        var style = DateTimeStyle(layout: layout, separator: Character(UnicodeScalar(bytes[split])), seconds: false)
        var second = 0.0
        if i < n && bytes[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = digits(2), s < 61 else { return nil }
            second = Double(s)
            style.seconds = true
            if i < n && (bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",")) {
                i += 1
                let start = i
                var fraction = 0.0, scale = 1.0
                while i < n, bytes[i] >= 48, bytes[i] <= 57 { fraction = fraction * 10 + Double(bytes[i] - 48); scale *= 10; i += 1 }
                guard i > start else { return nil }
                style.fraction = i - start
                second += fraction / scale
            }
        }
        var seconds = Double(date.daysSinceEpoch) * 86400 + Double(hour * 3600 + minute * 60) + second
        if i < n {
            if bytes[i] == UInt8(ascii: "Z") && i + 1 == n {
                style.zone = "Z"
            } else if (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")), n - i == 6 || n - i == 5 {
                let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let h = digits(2) else { return nil }
                if i < n && bytes[i] == UInt8(ascii: ":") { i += 1 }
                guard let m = digits(2), i == n else { return nil }
                style.zone = (sign < 0 ? "-" : "+") + (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
                seconds -= Double(sign * (h * 3600 + m * 60))
            } else {
                return nil
            }
        }
        return (seconds, style)
    }
}

import Foundation

/// One column of a ``Table``.
///
/// Numbers, booleans (0/1) and dates (days since 1970-01-01) are a contiguous `[Double]` with NaN for
/// missing; categorical and text columns are dictionary-encoded: a code per row into `levels`, with
/// ``Column/missingCode`` for missing.
public struct Column: Sendable {
    public enum Storage: Sendable {
        case numeric([Double])
        case coded(codes: [UInt32], levels: [String])
    }

    /// The code of a missing value in a coded column.
    public static let missingCode = UInt32.max

    public let name: String
    public let type: ColumnType
    public var storage: Storage
    /// For boolean columns: how false and true were written in the file (`["no", "si"]`, `["0", "1"]`).
    public var booleanLabels: [String]?
    /// For decimal columns whose values all had the same number of decimals (`1.00`, `3.19`): that
    /// number, so writing the column back keeps its look.
    public var decimalPlaces: Int?
    /// For date-time columns: how the values were written.
    public var dateTimeStyle: DateTimeStyle?

    public init(name: String, type: ColumnType, storage: Storage, booleanLabels: [String]? = nil,
                decimalPlaces: Int? = nil, dateTimeStyle: DateTimeStyle? = nil) {
        self.name = name
        self.type = type
        self.storage = storage
        self.booleanLabels = booleanLabels
        self.decimalPlaces = decimalPlaces
        self.dateTimeStyle = dateTimeStyle
    }

    public var count: Int {
        switch storage {
        case .numeric(let values): return values.count
        case .coded(let codes, _): return codes.count
        }
    }

    /// The numbers of a numeric, boolean, date or date-time column.
    public var numbers: [Double]? {
        if case .numeric(let values) = storage { return values }
        return nil
    }

    public func isMissing(_ row: Int) -> Bool {
        switch storage {
        case .numeric(let values): return values[row].isNaN
        case .coded(let codes, _): return codes[row] == Column.missingCode
        }
    }

    /// The value of a row as text, the way Sondeo writes it: `nil` when missing.
    public func text(at row: Int, format: ValueFormat = .standard) -> String? {
        switch storage {
        case .coded(let codes, let levels):
            let code = codes[row]
            return code == Column.missingCode ? nil : levels[Int(code)]
        case .numeric(let values):
            let value = values[row]
            if value.isNaN { return nil }
            switch type {
            case .boolean:
                let labels = booleanLabels ?? ["0", "1"]
                return labels[value == 0 ? 0 : 1]
            case .date:
                let date = CivilDate(daysSinceEpoch: Int(value))
                return format.dateLayout == .iso ? date.iso : date.dayMonthYear
            case .dateTime:
                return (dateTimeStyle ?? DateTimeStyle()).text(value, layout: format.dateLayout == .iso ? nil : .dayMonthYear)
            default:
                return format.number(value, places: type == .integer ? 0 : decimalPlaces)
            }
        }
    }

    /// The given rows, in the given order.
    public func selecting(_ rows: [Int]) -> Column {
        var copy = self
        switch storage {
        case .numeric(let values): copy.storage = .numeric(rows.map { values[$0] })
        case .coded(let codes, let levels): copy.storage = .coded(codes: rows.map { codes[$0] }, levels: levels)
        }
        return copy
    }
}

/// How numbers and dates are written: decimal mark and date layout (UTF-8 CSV uses `.` and ISO;
/// a Spanish-locale Excel file uses `,` and dd/mm/yyyy).
public struct ValueFormat: Sendable {
    public var decimalMark: Character
    public var dateLayout: DateLayout

    public init(decimalMark: Character, dateLayout: DateLayout) {
        self.decimalMark = decimalMark
        self.dateLayout = dateLayout
    }

    public static let standard = ValueFormat(decimalMark: ".", dateLayout: .iso)
    public static let excel = ValueFormat(decimalMark: ",", dateLayout: .dayMonthYear)

    /// A number with a fixed number of decimals when given, else the shortest text that reads back
    /// as the same double.
    public func number(_ value: Double, places: Int?) -> String {
        var text: String
        if let places {
            text = places == 0 && value == value.rounded() && abs(value) < 1e15
                ? String(Int64(value)) : fixed(value, places: places)
        } else if value == value.rounded() && abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
        if decimalMark != "." { text = text.replacingOccurrences(of: ".", with: String(decimalMark)) }
        return text
    }

    /// Rounds half away from zero at `places` decimals using the shortest decimal text of the
    /// double, so 3.19 prints as 3.19 and not 3.1899999.
    private func fixed(_ value: Double, places: Int) -> String {
        let shortest = "\(abs(value))"
        guard !shortest.contains("e"), let dot = shortest.firstIndex(of: ".") else {
            return String(format: value, places: places)
        }
        let intPart = String(shortest[..<dot])
        var fraction = String(shortest[shortest.index(after: dot)...])
        if fraction.count <= places {
            fraction += String(repeating: "0", count: places - fraction.count)
            let sign = value < 0 ? "-" : ""
            return places == 0 ? sign + intPart : sign + intPart + "." + fraction
        }
        return String(format: value, places: places)
    }
}

private extension String {
    /// `%.Nf` without Foundation: scale, round half away from zero, and print the digits.
    init(format value: Double, places: Int) {
        let scale = (0..<places).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if places == 0 {
            self = sign + String(whole)
        } else {
            let digits = String(fraction)
            self = sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
        }
    }
}

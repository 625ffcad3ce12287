/// What `sondeo data inspect` says of one column: its type, how many values are missing and
/// distinct, and min/max/mean for numbers and dates or the most frequent values for labels.
public struct ColumnSummary: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var missing: Int
    public var distinct: Int
    /// Numbers and booleans: the smallest and largest value and the mean (a proportion for booleans).
    public var min: Double?
    public var max: Double?
    public var mean: Double?
    /// Dates and date-times: the earliest and latest, as written.
    public var firstDate: String?
    public var lastDate: String?
    /// Labels, booleans and text: the most frequent values with their counts, most frequent first.
    public var top: [(value: String, count: Int)]

    public static func == (lhs: ColumnSummary, rhs: ColumnSummary) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.missing == rhs.missing
            && lhs.distinct == rhs.distinct && lhs.min == rhs.min && lhs.max == rhs.max
            && lhs.mean == rhs.mean && lhs.firstDate == rhs.firstDate && lhs.lastDate == rhs.lastDate
            && lhs.top.map(\.value) == rhs.top.map(\.value) && lhs.top.map(\.count) == rhs.top.map(\.count)
    }

    /// How many most-frequent values are kept.
    public static let topCount = 5
}

extension ColumnSummary {
    /// The summary of a numeric, boolean or date column from its distinct values and how often each
    /// occurs (NaN: missing).
    init(name: String, type: ColumnType, values: [(value: Double, count: Int)], booleanLabels: [String]?, dateTimeStyle: DateTimeStyle? = nil) {
        self.init(name: name, type: type, missing: 0, distinct: 0, top: [])
        var seen = Set<Double>()
        var sum = CompensatedSum()
        var rows = 0
        var low = Double.infinity, high = -Double.infinity
        var booleanCounts = [0, 0]
        for (value, count) in values {
            if value.isNaN { missing += count; continue }
            seen.insert(value)
            sum.add(value * Double(count))
            rows += count
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            if type == .boolean { booleanCounts[value == 0 ? 0 : 1] += count }
        }
        distinct = seen.count
        guard rows > 0 else { return }
        if type == .date {
            firstDate = CivilDate(daysSinceEpoch: Int(low)).iso
            lastDate = CivilDate(daysSinceEpoch: Int(high)).iso
        } else if type == .dateTime {
            firstDate = (dateTimeStyle ?? DateTimeStyle()).text(low)
            lastDate = (dateTimeStyle ?? DateTimeStyle()).text(high)
        } else {
            min = low
            max = high
            mean = sum.value / Double(rows)
        }
        if type == .boolean, let labels = booleanLabels {
            top = [(labels[1], booleanCounts[1]), (labels[0], booleanCounts[0])].filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        }
    }

    /// The summary of a label column from how often each level occurs and how many rows are missing.
    init(name: String, type: ColumnType, levelCounts: [Int], missing: Int, levelText: (Int) -> String) {
        self.init(name: name, type: type, missing: missing, distinct: levelCounts.count, top: [])
        top = Self.mostFrequent(levelCounts, limit: Self.topCount).map { (levelText($0), levelCounts[$0]) }
    }

    /// The summary of a column held in memory (a workbook or a statistics file read whole).
    public init(_ column: Column) {
        switch column.storage {
        case .numeric(let values):
            // Distinct values and their counts by sorting (no hashing of a million doubles).
            let present = values.filter { !$0.isNaN }.sorted()
            var counts: [(value: Double, count: Int)] = [(.nan, values.count - present.count)]
            for value in present {
                if let last = counts.last, last.value == value { counts[counts.count - 1].count += 1 } else { counts.append((value, 1)) }
            }
            self.init(name: column.name, type: column.type, values: counts, booleanLabels: column.booleanLabels, dateTimeStyle: column.dateTimeStyle)
        case .coded(let codes, let levels):
            var counts = [Int](repeating: 0, count: levels.count)
            var missing = 0
            for code in codes { if code == Column.missingCode { missing += 1 } else { counts[Int(code)] += 1 } }
            // A text column of identifiers lists only the levels that occur.
            self.init(name: column.name, type: column.type, levelCounts: counts, missing: missing, levelText: { levels[$0] })
            distinct = counts.filter { $0 > 0 }.count
        }
    }

    /// Indices of the `limit` largest counts (ties: the earlier level first), skipping values seen
    /// once when the column is text (an identifier has no "most frequent" value).
    private static func mostFrequent(_ counts: [Int], limit: Int) -> [Int] {
        var best: [Int] = []
        for index in counts.indices where counts[index] > 1 || counts.count <= limit {
            let position = best.firstIndex { counts[$0] < counts[index] } ?? best.count
            if position < limit {
                best.insert(index, at: position)
                if best.count > limit { best.removeLast() }
            }
        }
        return best
    }
}

extension DecodedColumn {
    /// The summary from the occurrence count of each distinct raw value.
    func summary(counts: [Int]) -> ColumnSummary {
        switch type {
        case .integer, .decimal, .boolean, .date, .dateTime:
            return ColumnSummary(name: name, type: type, values: counts.indices.map { (numbers[$0], counts[$0]) }, booleanLabels: booleanLabels,
                                 dateTimeStyle: dateTimeStyle)
        case .categorical, .text:
            var levelCounts = [Int](repeating: 0, count: levelCount)
            var missing = 0
            for code in counts.indices {
                let level = levelOfCode[code]
                if level == Column.missingCode { missing += counts[code] } else { levelCounts[Int(level)] += counts[code] }
            }
            return ColumnSummary(name: name, type: type, levelCounts: levelCounts, missing: missing, levelText: levelText)
        }
    }
}

/// Neumaier's compensated summation: sums a million values without losing the last digits
/// (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen").
public struct CompensatedSum: Sendable {
    private var sum = 0.0
    private var compensation = 0.0

    public init() {}

    public mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    public var value: Double { sum + compensation }
}

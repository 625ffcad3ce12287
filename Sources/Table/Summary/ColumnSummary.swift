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
    /// Dates: the earliest and latest, ISO.
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

extension DecodedColumn {
    /// The summary from the occurrence count of each distinct raw value.
    func summary(counts: [Int]) -> ColumnSummary {
        var result = ColumnSummary(name: name, type: type, missing: 0, distinct: 0, top: [])
        switch type {
        case .integer, .decimal, .boolean, .date:
            var seen = Set<Double>()
            var sum = CompensatedSum()
            var rows = 0
            var low = Double.infinity, high = -Double.infinity
            var booleanCounts = [0, 0]
            for code in counts.indices {
                let value = numbers[code]
                if value.isNaN { result.missing += counts[code]; continue }
                seen.insert(value)
                sum.add(value * Double(counts[code]))
                rows += counts[code]
                low = Swift.min(low, value)
                high = Swift.max(high, value)
                if type == .boolean { booleanCounts[value == 0 ? 0 : 1] += counts[code] }
            }
            result.distinct = seen.count
            guard rows > 0 else { break }
            if type == .date {
                result.firstDate = CivilDate(daysSinceEpoch: Int(low)).iso
                result.lastDate = CivilDate(daysSinceEpoch: Int(high)).iso
            } else {
                result.min = low
                result.max = high
                result.mean = sum.value / Double(rows)
            }
            if type == .boolean, let labels = booleanLabels {
                result.top = [(labels[1], booleanCounts[1]), (labels[0], booleanCounts[0])]
                    .filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
            }
        case .categorical, .text:
            var levelCounts = [Int](repeating: 0, count: levelCount)
            for code in counts.indices {
                let level = levelOfCode[code]
                if level == Column.missingCode { result.missing += counts[code] } else { levelCounts[Int(level)] += counts[code] }
            }
            result.distinct = levelCount
            result.top = Self.mostFrequent(levelCounts, limit: ColumnSummary.topCount).map { (levelText($0), levelCounts[$0]) }
        }
        return result
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

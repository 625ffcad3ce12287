import Table

/// One column of a segment's map: its distribution in the segment beside the rest of the base, and
/// the index segment share ÷ base share × 100 (above 100: more frequent in the segment than in the
/// base). Numbers are grouped in bands (age in the usual bands, small counts by value, other numbers
/// in quintiles of the base); yes/no columns report the share of «yes»; dates the year bands.
public struct ColumnProfile: Sendable {
    public struct Level: Sendable {
        public var label: String
        public var segmentShare: Double
        public var restShare: Double
        public var baseShare: Double
        public var segmentCount: Int
        public var index: Double { baseShare > 0 ? segmentShare / baseShare * 100 : .nan }
    }

    public let column: String
    public let type: ColumnType
    public let levels: [Level]
    /// Every level, before the least frequent are merged into «otros» (for maps of all municipalities).
    public let allLevels: [Level]
    /// Means in the segment, the rest and the base, for numeric columns.
    public let segmentMean: Double?
    public let restMean: Double?
    public let baseMean: Double?
    /// Rows of the segment without a value.
    public let segmentMissing: Int

    /// The most levels shown; the rest are added up in «otros».
    public static let maximumLevels = 12

    public init(column: Column, inSegment: [Bool], otherLabel: String, decimalMark: Character = ".") {
        self.column = column.name
        type = column.type
        let (labels, order) = ColumnProfile.bands(column, decimalMark: decimalMark)
        var segment: [Int] = [Int](repeating: 0, count: order.count), rest = [Int](repeating: 0, count: order.count)
        var missing = 0
        for row in 0..<column.count {
            guard let band = labels[row] else {
                if inSegment[row] { missing += 1 }
                continue
            }
            if inSegment[row] { segment[band] += 1 } else { rest[band] += 1 }
        }
        segmentMissing = missing
        let segmentTotal = max(1, segment.reduce(0, +)), restTotal = max(1, rest.reduce(0, +))
        let baseTotal = max(1, segmentTotal + restTotal)
        var levels = order.indices.map { i in
            Level(label: order[i], segmentShare: Double(segment[i]) / Double(segmentTotal), restShare: Double(rest[i]) / Double(restTotal),
                  baseShare: Double(segment[i] + rest[i]) / Double(baseTotal), segmentCount: segment[i])
        }
        if column.type == .boolean { levels = levels.filter { $0.label == (column.booleanLabels?[1] ?? "1") } }
        allLevels = levels
        if levels.count > ColumnProfile.maximumLevels {
            // Keep the levels most frequent in the base; the others become one.
            let kept = levels.indices.sorted { levels[$0].baseShare > levels[$1].baseShare }.prefix(ColumnProfile.maximumLevels - 1)
            let keptSet = Set(kept)
            let others = levels.indices.filter { !keptSet.contains($0) }
            var merged = kept.sorted().map { levels[$0] }
            merged.append(Level(label: otherLabel, segmentShare: others.reduce(0) { $0 + levels[$1].segmentShare },
                                restShare: others.reduce(0) { $0 + levels[$1].restShare },
                                baseShare: others.reduce(0) { $0 + levels[$1].baseShare },
                                segmentCount: others.reduce(0) { $0 + levels[$1].segmentCount }))
            levels = merged
        }
        self.levels = levels
        if column.type == .integer || column.type == .decimal, let values = column.numbers {
            func mean(_ keep: (Int) -> Bool) -> Double? {
                var sum = 0.0, n = 0
                for row in values.indices where keep(row) && !values[row].isNaN { sum += values[row]; n += 1 }
                return n == 0 ? nil : sum / Double(n)
            }
            segmentMean = mean { inSegment[$0] }
            restMean = mean { !inSegment[$0] }
            baseMean = mean { _ in true }
        } else {
            segmentMean = nil
            restMean = nil
            baseMean = nil
        }
    }

    /// Each row's band (nil = missing) and the band labels in display order.
    static func bands(_ column: Column, decimalMark: Character = ".") -> ([Int?], [String]) {
        switch column.storage {
        case .coded(let codes, let levels):
            return (codes.map { $0 == Column.missingCode ? nil : Int($0) }, levels)
        case .numeric(let values):
            switch column.type {
            case .boolean:
                let labels = column.booleanLabels ?? ["0", "1"]
                return (values.map { $0.isNaN ? nil : ($0 == 0 ? 0 : 1) }, labels)
            case .date, .dateTime:
                let perDay = column.type == .dateTime ? 86400.0 : 1
                let years = values.map { $0.isNaN ? Double.nan : Double(CivilDate(daysSinceEpoch: Int(($0 / perDay).rounded(.down))).year) }
                return cuts(years, edges: quantileEdges(years), integer: true, decimalMark: decimalMark)
            default:
                let distinct = Set(values.filter { !$0.isNaN })
                if column.name.lowercased() == "edad" {
                    return cuts(values, edges: [25, 35, 45, 55, 65], integer: true, decimalMark: decimalMark)
                }
                if column.type == .integer && distinct.count <= 8 {
                    let sorted = distinct.sorted()
                    let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
                    return (values.map { $0.isNaN ? nil : index[$0] }, sorted.map { String(Int($0)) })
                }
                return cuts(values, edges: quantileEdges(values), integer: column.type == .integer, decimalMark: decimalMark)
            }
        }
    }

    /// The inner quintile boundaries of the non-missing values (duplicates removed).
    static func quantileEdges(_ values: [Double]) -> [Double] {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return [] }
        let edges = [0.2, 0.4, 0.6, 0.8].map { sorted[min(sorted.count - 1, Int(Double(sorted.count) * $0))] }
        return Array(Set(edges)).sorted().filter { $0 > sorted.first! }
    }

    /// Bands [−∞, e₁), [e₁, e₂), …, [e_m, ∞) labelled `< e₁`, `e₁–e₂`, …, `≥ e_m` (whole numbers:
    /// `18–24`, `65 y más`).
    static func cuts(_ values: [Double], edges: [Double], integer: Bool, decimalMark: Character) -> ([Int?], [String]) {
        func show(_ x: Double) -> String {
            x == x.rounded() ? String(Int(x)) : String(String(format2: x).map { $0 == "." ? decimalMark : $0 })
        }
        var labels: [String] = []
        if edges.isEmpty { return (values.map { $0.isNaN ? nil : 0 }, ["todos"]) }
        let lowest = values.filter { !$0.isNaN }.min() ?? edges[0]
        labels.append(integer ? "\(show(lowest))–\(show(edges[0] - 1))" : "< \(show(edges[0]))")
        for i in 0..<(edges.count - 1) {
            labels.append(integer ? "\(show(edges[i]))–\(show(edges[i + 1] - 1))" : "\(show(edges[i]))–\(show(edges[i + 1]))")
        }
        labels.append("≥ \(show(edges.last!))")
        let bands = values.map { value -> Int? in
            if value.isNaN { return nil }
            return edges.firstIndex { value < $0 } ?? edges.count
        }
        return (bands, labels)
    }
}

private extension String {
    /// Two decimals, without Foundation.
    init(format2 value: Double) {
        let scaled = (value * 100).rounded()
        let whole = Int(scaled / 100), fraction = abs(Int(scaled) % 100)
        self = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

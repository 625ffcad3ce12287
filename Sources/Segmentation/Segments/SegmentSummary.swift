import Table

/// How big a segment is and what it looks like per group (`sondeo segment`): its size and share of
/// the base, and per `--by` group the count, the share of the segment, the group's penetration (how
/// much of the same group in the whole base falls in the segment), means of numeric columns and shares
/// of chosen values.
public struct SegmentSummary: Sendable {
    public struct Group: Sendable {
        public var group: [(column: String, value: String)]
        public var count: Int
        /// Share of the segment in this group.
        public var share: Double
        /// Rows of this group in the whole base.
        public var baseCount: Int
        /// count / baseCount: how much of the group belongs to the segment.
        public var penetration: Double
        /// Means of the `--mean` columns (missing values left out).
        public var means: [(column: String, value: Double)]
        /// Shares of the `--share` conditions (`usa_salud=1`), among rows with a value.
        public var shares: [(label: String, value: Double)]
    }

    public let base: Int
    public let count: Int
    /// The grouping columns, the averaged columns and the labels of the shares, as asked.
    public let by: [String]
    public let meanColumns: [String]
    public let shareLabels: [String]
    public var share: Double { base == 0 ? .nan : Double(count) / Double(base) }
    public let groups: [Group]

    /// - Parameters:
    ///   - inSegment: per row, whether it belongs to the segment.
    ///   - by: grouping columns (none: one group, the whole segment).
    ///   - means: numeric columns to average.
    ///   - shares: (label, column, value) conditions whose share is reported.
    public init(table: Table, inSegment: [Bool], by: [String], means: [String],
                shares: [(label: String, column: String, value: String)]) throws(SegmentationError) {
        base = table.rowCount
        count = inSegment.reduce(0) { $0 + ($1 ? 1 : 0) }
        self.by = by
        meanColumns = means
        shareLabels = shares.map(\.label)
        let keyColumns = by.map { table[$0]! }
        func key(_ row: Int) -> [String]? {
            var values: [String] = []
            for column in keyColumns {
                guard let text = column.text(at: row) else { return nil }
                values.append(text)
            }
            return values
        }
        var segmentRows: [[String]: [Int]] = [:]
        var baseCounts: [[String]: Int] = [:]
        for row in 0..<table.rowCount {
            guard let k = key(row) else { continue }
            baseCounts[k, default: 0] += 1
            if inSegment[row] { segmentRows[k, default: []].append(row) }
        }
        let meanColumns = try means.map { name throws(SegmentationError) -> (String, [Double]) in
            let column = table[name]!
            guard let values = column.numbers, column.type.isNumeric else { throw .notNumeric(column: name, type: column.type) }
            return (name, values)
        }
        let shareColumns = shares.map { ($0.label, table[$0.column]!, $0.value) }
        let keys = segmentRows.keys.sorted { a, b in
            for (x, y) in zip(a, b) where x != y { return LevelOrder.less(x, y) }
            return false
        }
        let segmentSize = count
        groups = keys.map { k in
            let rows = segmentRows[k]!
            let means = meanColumns.map { name, values -> (String, Double) in
                let valid = rows.map { values[$0] }.filter { !$0.isNaN }
                return (name, valid.isEmpty ? .nan : valid.reduce(0, +) / Double(valid.count))
            }
            let shares = shareColumns.map { label, column, value -> (String, Double) in
                let answered = rows.filter { !column.isMissing($0) }
                let hits = answered.filter { column.text(at: $0) == value }.count
                return (label, answered.isEmpty ? .nan : Double(hits) / Double(answered.count))
            }
            return Group(group: zip(by, k).map { ($0, $1) }, count: rows.count,
                         share: Double(rows.count) / Double(max(1, segmentSize)), baseCount: baseCounts[k]!,
                         penetration: Double(rows.count) / Double(baseCounts[k]!), means: means, shares: shares)
        }
    }
}

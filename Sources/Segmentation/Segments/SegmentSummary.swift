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
        // One pass over the rows, by group: counts, sums for the means, answers and hits for the shares.
        let cells = CellIndex(table: table, columns: by)
        let groupCount = cells.groupCount
        let values = (0..<groupCount).map { cells.values(of: $0) }
        let meanValues = try means.map { name throws(SegmentationError) -> [Double] in
            let column = table[name]!
            guard let values = column.numbers, column.type.isNumeric else { throw .notNumeric(column: name, type: column.type) }
            return values
        }
        let shareHits = shares.map { Self.hits(table[$0.column]!, value: $0.value) }
        var baseCounts = [Int](repeating: 0, count: groupCount), counts = baseCounts
        var sums = [[Double]](repeating: [Double](repeating: 0, count: groupCount), count: means.count)
        var valid = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: means.count)
        var answered = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: shares.count)
        var hit = answered
        for row in 0..<table.rowCount {
            let group = Int(cells.groupOfRow[row])
            baseCounts[group] += 1
            guard inSegment[row] else { continue }
            counts[group] += 1
            for m in meanValues.indices where !meanValues[m][row].isNaN {
                sums[m][group] += meanValues[m][row]
                valid[m][group] += 1
            }
            for s in shareHits.indices {
                switch shareHits[s][row] {
                case 1: answered[s][group] += 1; hit[s][group] += 1
                case 0: answered[s][group] += 1
                default: break
                }
            }
        }
        // Groups with a missing value in a --by column are left out; the others in level order.
        let keys = values.map { $0.contains(nil) ? nil : $0.map { $0! } }
        let ordered = (0..<groupCount).filter { keys[$0] != nil && counts[$0] > 0 }.sorted { a, b in
            for (x, y) in zip(keys[a]!, keys[b]!) where x != y { return LevelOrder.less(x, y) }
            return false
        }
        let segmentSize = count
        groups = ordered.map { g in
            Group(group: zip(by, keys[g]!).map { ($0, $1) }, count: counts[g],
                  share: Double(counts[g]) / Double(max(1, segmentSize)), baseCount: baseCounts[g],
                  penetration: Double(counts[g]) / Double(baseCounts[g]),
                  means: means.indices.map { m in (means[m], valid[m][g] == 0 ? .nan : sums[m][g] / Double(valid[m][g])) },
                  shares: shares.indices.map { s in (shares[s].label, answered[s][g] == 0 ? .nan : Double(hit[s][g]) / Double(answered[s][g])) })
        }
    }

    /// Per row of `column`: 1 when it holds `value`, 0 when it holds another, −1 when it is missing.
    private static func hits(_ column: Column, value: String) -> [Int8] {
        switch column.storage {
        case .coded(let codes, let levels):
            let target = levels.firstIndex(of: value).map(UInt32.init) ?? Column.missingCode - 1
            return codes.map { $0 == Column.missingCode ? -1 : ($0 == target ? 1 : 0) }
        case .numeric(let numbers):
            var known: [UInt64: Int8] = [:]   // by the number's bits: its text is made once per value
            return numbers.indices.map { row in
                if numbers[row].isNaN { return -1 }
                if let hit = known[numbers[row].bitPattern] { return hit }
                let hit: Int8 = column.text(at: row) == value ? 1 : 0
                known[numbers[row].bitPattern] = hit
                return hit
            }
        }
    }
}

extension Table {
    /// How many rows have each combination of values of the named columns, keyed by the values'
    /// text joined with `separator` (missing values read `NA`): the population counts of cells and
    /// margins. Counted by ``CellIndex``, so a million rows cost no String per row.
    public func labelCounts(_ names: [String], separator: String = " × ") -> [String: Int] {
        let cells = CellIndex(table: self, columns: names)
        var counts = [Int](repeating: 0, count: cells.groupCount)
        for group in cells.groupOfRow { counts[Int(group)] += 1 }
        var result: [String: Int] = [:]
        for (group, count) in counts.enumerated() {
            result[cells.values(of: group).map { $0 ?? "NA" }.joined(separator: separator)] = count
        }
        return result
    }
}

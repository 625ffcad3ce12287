extension Table {
    /// How many rows have each combination of values of the named columns, keyed by the values'
    /// text joined with `separator` (missing values read `NA`): the population counts of cells and
    /// margins. Coded columns are counted by code, so a million rows cost no String per row.
    public func labelCounts(_ names: [String], separator: String = " × ") -> [String: Int] {
        let columns = names.compactMap { self[$0] }
        precondition(columns.count == names.count, "every column must exist")
        // Per column: a small index per row, and the text of each index.
        var indices: [[Int]] = []
        var texts: [[String]] = []
        for column in columns {
            switch column.storage {
            case .coded(let codes, let levels):
                let missing = levels.count
                indices.append(codes.map { $0 == Column.missingCode ? missing : Int($0) })
                texts.append(levels + ["NA"])
            case .numeric:
                var index: [String: Int] = [:]
                var names: [String] = []
                indices.append((0..<rowCount).map { row in
                    let text = column.text(at: row) ?? "NA"
                    if let known = index[text] { return known }
                    index[text] = names.count
                    names.append(text)
                    return names.count - 1
                })
                texts.append(names)
            }
        }
        // Each row's cell as one number in mixed radix; counted in an array when the cells are few
        // enough (always, for margins and ordinary cross-classifications), else in a dictionary.
        let sizes = texts.map(\.count)
        let cells = sizes.reduce(1) { product, size in
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            return overflow ? Int.max : next
        }
        func key(_ row: Int) -> Int {
            var key = 0
            for c in indices.indices { key = key * sizes[c] + indices[c][row] }
            return key
        }
        var counts: [(key: Int, count: Int)] = []
        if cells <= 1 << 20 {
            var dense = [Int](repeating: 0, count: cells)
            dense.withUnsafeMutableBufferPointer { dense in
                for row in 0..<rowCount { dense[key(row)] += 1 }
            }
            counts = dense.indices.filter { dense[$0] > 0 }.map { ($0, dense[$0]) }
        } else {
            var sparse: [Int: Int] = [:]
            for row in 0..<rowCount { sparse[key(row), default: 0] += 1 }
            counts = sparse.map { ($0.key, $0.value) }
        }
        var result: [String: Int] = [:]
        for (key, count) in counts {
            var rest = key
            var parts: [String] = []
            for c in indices.indices.reversed() {
                parts.append(texts[c][rest % texts[c].count])
                rest /= texts[c].count
            }
            result[parts.reversed().joined(separator: separator)] = count
        }
        return result
    }
}

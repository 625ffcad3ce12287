/// The combination of values of some columns that each row has, as one small number per row: the
/// groups of `segment --by`, the cells of a frame's margins. Coded columns are grouped by code and
/// numeric ones by the number's bits, so a million rows cost no String per row; the text of a group is
/// made once per group.
public struct CellIndex: Sendable {
    /// Per row, its group: 0 ..< ``groupCount``, numbered in order of first appearance.
    public let groupOfRow: [Int32]
    /// The number of groups that occur.
    public var groupCount: Int { cellOfGroup.count }
    /// Per column, the text of each of its value indices; the last index is the missing value.
    private let texts: [[String]]
    /// Per group, its cell in mixed radix over the columns' value indices.
    private let cellOfGroup: [Int]

    public init(table: Table, columns names: [String]) {
        let columns = names.map { name -> Column in
            guard let column = table[name] else { preconditionFailure("column \(name) must exist") }
            return column
        }
        var indices: [[Int32]] = []
        var texts: [[String]] = []
        for column in columns {
            switch column.storage {
            case .coded(let codes, let levels):
                let missing = Int32(levels.count)
                indices.append(codes.map { $0 == Column.missingCode ? missing : Int32($0) })
                texts.append(levels + ["NA"])
            case .numeric(let values):
                // By the number's bits (−0 as 0), then by its text: numbers written alike are one group.
                var known: [UInt64: Int32] = [:]
                var byText: [String: Int32] = [:]
                var names: [String] = []
                var rows: [Int32] = []
                rows.reserveCapacity(values.count)
                var missingRows: [Int] = []
                for (row, value) in values.enumerated() {
                    if value.isNaN { missingRows.append(row); rows.append(-1); continue }
                    let bits = (value + 0).bitPattern
                    if let index = known[bits] { rows.append(index); continue }
                    let text = column.text(at: row) ?? "NA"
                    let index = byText[text] ?? Int32(names.count)
                    if index == Int32(names.count) { names.append(text); byText[text] = index }
                    known[bits] = index
                    rows.append(index)
                }
                for row in missingRows { rows[row] = Int32(names.count) }
                indices.append(rows)
                texts.append(names + ["NA"])
            }
        }
        let sizes = texts.map(\.count)
        var groupOfRow = [Int32](repeating: 0, count: table.rowCount)
        var cellOfGroup: [Int] = []
        let cells = sizes.reduce(1) { product, size in
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            return overflow ? Int.max : next
        }
        func cell(_ row: Int) -> Int {
            var key = 0
            for c in indices.indices { key = key * sizes[c] + Int(indices[c][row]) }
            return key
        }
        if cells <= 1 << 20 {
            var group = [Int32](repeating: -1, count: cells)
            for row in 0..<table.rowCount {
                let key = cell(row)
                if group[key] < 0 { group[key] = Int32(cellOfGroup.count); cellOfGroup.append(key) }
                groupOfRow[row] = group[key]
            }
        } else {
            var group: [Int: Int32] = [:]
            for row in 0..<table.rowCount {
                let key = cell(row)
                if let known = group[key] { groupOfRow[row] = known; continue }
                let next = Int32(cellOfGroup.count)
                group[key] = next
                cellOfGroup.append(key)
                groupOfRow[row] = next
            }
        }
        self.groupOfRow = groupOfRow
        self.texts = texts
        self.cellOfGroup = cellOfGroup
    }

    /// The values of group `group`, one per column; nil where the value is missing.
    public func values(of group: Int) -> [String?] {
        var rest = cellOfGroup[group]
        var values: [String?] = []
        for c in texts.indices.reversed() {
            let index = rest % texts[c].count
            values.append(index == texts[c].count - 1 ? nil : texts[c][index])
            rest /= texts[c].count
        }
        return values.reversed()
    }
}

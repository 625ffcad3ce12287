import Diagnostics
import Table

public extension SurveyDesign {
    /// The design of a table of responses, from the names of its design columns (any may be nil), as
    /// `svydesign(ids =, strata =, weights =, fpc =, data =)` builds it from a data frame: strata and
    /// clusters must have a value in every row (located by the file's line), weights and fpc must be
    /// numeric columns.
    ///
    /// Several clusters and fpcs separated by commas (`dnum,snum` and `fpc1,fpc2`) make a multistage
    /// design, as `svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2)`.
    init(table: Table, strata: String?, cluster: String?, weights: String?, fpc: String?, lonelyPSU: LonelyPSUPolicy = .fail,
         pps: PPSApproximation? = nil) throws(AnalysisError) {
        let clusters = TextLines.list(cluster), fpcs = TextLines.list(fpc)
        let cluster = clusters.first, fpc = fpcs.first
        func labels(_ name: String?) -> [String]? {
            guard let name, let column = table[name] else { return nil }
            return (0..<table.rowCount).map { column.text(at: $0) ?? "" }
        }
        func numbers(_ name: String?) throws(AnalysisError) -> [Double]? {
            guard let name, let column = table[name] else { return nil }
            guard let values = column.numbers, column.type.isNumeric else { throw .designColumnNotNumeric(column: name) }
            return values
        }
        for name in [strata].compactMap({ $0 }) + clusters {
            if let column = table[name], let row = (0..<table.rowCount).first(where: { column.isMissing($0) }) {
                throw .missingDesignValue(column: name, row: table.line(ofRow: row))
            }
        }
        var subFPC: [[Double]] = []
        for name in fpcs.dropFirst() { if let values = try numbers(name) { subFPC.append(values) } }
        try self.init(weights: try numbers(weights), strata: labels(strata), clusters: labels(cluster), fpc: try numbers(fpc),
                      rowCount: table.rowCount, lonelyPSU: lonelyPSU, names: DesignColumnNames(weights: weights ?? "peso", fpc: fpc ?? "fpc"),
                      subclusters: clusters.dropFirst().compactMap { labels($0) }, subFPC: subFPC, pps: pps)
    }
}

public extension Domain {
    /// Every combination of the values of `columns` that occurs in the table (first column slowest,
    /// levels in label order), or the whole sample when there are none, as `svyby(~a + b)` groups.
    /// Rows missing a value belong to no group; no row is dropped from the design.
    static func groups(of table: Table, by columns: [String]) -> [Domain] {
        guard !columns.isEmpty else { return [.all(table.rowCount)] }
        let levels = columns.map { levelIndex(table[$0]!) }
        var members: [Int: [Int]] = [:]
        rows: for row in 0..<table.rowCount {
            var key = 0
            for level in levels {
                let index = level.index[row]
                if index < 0 { continue rows }
                key = key * level.names.count + index
            }
            members[key, default: []].append(row)
        }
        func labels(_ key: Int) -> [String] {
            var rest = key
            var parts: [String] = []
            for level in levels.reversed() {
                parts.append(level.names[rest % level.names.count])
                rest /= level.names.count
            }
            return parts.reversed()
        }
        let keys = members.keys.map { ($0, labels($0)) }.sorted { a, b in
            for (x, y) in zip(a.1, b.1) where x != y { return LevelOrder.less(x, y) }
            return false
        }
        return keys.map { key, values in Domain(group: zip(columns, values).map { ($0, $1) }, members: members[key]!) }
    }

    /// Per row, the index of its value among the column's values (−1 when missing).
    private static func levelIndex(_ column: Column) -> (index: [Int], names: [String]) {
        if case .coded(let codes, let levels) = column.storage {
            return (codes.map { $0 == Column.missingCode ? -1 : Int($0) }, levels)
        }
        var known: [String: Int] = [:]
        var names: [String] = []
        let index = (0..<column.count).map { row -> Int in
            guard let text = column.text(at: row) else { return -1 }
            if let i = known[text] { return i }
            known[text] = names.count
            names.append(text)
            return names.count - 1
        }
        return (index, names)
    }
}

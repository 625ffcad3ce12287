import Foundation
import Table

/// The cells of one or more crossed columns of the sample, each with its population count: what
/// post-stratification and each margin of raking scale the weights to.
struct CalibrationCells {
    /// Cell per row, and per cell its label and population count.
    var index: [Int]
    var labels: [String]
    var targets: [Double]

    init(columns: [String], table: Table, path: String, population: PopulationTotals) throws(CalibrationError) {
        let counts = try population.counts(columns)
        let selected = columns.map { table[$0]! }
        var known: [String: Int] = [:]
        labels = []
        targets = []
        index = []
        index.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            var parts: [String] = []
            for (name, column) in zip(columns, selected) {
                guard let text = column.text(at: row) else { throw .missingValue(file: path, line: table.line(ofRow: row), column: name) }
                parts.append(text)
            }
            let label = parts.joined(separator: " × ")
            if let cell = known[label] { index.append(cell); continue }
            guard let target = counts[label] else {
                // Name the column whose value the population lacks; the crossed cell when each value exists alone.
                let line = table.line(ofRow: row)
                let split = counts.keys.map { $0.components(separatedBy: " × ") }
                if let at = columns.indices.first(where: { i in !split.contains { $0.count > i && $0[i] == parts[i] } }) {
                    throw .unknownCell(file: path, line: line, column: columns[at], value: parts[at])
                }
                throw .unknownCell(file: path, line: line, column: PopulationTotals.key(columns), value: label)
            }
            known[label] = labels.count
            labels.append(label)
            targets.append(target)
            index.append(labels.count - 1)
        }
        for (label, count) in counts where count > 0 && known[label] == nil && label.split(separator: " × ").allSatisfy({ $0 != "NA" }) {
            throw .emptyCell("\(PopulationTotals.key(columns)) = \(label)")
        }
    }

    /// w · N_g / Σ_{g} w: each cell's weights then add up to its population count.
    func scale(_ weights: [Double]) throws(CalibrationError) -> [Double] {
        let sums = self.sums(weights)
        if let empty = sums.indices.first(where: { !(sums[$0] > 0) && targets[$0] > 0 }) { throw .emptyCell(labels[empty]) }
        return weights.indices.map { weights[$0] * targets[index[$0]] / sums[index[$0]] }
    }

    func sums(_ weights: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: targets.count)
        for (k, w) in weights.enumerated() { sums[index[k]] += w }
        return sums
    }

    /// The largest relative gap between a cell's weights and its count.
    func gap(_ weights: [Double]) -> Double {
        zip(sums(weights), targets).reduce(0) { worst, pair in pair.1 > 0 ? max(worst, abs(pair.0 - pair.1) / pair.1) : worst }
    }
}

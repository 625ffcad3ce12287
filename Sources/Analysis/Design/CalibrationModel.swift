import LinearAlgebra
import Table

/// The model matrix of linear calibration — the intercept, each numeric column, a dummy for each
/// level of a categorical column but its first (R's `model.matrix` with treatment contrasts) — and
/// the population totals of its columns.
struct CalibrationModel {
    var names: [String]
    /// Row-major, n × p.
    var values: [Double]
    var totals: [Double]
    let rows: Int

    init(columns: [String], table: Table, path: String, population: PopulationTotals) throws(CalibrationError) {
        rows = table.rowCount
        names = ["(Intercept)"]
        var matrixColumns: [[Double]] = [[Double](repeating: 1, count: rows)]
        let categorical = columns.filter { !(table[$0]!.type.isNumeric) }
        totals = [try population.size(fallback: categorical)]
        for name in columns {
            let column = table[name]!
            if column.type.isNumeric, let numbers = column.numbers {
                if let row = numbers.firstIndex(where: { $0.isNaN }) { throw .missingValue(file: path, line: table.line(ofRow: row), column: name) }
                names.append(name)
                matrixColumns.append(numbers)
                totals.append(try population.sum(name))
            } else {
                let cells = try CalibrationCells(columns: [name], table: table, path: path, population: population)
                let order = cells.labels.indices.sorted { LevelOrder.less(cells.labels[$0], cells.labels[$1]) }
                for level in order.dropFirst() {
                    names.append("\(name) = \(cells.labels[level])")
                    matrixColumns.append(cells.index.map { $0 == level ? 1 : 0 })
                    totals.append(cells.targets[level])
                }
            }
        }
        let p = names.count
        values = [Double](repeating: 0, count: rows * p)
        for (a, column) in matrixColumns.enumerated() { for k in 0..<rows { values[k * p + a] = column[k] } }
    }

    /// g = 1 + xᵀ(Σ w x xᵀ)⁻¹(T − Σ w x) (R's `regcalibrate`), and the inverse it used.
    func solve(_ weights: [Double]) throws(CalibrationError) -> (g: [Double], inverse: Matrix) {
        let p = names.count
        var cross = Matrix(rows: p, columns: p)
        var sample = [Double](repeating: 0, count: p)
        for k in 0..<rows {
            let w = weights[k]
            for a in 0..<p {
                let xa = values[k * p + a]
                guard xa != 0 else { continue }
                sample[a] += w * xa
                for b in 0..<p { cross[a, b] += w * xa * values[k * p + b] }
            }
        }
        let inverse: Matrix
        do { inverse = try Cholesky(cross).inverse() } catch { throw .singular(terms: Array(names.dropFirst())) }
        var lambda = [Double](repeating: 0, count: p)
        for a in 0..<p { for b in 0..<p { lambda[a] += inverse[a, b] * (totals[b] - sample[b]) } }
        let g = (0..<rows).map { k in 1 + (0..<p).reduce(0.0) { $0 + values[k * p + $1] * lambda[$1] } }
        return (g, inverse)
    }
}

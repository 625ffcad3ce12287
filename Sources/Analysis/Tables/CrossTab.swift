import Table
import Distributions
import LinearAlgebra

/// A two-way table of a survey: counts, weighted counts, percentages with intervals, Pearson's
/// chi-square and the Rao–Scott design-corrected test, as R's `svytable`, `svyciprop`/`svyby` and
/// `svychisq` compute them.
public struct CrossTab: Sendable {
    public struct Percentage: Sendable {
        public var estimate: Double
        public var lower: Double
        public var upper: Double
    }

    /// Pearson's X² on the weighted table rescaled to the sample size, (r − 1)(c − 1) df.
    public struct Pearson: Sendable {
        public var statistic: Double
        public var degreesOfFreedom: Int
        public var p: Double
    }

    /// Rao–Scott: second order, X²/tr(Δ) ~ F(d, d·ν) with d = tr(Δ)²/tr(Δ²) (Rao & Scott, *Annals of
    /// Statistics* 12, 1984; Thomas & Rao, *JASA* 82, 1987), or first order, X²/δ̄ ~ χ²((r−1)(c−1)).
    public struct RaoScott: Sendable {
        public var f: Double
        public var df1: Double
        public var df2: Double
        public var p: Double
        /// First order: X²/mean(δ) and its chi-square p-value.
        public var firstOrderChiSquare: Double
        public var firstOrderP: Double
        /// Pearson's X² and the eigenvalues δ of Δ, for the exact reference distributions
        /// (``lincomP`` and ``saddlepointP``).
        public var pearson: Double = .nan
        public var eigenvalues: [Double] = []
    }

    public let rows: [String]
    public let columns: [String]
    public let counts: [[Int]]
    public let weighted: [[Double]]
    public let totalPercent: [[Percentage]]
    public let rowPercent: [[Percentage]]
    public let columnPercent: [[Percentage]]
    /// Adjusted standardized residuals of the rescaled table: (O − E)/√(E(1 − r_i/N)(1 − c_j/N))
    /// (Haberman, *Biometrics* 29, 1973; R's `chisq.test()$stdres`). Beyond ±2 a cell drives the difference.
    public let residuals: [[Double]]
    public let pearson: Pearson
    /// The design-based Wald test (R's `svychisq(statistic = "Wald" | "adjWald")`).
    public let wald: Wald
    public let raoScott: RaoScott

    /// - Parameters: `rowLabels`, `columnLabels`: each row's value (nil = missing, left out).
    public init(design: SurveyDesign, rowLabels: [String?], columnLabels: [String?], rowName: String, columnName: String,
                method: ProportionMethod = .logit, confidence: Double = 0.95, order: (String, String) -> Bool) throws(AnalysisError) {
        let rowLevels = Array(Set(rowLabels.compactMap { $0 })).sorted(by: order)
        let columnLevels = Array(Set(columnLabels.compactMap { $0 })).sorted(by: order)
        guard rowLevels.count >= 2 else { throw .tooFewLevels(column: rowName) }
        guard columnLevels.count >= 2 else { throw .tooFewLevels(column: columnName) }
        let r = rowLevels.count
        let rowIndex = Dictionary(uniqueKeysWithValues: rowLevels.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columnLevels.enumerated().map { ($1, $0) })
        // Cell of each row, or −1 when either value is missing.
        let cell = (0..<design.rowCount).map { k -> Int in
            guard let a = rowLabels[k].flatMap({ rowIndex[$0] }), let b = columnLabels[k].flatMap({ columnIndex[$0] }) else { return -1 }
            return a + b * r   // rows vary fastest, as R's interaction(rows, cols)
        }
        try self.init(design: design, rowLevels: rowLevels, columnLevels: columnLevels, cell: cell, rowName: rowName, columnName: columnName,
                      method: method, confidence: confidence)
    }

    /// The table of two columns of the design's rows, grouped by code (``CellIndex``): no `String` per row,
    /// the same table as ``init(design:rowLabels:columnLabels:rowName:columnName:method:confidence:order:)`` gives
    /// with the columns' texts.
    public init(design: SurveyDesign, rows rowColumn: Column, columns columnColumn: Column,
                method: ProportionMethod = .logit, confidence: Double = 0.95, order: (String, String) -> Bool) throws(AnalysisError) {
        func levels(_ column: Column) -> (levels: [String], ofGroup: [Int], group: [Int32]) {
            let cells = CellIndex(table: Table(columns: [column], rowCount: design.rowCount), columns: [column.name])
            let texts = (0..<cells.groupCount).map { cells.values(of: $0)[0] }
            let levels = Array(Set(texts.compactMap { $0 })).sorted(by: order)
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
            return (levels, texts.map { $0.flatMap { index[$0] } ?? -1 }, cells.groupOfRow)
        }
        let (rowLevels, rowOfGroup, rowGroup) = levels(rowColumn)
        let (columnLevels, columnOfGroup, columnGroup) = levels(columnColumn)
        guard rowLevels.count >= 2 else { throw .tooFewLevels(column: rowColumn.name) }
        guard columnLevels.count >= 2 else { throw .tooFewLevels(column: columnColumn.name) }
        let r = rowLevels.count
        let cell = (0..<design.rowCount).map { k -> Int in
            let a = rowOfGroup[Int(rowGroup[k])], b = columnOfGroup[Int(columnGroup[k])]
            return a < 0 || b < 0 ? -1 : a + b * r
        }
        try self.init(design: design, rowLevels: rowLevels, columnLevels: columnLevels, cell: cell, rowName: rowColumn.name,
                      columnName: columnColumn.name, method: method, confidence: confidence)
    }

    /// The table from each row's cell (row level + column level × r, or −1 when either is missing).
    private init(design: SurveyDesign, rowLevels: [String], columnLevels: [String], cell: [Int], rowName: String, columnName: String,
                 method: ProportionMethod, confidence: Double) throws(AnalysisError) {
        rows = rowLevels
        columns = columnLevels
        let r = rowLevels.count, c = columnLevels.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: c), count: r)
        var weighted = [[Double]](repeating: [Double](repeating: 0, count: c), count: r)
        for k in 0..<design.rowCount where cell[k] >= 0 {
            counts[cell[k] % r][cell[k] / r] += 1
            weighted[cell[k] % r][cell[k] / r] += design.weights[k]
        }
        self.counts = counts
        self.weighted = weighted

        // Percentages with intervals: total (all valid rows), by row, by column. Each row's and column's
        // members are found once, each cell's indicator built once for its three percentages, and the
        // cells computed on every core (each is independent of the others).
        let valid = cell.indices.filter { cell[$0] >= 0 }
        let inColumns = (0..<c).map { j in valid.filter { cell[$0] / r == j } }
        let inRows = (0..<r).map { i in valid.filter { cell[$0] % r == i } }
        let cellPercentages = ParallelRanges.map(r * c, minimumPerPart: 1) { range in
            range.map { index -> Result<[Percentage], AnalysisError> in
                let i = index / c, j = index % c
                let y = cell.map { $0 < 0 ? Double.nan : ($0 == i + j * r ? 1 : 0) }
                func percentage(in members: [Int], _ group: [(column: String, value: String)]) throws(AnalysisError) -> Percentage {
                    let e = try design.proportion(y, in: Domain(group: group, members: members), method: method, confidence: confidence)
                    return Percentage(estimate: e.estimate, lower: e.lower, upper: e.upper)
                }
                do throws(AnalysisError) {
                    return .success([try percentage(in: valid, []), try percentage(in: inRows[i], [(rowName, rowLevels[i])]),
                                     try percentage(in: inColumns[j], [(columnName, columnLevels[j])])])
                } catch {
                    return .failure(error)
                }
            }
        }.flatMap { $0 }
        var total: [[Percentage]] = [], byRow: [[Percentage]] = [], byColumn: [[Percentage]] = []
        for i in 0..<r {
            var t: [Percentage] = [], br: [Percentage] = [], bc: [Percentage] = []
            for j in 0..<c {
                let three = try cellPercentages[i * c + j].get()
                t.append(three[0]); br.append(three[1]); bc.append(three[2])
            }
            total.append(t); byRow.append(br); byColumn.append(bc)
        }
        totalPercent = total
        rowPercent = byRow
        columnPercent = byColumn

        // Pearson on the weighted table rescaled to N rows (R: svytable(Ntotal = N)).
        let n = Double(design.rowCount)
        let weightTotal = weighted.joined().reduce(0, +)
        let scaled = weighted.map { $0.map { $0 * n / weightTotal } }
        let rowSums = scaled.map { $0.reduce(0, +) }
        let columnSums = (0..<c).map { j in scaled.reduce(0) { $0 + $1[j] } }
        var x2 = 0.0
        var residuals = [[Double]](repeating: [Double](repeating: 0, count: c), count: r)
        for i in 0..<r {
            for j in 0..<c {
                let expected = rowSums[i] * columnSums[j] / n
                x2 += (scaled[i][j] - expected) * (scaled[i][j] - expected) / expected
                residuals[i][j] = (scaled[i][j] - expected) / (expected * (1 - rowSums[i] / n) * (1 - columnSums[j] / n)).squareRoot()
            }
        }
        self.residuals = residuals
        let df = (r - 1) * (c - 1)
        pearson = Pearson(statistic: x2, degreesOfFreedom: df, p: ChiSquared.upperTail(x2, df: Double(df)))

        // Rao–Scott (svychisq): Δ = (C' D⁻¹ C / N)⁻¹ (C' D⁻¹ V D⁻¹ C), C the interaction contrasts
        // made orthogonal to the additive model, D = diag(p̂), V the design covariance of p̂.
        let cells = r * c
        wald = try CrossTab.wald(design: design, cell: cell, rows: r, columns: c)
        let (means, v) = try design.shareCovariance(cells: cell, cellCount: cells)
        let contrasts = try CrossTab.interactionContrasts(rows: r, columns: c)
        let k = contrasts.columns
        let inverse = means.map { $0 == 0 ? 0 : 1 / $0 }
        var denominator = Matrix(rows: k, columns: k), numerator = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in 0..<k {
                var d = 0.0, m = 0.0
                for x in 0..<cells {
                    d += contrasts[x, a] * inverse[x] * contrasts[x, b] / n
                    for y in 0..<cells {
                        m += contrasts[x, a] * inverse[x] * v[x][y] * inverse[y] * contrasts[y, b]
                    }
                }
                denominator[a, b] = d
                numerator[a, b] = m
            }
        }
        let delta: Matrix
        do {
            let chol = try Cholesky(denominator)
            var columns: [Double] = []
            for b in 0..<k { columns += try chol.solve(numerator.column(b)) }
            delta = Matrix(rows: k, columns: k, values: columns)
        } catch {
            throw .singularTable
        }
        let trace = delta.diagonal.reduce(0, +)
        var traceSquare = 0.0
        for a in 0..<k { for b in 0..<k { traceSquare += delta[a, b] * delta[b, a] } }
        let d0 = trace * trace / traceSquare
        let nu = Double(design.degreesOfFreedom)
        let f = x2 / trace
        let meanDelta = trace / Double(k)
        raoScott = RaoScott(f: f, df1: d0, df2: d0 * nu, p: FisherF.upperTail(f, df1: d0, df2: d0 * nu),
                            firstOrderChiSquare: x2 / meanDelta, firstOrderP: ChiSquared.upperTail(x2 / meanDelta, df: Double(k)),
                            pearson: x2, eigenvalues: try CrossTab.eigenvalues(denominator: denominator, numerator: numerator))
    }

    /// The (r−1)(c−1) interaction columns of the saturated model (indicator of cell (i, j), i, j ≥ 2,
    /// rows varying fastest) minus their projection on the additive model 1 + rows + columns
    /// (R's `qr.resid(qr(X1), X12[, -(1:(nr + nc - 1))])`).
    static func interactionContrasts(rows r: Int, columns c: Int) throws(AnalysisError) -> Matrix {
        let cells = r * c
        let p = 1 + (r - 1) + (c - 1)
        var additive = Matrix(rows: cells, columns: p)
        for x in 0..<cells {
            let i = x % r, j = x / r
            additive[x, 0] = 1
            if i > 0 { additive[x, i] = 1 }
            if j > 0 { additive[x, r - 1 + j] = 1 }
        }
        var result = Matrix(rows: cells, columns: (r - 1) * (c - 1))
        var column = 0
        for j in 1..<c {
            for i in 1..<r {
                var y = [Double](repeating: 0, count: cells)
                y[i + j * r] = 1
                do {
                    let fit = try LeastSquares(x: additive, y: y)
                    for x in 0..<cells {
                        var fitted = 0.0
                        for a in 0..<p { fitted += additive[x, a] * fit.coefficients[a] }
                        result[x, column] = y[x] - fitted
                    }
                } catch {
                    throw .singularTable
                }
                column += 1
            }
        }
        return result
    }
}

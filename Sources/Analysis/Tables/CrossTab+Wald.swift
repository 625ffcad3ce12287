import Distributions
import LinearAlgebra

extension CrossTab {
    /// The design-based Wald test of independence (Koch, Freeman & Freeman, *Int. Stat. Review* 43,
    /// 1975; R's `svychisq(statistic = "Wald" | "adjWald")`): Y_ij = N̂_ij − N̂_i·N̂_·j/N̂ for the
    /// cells outside the first row and column, X² = Yᵀ V̂(Y)⁻¹ Y with V̂ from the linearised values
    /// w·([cell ij] − [row i]·N̂_·j/N̂ − [col j]·N̂_i·/N̂ + N̂_i·N̂_·j/N̂²) (or the replicates);
    /// Wald F = X²/d on (d, ν), adjusted F = X²(ν − d + 1)/(d ν) on (d, ν − d + 1), d = (r − 1)(c − 1),
    /// ν the design's degrees of freedom.
    public struct Wald: Sendable {
        public var chiSquare: Double
        public var df: Int
        public var nu: Int
        public var f: Double { chiSquare / Double(df) }
        public var p: Double { FisherF.upperTail(f, df1: Double(df), df2: Double(nu)) }
        public var adjustedF: Double { chiSquare * Double(nu - df + 1) / (Double(df) * Double(nu)) }
        public var adjustedDF2: Int { nu - df + 1 }
        public var adjustedP: Double { FisherF.upperTail(adjustedF, df1: Double(df), df2: Double(adjustedDF2)) }
    }

    /// `cell` per design row: row index + column index · r, or −1 when either value is missing.
    static func wald(design: SurveyDesign, cell: [Int], rows r: Int, columns c: Int) throws(AnalysisError) -> Wald {
        let d = (r - 1) * (c - 1)
        func totals(_ w: [Double]) -> (cells: [Double], rows: [Double], columns: [Double], all: Double) {
            var cells = [Double](repeating: 0, count: r * c), rowTotals = [Double](repeating: 0, count: r), columnTotals = [Double](repeating: 0, count: c)
            for k in cell.indices where cell[k] >= 0 {
                cells[cell[k]] += w[k]
                rowTotals[cell[k] % r] += w[k]
                columnTotals[cell[k] / r] += w[k]
            }
            return (cells, rowTotals, columnTotals, rowTotals.reduce(0, +))
        }
        let full = totals(design.weights)
        var y: [Double] = []
        for j in 1..<c { for i in 1..<r { y.append(full.cells[i + j * r] - full.rows[i] * full.columns[j] / full.all) } }
        /// J·T: the contrasts linearised at the full sample's shares, applied to totals T.
        func linearised(_ t: (cells: [Double], rows: [Double], columns: [Double], all: Double)) -> [Double] {
            var z: [Double] = []
            for j in 1..<c {
                for i in 1..<r {
                    let colShare = full.columns[j] / full.all, rowShare = full.rows[i] / full.all
                    z.append(t.cells[i + j * r] - t.rows[i] * colShare - t.columns[j] * rowShare + t.all * rowShare * colShare)
                }
            }
            return z
        }
        let v: [[Double]]
        if let replication = design.replication {
            // R linearises the contrasts and takes the replicates' covariance of the totals: J V(T) Jᵀ.
            var byContrast = [[Double]](repeating: [Double](repeating: 0, count: replication.count), count: d)
            for (rep, w) in replication.weights.enumerated() {
                for (a, value) in linearised(totals(w)).enumerated() { byContrast[a][rep] = value }
            }
            v = replication.covariance(byContrast, full: linearised(full))
        } else {
            // z_a = w · J[a][cell]: each contrast's coefficient on each cell of the table.
            var coefficients: [[Double]] = []
            for j in 1..<c {
                for i in 1..<r {
                    let colShare = full.columns[j] / full.all, rowShare = full.rows[i] / full.all
                    coefficients.append((0..<(r * c)).map { x in
                        let ri = x % r == i ? 1.0 : 0, cj = x / r == j ? 1.0 : 0
                        return (x == i + j * r ? 1 : 0) - ri * colShare - cj * rowShare + rowShare * colShare
                    })
                }
            }
            v = try design.cellCovariance(cells: cell, cellCount: r * c, coefficients: coefficients)
        }
        let solved: [Double]
        do { solved = try Cholesky(Matrix(rowMajor: v)).solve(y) } catch { throw .singularTable }
        let chiSquare = zip(y, solved).reduce(0) { $0 + $1.0 * $1.1 }
        return Wald(chiSquare: chiSquare, df: d, nu: design.degreesOfFreedom)
    }
}

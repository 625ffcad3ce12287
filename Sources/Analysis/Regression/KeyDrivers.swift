import Diagnostics
import LinearAlgebra
import Table

/// Key-driver analysis: which service attributes explain an overall score, and how well each one
/// performs — the importance-versus-performance chart CX teams use to choose what to fix first.
///
/// Importance is Johnson's relative weight (Johnson, J. W. 2000, «A heuristic method for estimating
/// the relative weight of predictor variables in multiple regression», *Multivariate Behavioral
/// Research* 35(1), 1–19): with R_xx = V Λ Vᵀ the drivers' correlation matrix and Λ½ = V Λ^½ Vᵀ, the
/// outcome is regressed on the orthogonal Z = X Λ½⁻¹ (β = Λ½⁻¹ r_xy), and driver j gets
/// ε_j = Σ_k (Λ½)_jk² β_k²; the ε_j add up to the model's R². Correlations are weighted by the sampling
/// weights when the design has them. Performance is the design-based mean of each driver.
public struct KeyDrivers: Sendable {
    /// Where a driver falls in the importance–performance chart, against the mean importance and the
    /// mean performance of all drivers.
    public enum Quadrant: String, Sendable {
        /// Important and below average: fix first.
        case improve
        /// Important and above average: keep.
        case maintain
        /// Less important and below average: watch.
        case monitor
        /// Less important and above average: possibly over-invested.
        case surplus
    }

    public struct Driver: Sendable {
        public let name: String
        /// Standardised regression coefficient (β of the z-scored model, R_xx⁻¹ r_xy).
        public let standardized: Double
        /// Johnson's relative weight ε_j (a share of R²) and its share of the explained variance.
        public let relativeWeight: Double
        public let share: Double
        /// Design-based mean of the driver over its own answers.
        public let performance: Estimate
        public let quadrant: Quadrant
    }

    public let outcome: String
    /// Complete rows (outcome and every driver present).
    public let n: Int
    /// R² of the outcome on all drivers (the sum of the relative weights).
    public let r2: Double
    public let drivers: [Driver]

    public init(table: Table, outcome: String, drivers names: [String], design: SurveyDesign) throws {
        for name in [outcome] + names {
            guard let column = table[name] else {
                throw RegressionError.unknownColumn(name, suggestion: Suggestion.closest(to: name, among: table.columnNames))
            }
            guard ModelMatrix.numericValues(column) != nil else { throw RegressionError.responseNotNumeric(name) }
        }
        let values = ([outcome] + names).map { ModelMatrix.numericValues(table[$0]!)! }
        let rows = (0..<table.rowCount).filter { row in values.allSatisfy { !$0[row].isNaN } }
        let p = names.count
        guard rows.count > p + 1 else { throw RegressionError.tooFewRows(rows: rows.count, parameters: p + 1) }
        let weights = rows.map { design.weights[$0] }

        // Weighted correlation matrix of (outcome, drivers), as cov.wt(cor = TRUE).
        let k = p + 1
        let wTotal = weights.reduce(0, +)
        let means = values.map { v in zip(rows, weights).reduce(0) { $0 + v[$1.0] * $1.1 } / wTotal }
        var covariance = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in a..<k {
                var sum = 0.0
                for (row, w) in zip(rows, weights) { sum += w * (values[a][row] - means[a]) * (values[b][row] - means[b]) }
                covariance[a, b] = sum
                covariance[b, a] = sum
            }
        }
        for j in 0..<p where !(covariance[j + 1, j + 1] > 0) { throw RegressionError.constantDriver(names[j]) }
        var rxx = Matrix(rows: p, columns: p)
        var rxy = [Double](repeating: 0, count: p)
        func correlation(_ a: Int, _ b: Int) -> Double { covariance[a, b] / (covariance[a, a] * covariance[b, b]).squareRoot() }
        for a in 0..<p {
            rxy[a] = correlation(a + 1, 0)
            for b in 0..<p { rxx[a, b] = correlation(a + 1, b + 1) }
        }
        // Λ½ and Λ½⁻¹ from the eigen decomposition of R_xx.
        let eigen = try SymmetricEigen(rxx)
        guard eigen.values.allSatisfy({ $0 > 1e-10 }) else { throw RegressionError.constantDriver(names.joined(separator: ", ")) }
        var half = Matrix(rows: p, columns: p), halfInverse = Matrix(rows: p, columns: p)
        for a in 0..<p {
            for b in 0..<p {
                var h = 0.0, hi = 0.0
                for m in 0..<p {
                    let v = eigen.vectors[a, m] * eigen.vectors[b, m]
                    h += v * eigen.values[m].squareRoot()
                    hi += v / eigen.values[m].squareRoot()
                }
                half[a, b] = h
                halfInverse[a, b] = hi
            }
        }
        let beta = (0..<p).map { a in (0..<p).reduce(0) { $0 + halfInverse[a, $1] * rxy[$1] } }
        let epsilon = (0..<p).map { j in (0..<p).reduce(0) { $0 + half[j, $1] * half[j, $1] * beta[$1] * beta[$1] } }
        let standardized = try Cholesky(rxx).solve(rxy)
        let r2 = epsilon.reduce(0, +)

        let performance = try (1...p).map { j in try design.mean(values[j], in: .all(table.rowCount)) }
        let meanShare = 1 / Double(p)
        let meanPerformance = performance.reduce(0) { $0 + $1.estimate } / Double(p)
        self.outcome = outcome
        self.n = rows.count
        self.r2 = r2
        self.drivers = (0..<p).map { j in
            let share = epsilon[j] / r2
            let important = share >= meanShare, good = performance[j].estimate >= meanPerformance
            let quadrant: Quadrant = important ? (good ? .maintain : .improve) : (good ? .surplus : .monitor)
            return Driver(name: names[j], standardized: standardized[j], relativeWeight: epsilon[j], share: share,
                          performance: performance[j], quadrant: quadrant)
        }
    }
}

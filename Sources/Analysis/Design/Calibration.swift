import LinearAlgebra
import Table

/// How a design's weights are calibrated to population figures, as R's `postStratify`, `rake` and
/// `calibrate(calfun = "linear")` do (Lumley, *Complex Surveys*, 2010, ch. 7; Deville & Särndal,
/// "Calibration estimators in survey sampling", *JASA* 87, 1992).
public enum CalibrationMethod: Sendable, Equatable {
    /// The weights of each crossed cell of the columns add up to its population count.
    case postStratify([String])
    /// Iterative proportional fitting to each column's margin in turn until every margin holds.
    case rake([String])
    /// Linear (GREG) calibration: w·g with g = 1 + xᵀλ, so that Σ w g x equals the population totals
    /// of x = (1, numeric columns, a dummy per level of each categorical column but its first).
    case linear([String])

    public var columns: [String] {
        switch self {
        case .postStratify(let c), .rake(let c), .linear(let c): return c
        }
    }
}

/// What a calibration did to the weights, kept by the design so that variances account for it: the
/// linearised values are replaced by their residuals on the calibration variables before the Taylor
/// formula, exactly as R's `svyrecvar` treats `design$postStrata`.
public enum CalibrationStep: Sendable {
    /// Cells per row, and the weights before and after.
    case postStratification(cells: [Int], cellCount: Int, before: [Double], after: [Double])
    /// Per margin, the cells per row and the weights after that margin's adjustment in the last sweep.
    case raking([RakedMargin])
    /// The model matrix (row-major, n × p), (Σ w x xᵀ)⁻¹ with the weights before, and g.
    case linear(model: [Double], terms: Int, inverse: Matrix, g: [Double], after: [Double])

    public struct RakedMargin: Sendable {
        var cells: [Int]
        var cellCount: Int
        var weights: [Double]
    }

    public var name: String {
        switch self {
        case .postStratification: return "postStratify"
        case .raking: return "rake"
        case .linear: return "calibrate"
        }
    }

    /// x minus its projection on the calibration variables (R's `svyrecvar`):
    /// - post-stratification: x − w·m_g, m_g = Σ_g x w₀/w / Σ_g w₀ (w₀ the weights before);
    /// - raking: ten backfitting sweeps of x − w·mean_g(x/w) over the margins, as R runs them;
    /// - linear: x − w·xᵀβ with β = (Σ w₀ x xᵀ)⁻¹ Σ x·x/g, the residual of the GREG regression.
    func residuals(_ x: inout [Double]) {
        switch self {
        case .postStratification(let cells, let count, let before, let after):
            var sums = [Double](repeating: 0, count: count), base = [Double](repeating: 0, count: count)
            for k in x.indices {
                sums[cells[k]] += x[k] * before[k] / after[k]
                base[cells[k]] += before[k]
            }
            for k in x.indices { x[k] -= after[k] * sums[cells[k]] / base[cells[k]] }
        case .raking(let margins):
            for _ in 0..<10 {
                for margin in margins {
                    var sums = [Double](repeating: 0, count: margin.cellCount), counts = [Double](repeating: 0, count: margin.cellCount)
                    for k in x.indices {
                        sums[margin.cells[k]] += x[k] / margin.weights[k]
                        counts[margin.cells[k]] += 1
                    }
                    for k in x.indices { x[k] -= margin.weights[k] * sums[margin.cells[k]] / counts[margin.cells[k]] }
                }
            }
        case .linear(let model, let p, let inverse, let g, let after):
            var b = [Double](repeating: 0, count: p)
            for k in x.indices where x[k] != 0 {
                let scaled = x[k] / g[k]
                for a in 0..<p { b[a] += model[k * p + a] * scaled }
            }
            var beta = [Double](repeating: 0, count: p)
            for a in 0..<p { for c in 0..<p { beta[a] += inverse[a, c] * b[c] } }
            for k in x.indices {
                var fitted = 0.0
                for a in 0..<p { fitted += model[k * p + a] * beta[a] }
                x[k] -= after[k] * fitted
            }
        }
    }
}

public extension SurveyDesign {
    /// This design with its weights calibrated to `population` on the columns of `table` (one row per
    /// design row), the calibration recorded for the variances (and each replicate calibrated, for a
    /// replicate design). Calibrations can follow one another, as R's can.
    func calibrated(_ method: CalibrationMethod, table: Table, path: String, population: PopulationTotals,
                    tolerance: Double = 1e-10, maxIterations: Int = 100) throws(CalibrationError) -> SurveyDesign {
        // One calibration of a set of weights: the new weights and what the variance needs of it.
        let calibrate: ([Double]) throws(CalibrationError) -> (weights: [Double], step: CalibrationStep)
        switch method {
        case .postStratify(let columns):
            let cells = try CalibrationCells(columns: columns, table: table, path: path, population: population)
            calibrate = { (w) throws(CalibrationError) in
                let after = try cells.scale(w)
                return (after, .postStratification(cells: cells.index, cellCount: cells.targets.count, before: w, after: after))
            }
        case .rake(let columns):
            let margins = try columns.map { (name) throws(CalibrationError) in
                try CalibrationCells(columns: [name], table: table, path: path, population: population)
            }
            calibrate = { (start) throws(CalibrationError) in
                var w = start
                var last: [CalibrationStep.RakedMargin] = []
                var sweeps = 0
                repeat {
                    guard sweeps < maxIterations else {
                        throw .notConverged(iterations: sweeps, discrepancy: margins.map { $0.gap(w) }.max() ?? 0)
                    }
                    last = []
                    for margin in margins {
                        w = try margin.scale(w)
                        last.append(.init(cells: margin.index, cellCount: margin.targets.count, weights: w))
                    }
                    sweeps += 1
                } while margins.contains(where: { $0.gap(w) > tolerance })
                return (w, .raking(last))
            }
        case .linear(let columns):
            let model = try CalibrationModel(columns: columns, table: table, path: path, population: population)
            calibrate = { (w) throws(CalibrationError) in
                let (g, inverse) = try model.solve(w)
                let after = zip(w, g).map { $0 * $1 }
                return (after, .linear(model: model.values, terms: model.names.count, inverse: inverse, g: g, after: after))
            }
        }
        var design = self
        let (weights, step) = try calibrate(self.weights)
        design.weights = weights
        // A replicate design calibrates every replicate the same way (R's postStratify, rake and
        // calibrate of a svyrep.design); its variances then come from the calibrated replicates.
        if let replication {
            var calibrated: [[Double]] = []
            for w in replication.weights { calibrated.append(try calibrate(w).weights) }
            design.replication = ReplicateWeights(kind: replication.kind, weights: calibrated, scale: replication.scale,
                                                  rscales: replication.rscales, mse: replication.mse)
        }
        design.calibration.append(step)
        design.weighted = true
        return design
    }

    /// The linearised values `x` (one per design row) after every calibration of the design.
    internal func calibrationResiduals(_ x: [Double]) -> [Double] {
        var x = x
        for step in calibration { step.residuals(&x) }
        return x
    }
}

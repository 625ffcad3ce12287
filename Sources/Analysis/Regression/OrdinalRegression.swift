import Distributions
import Foundation
import LinearAlgebra

/// A proportional-odds (cumulative logit) model of an ordered answer — a 1–5 satisfaction scale —
/// as MASS's `polr` fits it without a design and `survey::svyolr` with one:
///
///     P(Y ≤ k | x) = F(ζ_k − xᵀβ),   F the logistic distribution, ζ_1 < … < ζ_{K−1}
///
/// fitted by Newton–Raphson on the (weighted) log-likelihood with analytic derivatives, to the
/// machine's precision (R's optim stops earlier; see Scripts/reference/ordinal.R). With a design,
/// the covariance is the sandwich: the rows' scores times the inverse information, as linearised
/// values for the design's variance (`svyolr`'s `svyrecvar(inffun)`), or the replicates' refits;
/// degrees of freedom those of the design's model rows minus the coefficients. A positive β raises
/// the odds of the higher answers: exp(β) is the cumulative odds ratio.
public enum OrdinalRegression {
    public static func fit(_ model: ModelMatrix, design: SurveyDesign? = nil) throws -> OrdinalFit {
        guard let levels = model.responseLevels else { preconditionFailure("an ordinal response") }
        let n = model.rows.count, q = levels.count - 1
        // The regressors without the intercept (the thresholds take its place); aliased ones out, as R drops them.
        let kept = try LeastSquares.droppingAliased(x: model.x, y: model.y).kept.filter { model.columnNames[$0] != "(Intercept)" }
        let aliased = model.columnNames.indices.filter { model.columnNames[$0] != "(Intercept)" && !kept.contains($0) }.map { model.columnNames[$0] }
        let p = kept.count
        var x = [Double](repeating: 0, count: n * p)
        for (a, j) in kept.enumerated() { for i in 0..<n { x[i * p + a] = model.x.values[j * n + i] } }
        let y = model.y.map { Int($0) }
        let weights = design.map { d in model.rows.map { d.weights[$0] } } ?? [Double](repeating: 1, count: n)
        let likelihood = OrdinalLikelihood(x: x, y: y, columns: p, thresholds: q)

        let (theta, iterations) = try likelihood.maximise(weights: weights, from: likelihood.start(weights: weights))
        let point = likelihood.evaluate(theta, weights: weights, scores: true)
        let information = Matrix(rows: p + q, columns: p + q, values: point.hessian.map { -$0 })
        let inverse: Matrix
        do { inverse = try Cholesky(information).inverse() } catch { throw RegressionError.noConvergence(iterations: iterations) }

        var covariance = inverse
        var df: Int?
        if let design {
            if let replication = design.replication {
                var columns = [[Double]](repeating: [Double](repeating: 0, count: replication.count), count: p + q)
                for r in 0..<replication.count {
                    let w = model.rows.map { replication.weights[r][$0] }
                    let refit = try likelihood.maximise(weights: w, from: theta).theta
                    for a in 0..<(p + q) { columns[a][r] = refit[a] }
                }
                let v = replication.covariance(columns, full: theta)
                covariance = Matrix(rows: p + q, columns: p + q, values: (0..<((p + q) * (p + q))).map { v[$0 % (p + q)][$0 / (p + q)] })
            } else {
                // Linearised values h_i = U_i I⁻¹, zero on the design's rows outside the model.
                var columns = [[Double]](repeating: [Double](repeating: 0, count: design.rowCount), count: p + q)
                for (i, row) in model.rows.enumerated() {
                    for a in 0..<(p + q) {
                        var h = 0.0
                        for b in 0..<(p + q) { h += point.scores[i * (p + q) + b] * inverse[b, a] }
                        columns[a][row] = h
                    }
                }
                let v = try design.covariance(columns)
                covariance = Matrix(rows: p + q, columns: p + q, values: (0..<((p + q) * (p + q))).map { v[$0 % (p + q)][$0 / (p + q)] })
            }
            df = design.degreesOfFreedom(rows: model.rows) - p
        }
        func parameter(_ index: Int, _ term: String) -> OrdinalFit.Parameter {
            let se = covariance[index, index].squareRoot()
            let statistic = theta[index] / se
            let pValue = df.map { StudentT.twoSidedP(statistic, df: Double($0)) } ?? 2 * Normal.cdf(-abs(statistic))
            return .init(term: term, estimate: theta[index], standardError: se, statistic: statistic, p: pValue)
        }
        let meanWeight = weights.reduce(0, +) / Double(max(n, 1))
        let deviance = -2 * point.logLikelihood / (design == nil ? 1 : meanWeight)
        return OrdinalFit(coefficients: kept.enumerated().map { parameter($0.offset, model.columnNames[$0.element]) },
                          thresholds: (0..<q).map { parameter(p + $0, "\(levels[$0])|\(levels[$0 + 1])") },
                          aliased: aliased, levels: levels, designBased: design != nil, n: n, excluded: model.excluded,
                          residualDF: df, deviance: deviance, aic: design == nil ? deviance + 2 * Double(p + q) : nil,
                          iterations: iterations, covariance: covariance)
    }
}

/// The fitted model: coefficients, thresholds, and how it was fitted.
public struct OrdinalFit: Sendable {
    public struct Parameter: Sendable {
        public let term: String
        public let estimate: Double
        public let standardError: Double
        public let statistic: Double
        public let p: Double
    }

    public let coefficients: [Parameter]
    /// ζ_k between consecutive levels, named `1|2`, `2|3`, … as R names them.
    public let thresholds: [Parameter]
    public let aliased: [String]
    public let levels: [String]
    public let designBased: Bool
    public let n: Int
    public let excluded: Int
    /// With a design: t on these degrees of freedom; without, z.
    public let residualDF: Int?
    public let deviance: Double
    public let aic: Double?
    public let iterations: Int
    public let covariance: Matrix

    /// estimate ± quantile · SE (t with the design's df, else normal).
    public func interval(_ c: Parameter, confidence: Double) -> (lower: Double, upper: Double) {
        let level = 1 - (1 - confidence) / 2
        let quantile = residualDF.map { StudentT.quantile(level, df: Double($0)) } ?? Normal.quantile(level)
        return (c.estimate - quantile * c.standardError, c.estimate + quantile * c.standardError)
    }
}

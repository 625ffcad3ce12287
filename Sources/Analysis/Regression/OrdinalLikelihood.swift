import Foundation
import LinearAlgebra

/// The log-likelihood of the proportional-odds model, its gradient and Hessian in θ = (β, ζ):
/// row i contributes w_i log P_i, P_i = F(a_i) − F(b_i) with a_i = ζ_{y_i} − η_i, b_i = ζ_{y_i − 1} − η_i
/// (ζ_0 = −∞, ζ_K = +∞), so ∂ℓ_i/∂θ = w_i (f(a) ∂a − f(b) ∂b)/P_i with ∂a = (−x_i, e_{y_i}),
/// ∂b = (−x_i, e_{y_i − 1}), and the Hessian w_i [(f′(a) ∂a∂aᵀ − f′(b) ∂b∂bᵀ)/P_i − g_i g_iᵀ/w_i²].
struct OrdinalLikelihood {
    let x: [Double]
    let y: [Int]
    let columns: Int
    let thresholds: Int

    struct Point {
        var logLikelihood: Double
        var gradient: [Double]
        /// Row-major (p + q)².
        var hessian: [Double]
        /// Per row, ∂ℓ_i/∂θ (row-major n × (p + q)), when asked for.
        var scores: [Double]
    }

    static func cdf(_ u: Double) -> Double { u == .infinity ? 1 : (u == -.infinity ? 0 : 1 / (1 + exp(-u))) }
    static func density(_ u: Double) -> Double { u.isInfinite ? 0 : { $0 * (1 - $0) }(cdf(u)) }
    static func slope(_ u: Double) -> Double { u.isInfinite ? 0 : { $0 * (1 - $0) * (1 - 2 * $0) }(cdf(u)) }

    /// β = 0 and ζ_k the logits of the weighted cumulative shares.
    func start(weights: [Double]) -> [Double] {
        var counts = [Double](repeating: 0, count: thresholds + 1)
        for (i, level) in y.enumerated() { counts[level] += weights[i] }
        let total = counts.reduce(0, +)
        var cumulative = 0.0
        let zeta = (0..<thresholds).map { k -> Double in
            cumulative += counts[k]
            let share = min(max(cumulative / total, 1e-6), 1 - 1e-6)
            return log(share / (1 - share))
        }
        return [Double](repeating: 0, count: columns) + zeta
    }

    func evaluate(_ theta: [Double], weights: [Double], scores keepScores: Bool = false) -> Point {
        let p = columns, q = thresholds, d = p + q
        var point = Point(logLikelihood: 0, gradient: [Double](repeating: 0, count: d), hessian: [Double](repeating: 0, count: d * d),
                          scores: keepScores ? [Double](repeating: 0, count: y.count * d) : [])
        var da = [Double](repeating: 0, count: d), db = [Double](repeating: 0, count: d), g = [Double](repeating: 0, count: d)
        for i in y.indices {
            var eta = 0.0
            for a in 0..<p { eta += x[i * p + a] * theta[a] }
            let level = y[i]
            let upper = level < q ? theta[p + level] - eta : Double.infinity
            let lower = level > 0 ? theta[p + level - 1] - eta : -Double.infinity
            let probability = Self.cdf(upper) - Self.cdf(lower)
            let w = weights[i]
            guard w != 0 else { continue }
            point.logLikelihood += w * log(probability)
            for a in 0..<p { da[a] = -x[i * p + a]; db[a] = -x[i * p + a] }
            for k in 0..<q { da[p + k] = 0; db[p + k] = 0 }
            if level < q { da[p + level] = 1 }
            if level > 0 { db[p + level - 1] = 1 }
            let fa = Self.density(upper), fb = Self.density(lower), sa = Self.slope(upper), sb = Self.slope(lower)
            for a in 0..<d { g[a] = w * (fa * da[a] - fb * db[a]) / probability }
            for a in 0..<d {
                point.gradient[a] += g[a]
                if keepScores { point.scores[i * d + a] = g[a] }
                for b in a..<d {
                    point.hessian[a * d + b] += w * (sa * da[a] * da[b] - sb * db[a] * db[b]) / probability - g[a] * g[b] / w
                }
            }
        }
        for a in 0..<d { for b in 0..<a { point.hessian[a * d + b] = point.hessian[b * d + a] } }
        return point
    }

    /// Newton–Raphson with step halving (the thresholds kept increasing, the log-likelihood never
    /// falling) until the step is below 10⁻¹⁰ of the parameters' size.
    func maximise(weights: [Double], from start: [Double]) throws -> (theta: [Double], iterations: Int) {
        let d = columns + thresholds
        var theta = start
        var current = evaluate(theta, weights: weights)
        for iteration in 1...100 {
            let information = Matrix(rows: d, columns: d, values: current.hessian.map { -$0 })
            guard let step = try? Cholesky(information).solve(current.gradient) else { throw RegressionError.noConvergence(iterations: iteration) }
            var scale = 1.0
            var accepted = false
            for _ in 0..<40 {
                let candidate = zip(theta, step).map { $0 + scale * $1 }
                let increasing = (1..<max(thresholds, 1)).allSatisfy { candidate[columns + $0] > candidate[columns + $0 - 1] }
                if increasing {
                    let next = evaluate(candidate, weights: weights)
                    if next.logLikelihood >= current.logLikelihood - 1e-12 * abs(current.logLikelihood) {
                        theta = candidate
                        current = next
                        accepted = true
                        break
                    }
                }
                scale /= 2
            }
            guard accepted else { throw RegressionError.noConvergence(iterations: iteration) }
            let size = theta.reduce(0) { max($0, abs($1)) }
            if step.reduce(0, { max($0, abs($1)) }) * scale <= 1e-10 * max(1, size) { return (theta, iteration) }
        }
        throw RegressionError.noConvergence(iterations: 100)
    }
}

import Distributions
import Foundation

extension SurveyDesign {
    /// The score (Francisco–Fuller) interval of a quantile, as R's `svyquantile(interval.type =
    /// "score")`: the θ where the design-based score test of p = P(y ≤ θ) reaches ±t, found with R's
    /// root finder on R's bracket (min + IQR/100, max − IQR/100) and tolerance 1/(100√n), each mapped to
    /// the quantile at the unweighted share of values ≤ θ (Francisco & Fuller, *Annals of Statistics*
    /// 19, 1991; `survey:::ffullerCI`).
    func scoreInterval(_ y: [Double], probability p: Double, in domain: Domain, rows: [Int], df: Int, confidence: Double,
                       quantile: (Double) -> Double) throws(AnalysisError) -> (lower: Double, upper: Double) {
        let values = rows.map { y[$0] }.sorted()
        let n = values.count
        func type7(_ q: Double) -> Double {
            let h = Double(n - 1) * q, low = Int(h.rounded(.down))
            return low + 1 < n ? values[low] + (h - Double(low)) * (values[low + 1] - values[low]) : values[low]
        }
        let iqr = type7(0.75) - type7(0.25)
        let lowerT = values[0] + iqr / 100, upperT = values[n - 1] - iqr / 100
        let tolerance = 1 / (100 * Double(n).squareRoot())
        let t = StudentT.quantile(1 - (1 - confidence) / 2, df: Double(df))
        var failure: AnalysisError?
        func score(_ theta: Double, _ limit: Double) -> Double {
            let u = y.indices.map { y[$0].isNaN ? Double.nan : ((y[$0] > theta ? 1.0 : 0) - (1 - p)) }
            do {
                let m = try mean(u, in: domain)
                return m.estimate / m.standardError - limit
            } catch {
                failure = error
                return .nan
            }
        }
        let low = RootFinder.zeroin(lowerT, upperT, tolerance: tolerance) { score($0, t) }
        let high = RootFinder.zeroin(lowerT, upperT, tolerance: tolerance) { score($0, -t) }
        if let failure { throw failure }
        func share(_ theta: Double) -> Double { Double(values.filter { $0 <= theta }.count) / Double(n) }
        return (low.map { quantile(share($0)) } ?? .nan, high.map { quantile(share($0)) } ?? .nan)
    }
}

/// Brent's root finder exactly as R's `uniroot` runs it (`R_zeroin2`, after Brent, *Algorithms for
/// Minimization without Derivatives*, 1973): bisection, secant and inverse quadratic steps; nil when
/// the ends have the same sign.
enum RootFinder {
    static func zeroin(_ ax: Double, _ bx: Double, tolerance: Double, maxIterations: Int = 1000, _ f: (Double) -> Double) -> Double? {
        var a = ax, b = bx, fa = f(ax), fb = f(bx)
        guard fa * fb <= 0 else { return nil }
        var c = a, fc = fa
        if fa == 0 { return a }
        if fb == 0 { return b }
        for _ in 0...maxIterations {
            let previous = b - a
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let actual = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            var step = (c - b) / 2
            if abs(step) <= actual || fb == 0 { return b }
            if abs(previous) >= actual && abs(fa) > abs(fb) {
                let cb = c - b
                var p: Double, q: Double
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    q = fa / fc
                    let t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1))
                    q = (q - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < 0.75 * cb * q - abs(actual * q) / 2 && p < abs(previous * q / 2) { step = p / q }
            }
            if abs(step) < actual { step = step > 0 ? actual : -actual }
            a = b; fa = fb
            b += step; fb = f(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) { c = a; fc = fa }
        }
        return b
    }
}

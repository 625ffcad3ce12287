/// How a weighted quantile is read off the weighted distribution, as R's `svyquantile(qrule =)`
/// (survey ≥ 4.1; Hyndman & Fan, "Sample quantiles in statistical packages", *The American
/// Statistician* 50, 1996, types 1–9 with weights): `math` (the default: the smallest y whose
/// cumulative share reaches p), `school` (the midpoint when p falls exactly on a step), `shahvaish`
/// (Shah & Vaish 2006), `hf1` … `hf9`.
public enum QuantileRule: String, Sendable, CaseIterable {
    case math, school, shahvaish, hf1, hf2, hf3, hf4, hf5, hf6, hf7, hf8, hf9

    /// The quantile of values sorted ascending with their weights (all > 0).
    func quantile(_ x: [Double], _ w: [Double], _ p: Double) -> Double {
        let n = x.count
        var cumulative = [Double](repeating: 0, count: n)
        var running = 0.0
        for i in 0..<n { running += w[i]; cumulative[i] = running }
        let total = running
        switch self {
        case .math, .hf1:
            let q = QuantileRule.step(x, cumulative, total, p)
            return q.onStep ? q.low : q.up
        case .school, .hf2:
            let q = QuantileRule.step(x, cumulative, total, p)
            return q.onStep ? (q.low + q.up) / 2 : q.up
        case .hf3:
            // On the distinct values with their summed weights; on a step, the lower one only at an even position.
            var values: [Double] = [], sums: [Double] = []
            for i in 0..<n {
                if let last = values.last, last == x[i] { sums[sums.count - 1] += w[i] } else { values.append(x[i]); sums.append(w[i]) }
            }
            var c = 0.0
            let distinct = sums.map { c += $0; return c }
            let q = QuantileRule.step(values, distinct, total, p)
            return q.onStep && (q.lowIndex + 1) % 2 == 0 ? q.low : q.up
        case .hf4:
            let q = QuantileRule.step(x, cumulative, total, p)
            let gamma = q.belowGap / (q.aboveGap + q.belowGap)
            return q.low * (1 - gamma) + q.up * gamma
        case .hf5: return QuantileRule.interpolate((0..<n).map { (cumulative[$0] - w[$0] / 2) / total }, x, p)
        case .hf6: return QuantileRule.interpolate(cumulative.map { $0 / (total + w[n - 1]) }, x, p)
        case .hf7:
            guard n > 1 else { return x[0] }
            return QuantileRule.interpolate((0..<n).map { ($0 == 0 ? 0 : cumulative[$0 - 1]) / cumulative[n - 2] }, x, p)
        case .hf8:
            return QuantileRule.interpolate((0..<n).map { (($0 == 0 ? 0 : cumulative[$0 - 1]) / 3 + cumulative[$0] * 2 / 3) / (total + w[n - 1] / 3) }, x, p)
        case .hf9:
            return QuantileRule.interpolate((0..<n).map { (($0 == 0 ? 0 : cumulative[$0 - 1]) * 3 / 8 + cumulative[$0] * 5 / 8) / (total + w[n - 1] / 4) }, x, p)
        case .shahvaish:
            let mean = total / Double(n)
            var s = 0.0
            let positions = (0..<n).map { i -> Double in s += w[i] / mean; return (s + 0.5 - w[i] / 2) / Double(n + 1) }
            // R's approx(method = "constant", f = 0, rule = 2): the value at the last position ≤ p.
            guard p >= positions[0] else { return x[0] }
            var i = 0
            while i + 1 < n && positions[i + 1] <= p { i += 1 }
            return x[i]
        }
    }

    /// R's `qs`: the last position whose cumulative weight is ≤ p·W — the first position when there
    /// is none, as R's `last()` gives — (within rounding: R sums in long double, and a cumulative one
    /// ulp off p·W must not move the quantile when all weights are scaled), the next one, and p's
    /// gaps to both (the one below negative when p is under the first step).
    static func step(_ x: [Double], _ cumulative: [Double], _ total: Double, _ p: Double)
        -> (low: Double, up: Double, lowIndex: Int, onStep: Bool, belowGap: Double, aboveGap: Double) {
        let target = p * total, tolerance = total * 1e-12
        var position = 0
        for (i, c) in cumulative.enumerated() where c <= target + tolerance { position = i }
        let up = position == x.count - 1 ? position : position + 1
        let onStep = abs(cumulative[position] - target) <= tolerance
        return (x[position], x[up], position, onStep, onStep ? 0 : p - cumulative[position] / total, cumulative[up] / total - p)
    }

    /// R's `approx(pk, x, p, rule = 2)`: linear between the points, the end values outside.
    static func interpolate(_ positions: [Double], _ x: [Double], _ p: Double) -> Double {
        guard p > positions[0] else { return x[0] }
        guard p < positions[positions.count - 1] else { return x[x.count - 1] }
        var i = 0
        while positions[i + 1] < p { i += 1 }
        let span = positions[i + 1] - positions[i]
        return span == 0 ? x[i] : x[i] + (x[i + 1] - x[i]) * (p - positions[i]) / span
    }
}

/// How the interval of a quantile is made (R's `svyquantile(interval.type =)`): Woodruff's, the
/// interval of the share below the estimate mapped back through the distribution, with that share's
/// interval as a plain t interval (`mean`), on the logit (`xlogit`) or arcsine-root (`asin`) scale,
/// or Korn–Graubard's beta (`beta`); or the score test's (`score`, Francisco–Fuller).
public enum QuantileInterval: String, Sendable, CaseIterable {
    case mean, beta, xlogit, asin, score
}

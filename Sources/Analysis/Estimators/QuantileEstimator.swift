import Distributions

public extension SurveyDesign {
    /// The p-quantile of `y` in the domain, as R's `svyquantile` (survey ≥ 4.1, `qrule = "math"`,
    /// `interval.type = "mean"`): Q(p) = the smallest y whose weighted cumulative share reaches p;
    /// Woodruff's interval (Woodruff, *JASA* 66, 1971): the t interval of the proportion of rows with
    /// y ≤ Q(p), mapped back through the weighted distribution; SE = interval width / (2·t_df).
    func quantile(_ y: [Double], probability: Double, in domain: Domain, confidence: Double = 0.95) throws(AnalysisError) -> Estimate {
        let (rows, df) = self.rows(in: Domain(group: domain.group, members: domain.members.filter { !y[$0].isNaN })) { _ in true }
        guard !rows.isEmpty else { throw .emptyDomain(domain.label) }
        let sorted = rows.sorted { y[$0] < y[$1] || (y[$0] == y[$1] && $0 < $1) }
        let total = sorted.reduce(0.0) { $0 + weights[$1] }
        var cumulative: [Double] = []
        var running = 0.0
        for row in sorted {
            running += weights[row]
            cumulative.append(running)
        }
        func quantile(_ p: Double) -> Double {
            guard !p.isNaN else { return .nan }
            let target = p * total
            // qrule_math: the last position with cumulative ≤ pW; exactly on it → that value, else the next.
            // "Exactly" allows for rounding: R accumulates in long double, and a cumulative weight one
            // ulp off p·W must not move the median when all weights are scaled (ten answers weighted
            // 30.97 each: median 3, as R gives, not 4).
            let tolerance = total * 1e-12
            var position = -1
            for (i, c) in cumulative.enumerated() where c <= target + tolerance { position = i }
            if position >= 0 && abs(cumulative[position] - target) <= tolerance { return y[sorted[position]] }
            return y[sorted[min(sorted.count - 1, position + 1)]]
        }
        let value = quantile(probability)
        let below = y.indices.map { y[$0].isNaN ? Double.nan : (y[$0] <= value ? 1.0 : 0.0) }
        let share = try mean(below, in: domain, confidence: confidence)
        let t = StudentT.quantile(1 - (1 - confidence) / 2, df: Double(df))
        let lowP = share.estimate - t * share.standardError, highP = share.estimate + t * share.standardError
        let lower = lowP < 0 ? Double.nan : quantile(lowP)
        let upper = highP > 1 ? Double.nan : quantile(highP)
        let se = (upper - lower) / (2 * t)
        return Estimate(group: domain.group, estimate: value, variance: se * se, lower: lower, upper: upper,
                        n: rows.count, deff: nil, degreesOfFreedom: df, influence: Influence(rows: [], values: []))
    }
}

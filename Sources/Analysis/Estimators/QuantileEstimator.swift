import Distributions
import Foundation

public extension SurveyDesign {
    /// The p-quantile of `y` in the domain, as R's `svyquantile` (survey ≥ 4.1; `qrule = "math"` and
    /// `interval.type = "mean"` by default): Q(p) by the rule; Woodruff's interval (Woodruff, *JASA* 66,
    /// 1971): the interval of the share of rows with y ≤ Q(p), by `interval`, mapped back through the
    /// weighted distribution with the same rule; SE = interval width / (2·t_df).
    func quantile(_ y: [Double], probability: Double, in domain: Domain, confidence: Double = 0.95,
                  rule: QuantileRule = .math, interval: QuantileInterval = .mean) throws(AnalysisError) -> Estimate {
        let (rows, df) = self.rows(in: Domain(group: domain.group, members: domain.members.filter { !y[$0].isNaN })) { _ in true }
        guard !rows.isEmpty else { throw .emptyDomain(domain.label) }
        let sorted = rows.filter { weights[$0] > 0 }.sorted { y[$0] < y[$1] || (y[$0] == y[$1] && $0 < $1) }
        let xs = sorted.map { y[$0] }, ws = sorted.map { weights[$0] }
        func quantile(_ p: Double) -> Double { p.isNaN ? .nan : rule.quantile(xs, ws, p) }
        let value = quantile(probability)
        let below = y.indices.map { y[$0].isNaN ? Double.nan : (y[$0] <= value ? 1.0 : 0.0) }
        let share = try mean(below, in: domain, confidence: confidence)
        let t = StudentT.quantile(1 - (1 - confidence) / 2, df: Double(df))
        let p = share.estimate, se = share.standardError
        if interval == .score {
            let (lower, upper) = try scoreInterval(y, probability: probability, in: domain, rows: rows, df: df, confidence: confidence,
                                                   quantile: quantile)
            let halfWidth = (upper - lower) / (2 * t)
            return Estimate(group: domain.group, estimate: value, variance: halfWidth * halfWidth, lower: lower, upper: upper,
                            n: rows.count, deff: nil, degreesOfFreedom: df, influence: Influence(rows: [], values: []))
        }
        let (lowP, highP): (Double, Double)
        switch interval {
        case .score: preconditionFailure("handled above")
        case .mean: (lowP, highP) = (p - t * se, p + t * se)
        case .xlogit:
            // The logit's SE by the delta method, se/(p(1 − p)), as svycontrast gives it.
            let logit = log(p / (1 - p)), width = t * se / (p * (1 - p))
            (lowP, highP) = (1 / (1 + exp(-(logit - width))), 1 / (1 + exp(-(logit + width))))
        case .asin:
            let angle = asin(p.squareRoot()), width = t * se / (2 * (p * (1 - p)).squareRoot())
            (lowP, highP) = (pow(sin(angle - width), 2), pow(sin(angle + width), 2))
        case .beta:
            // Korn–Graubard: the effective n, scaled by (t_{n−1}/t_df)², into Clopper–Pearson's beta quantiles.
            let alpha = 1 - confidence
            var effective = p * (1 - p) / (se * se)
            effective *= pow(StudentT.quantile(alpha / 2, df: Double(rows.count - 1)) / StudentT.quantile(alpha / 2, df: Double(df)), 2)
            (lowP, highP) = (Beta.quantile(alpha / 2, a: effective * p, b: effective * (1 - p) + 1),
                             Beta.quantile(1 - alpha / 2, a: effective * p + 1, b: effective * (1 - p)))
        }
        let lower = lowP.isNaN || lowP < 0 ? Double.nan : quantile(lowP)
        let upper = highP.isNaN || highP > 1 ? Double.nan : quantile(highP)
        let halfWidth = (upper - lower) / (2 * t)
        return Estimate(group: domain.group, estimate: value, variance: halfWidth * halfWidth, lower: lower, upper: upper,
                        n: rows.count, deff: nil, degreesOfFreedom: df, influence: Influence(rows: [], values: []))
    }
}

import Distributions

/// Design-based estimators of means, totals and ratios, as R's `svymean`, `svytotal` and `svyratio`
/// compute them (Lumley, *Complex Surveys*, ch. 2–3): each builds its linearised values
///
///     total  Ŷ = Σ w y            u_k = w_k y_k
///     mean   ȳ = Σ w y / Σ w      u_k = w_k (y_k − ȳ) / Σ w
///     ratio  R̂ = Σ w y / Σ w x    u_k = w_k (y_k − R̂ x_k) / Σ w x
///
/// over the rows of the domain with a valid value (zero elsewhere), and the design turns them into a
/// variance. Intervals are estimate ± z·SE with the normal quantile, as R's `confint` of a mean or total.
public extension SurveyDesign {
    /// Rows of the domain with a valid value, and the domain's degrees of freedom.
    internal func rows(in domain: Domain, valid: (Int) -> Bool) -> (rows: [Int], df: Int) {
        var rows: [Int] = []
        var psus = [Bool](repeating: false, count: rowsArePSUs ? 0 : psuCount), strata = [Bool](repeating: false, count: strataNames.count)
        var psuTotal = 0, strataTotal = 0
        for row in domain.members {
            if rowsArePSUs { psuTotal += 1 } else if !psus[psu[row]] { psus[psu[row]] = true; psuTotal += 1 }
            if !strata[stratum[row]] { strata[stratum[row]] = true; strataTotal += 1 }
            if valid(row) { rows.append(row) }
        }
        return (rows, replication?.degreesOfFreedom ?? (psuTotal - strataTotal))
    }

    func mean(_ y: [Double], in domain: Domain, confidence: Double = 0.95) throws(AnalysisError) -> Estimate {
        let (rows, df) = self.rows(in: domain) { !y[$0].isNaN }
        guard !rows.isEmpty else { throw .emptyDomain(domain.label) }
        let total = rows.reduce(0.0) { $0 + weights[$1] }
        let mean = rows.reduce(0.0) { $0 + weights[$1] * y[$1] } / total
        let u = Influence(rows: rows, values: rows.map { weights[$0] * (y[$0] - mean) / total })
        let replicates = replication.map { _ in replicateSums(rows: rows, [y, nil]).map { $0[0] / $0[1] } }
        let variance = try self.variance(u, replicates: replicates, full: mean)
        let deff = meanDeff(y, rows: rows, mean: mean, weightTotal: total, variance: variance)
        return normalEstimate(domain, mean, variance, rows.count, deff, df, u, confidence, replicates)
    }

    func total(_ y: [Double], in domain: Domain, confidence: Double = 0.95) throws(AnalysisError) -> Estimate {
        let (rows, df) = self.rows(in: domain) { !y[$0].isNaN }
        guard !rows.isEmpty else { throw .emptyDomain(domain.label) }
        let weightTotal = rows.reduce(0.0) { $0 + weights[$1] }
        let mean = rows.reduce(0.0) { $0 + weights[$1] * y[$1] } / weightTotal
        let u = Influence(rows: rows, values: rows.map { weights[$0] * y[$0] })
        let total = u.values.reduce(0, +)
        let replicates = replication.map { _ in replicateSums(rows: rows, [y]).map { $0[0] } }
        let variance = try self.variance(u, replicates: replicates, full: total)
        // R's svytotal: V_srs = s²_w · N̂² · (N̂ − n)/(N̂ n) (without replacement) with N̂ = Σ w.
        let meanDeff = self.meanDeff(y, rows: rows, mean: mean, weightTotal: weightTotal, variance: variance / (weightTotal * weightTotal))
        return normalEstimate(domain, total, variance, rows.count, meanDeff, df, u, confidence, replicates)
    }

    func ratio(_ y: [Double], over x: [Double], in domain: Domain, denominator: String,
               confidence: Double = 0.95) throws(AnalysisError) -> Estimate {
        let (rows, df) = self.rows(in: domain) { !y[$0].isNaN && !x[$0].isNaN }
        guard !rows.isEmpty else { throw .emptyDomain(domain.label) }
        let ySum = rows.reduce(0.0) { $0 + weights[$1] * y[$1] }
        let xSum = rows.reduce(0.0) { $0 + weights[$1] * x[$1] }
        guard xSum != 0 else { throw .zeroDenominator(denominator) }
        let ratio = ySum / xSum
        let u = Influence(rows: rows, values: rows.map { weights[$0] * (y[$0] - ratio * x[$0]) / xSum })
        let replicates = replication.map { _ in replicateSums(rows: rows, [y, x]).map { $0[0] / $0[1] } }
        let variance = try self.variance(u, replicates: replicates, full: ratio)
        return normalEstimate(domain, ratio, variance, rows.count, nil, df, u, confidence, replicates)
    }

    /// R's `deff` for a mean: V / V_srs with V_srs = s²_w (N̂ − n)/(N̂ n) when the weights sum to more
    /// than n (sampling without replacement), else s²_w / n (R's `deff = "replace"`); s²_w is the
    /// weighted variance with divisor (n − 1)/n (`svyvar`).
    internal func meanDeff(_ y: [Double], rows: [Int], mean: Double, weightTotal: Double, variance: Double) -> Double? {
        let n = Double(rows.count)
        guard n > 1 else { return nil }
        let s2 = rows.reduce(0.0) { $0 + weights[$1] * (y[$1] - mean) * (y[$1] - mean) } / weightTotal * n / (n - 1)
        let srs = weightTotal > n * (1 + 1e-12) ? s2 * (weightTotal - n) / (weightTotal * n) : s2 / n
        let deff = variance / srs
        return deff.isFinite ? deff : nil
    }

    internal func normalEstimate(_ domain: Domain, _ value: Double, _ variance: Double, _ n: Int, _ deff: Double?,
                                 _ df: Int, _ u: Influence, _ confidence: Double, _ replicates: [Double]? = nil) -> Estimate {
        let z = Normal.quantile(1 - (1 - confidence) / 2)
        let se = variance.squareRoot()
        return Estimate(group: domain.group, estimate: value, variance: variance, lower: value - z * se,
                        upper: value + z * se, n: n, deff: deff, degreesOfFreedom: df, influence: u, replicates: replicates)
    }
}

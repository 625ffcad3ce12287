import Distributions

public extension SurveyDesign {
    /// The proportion of rows of the domain where `indicator` is 1 (0/1, NaN = missing), with the
    /// interval of `method`: R's `svyciprop(~I(x == level), design, method =)` (by domain:
    /// `svyby(…, svyciprop)`), with the standard error and deff of `svymean`.
    func proportion(_ indicator: [Double], in domain: Domain, method: ProportionMethod = .logit,
                    confidence: Double = 0.95) throws(AnalysisError) -> Estimate {
        var estimate = try mean(indicator, in: domain, confidence: confidence)
        let p = estimate.estimate
        let domainRows = domain.members.count
        let plain = kind == .simple && !weighted && populationPSUs == nil
        let interval: (Double, Double)
        if method == .clopperPearson {
            guard plain else { throw .exactNeedsSimpleSample }
            let successes = (p * Double(estimate.n)).rounded()
            interval = ProportionInterval.clopperPearson(successes: successes, n: Double(estimate.n), confidence: confidence)
        } else if method == .wilson && plain {
            interval = ProportionInterval.wilson(p: p, n: Double(estimate.n), quantile: Normal.quantile(1 - (1 - confidence) / 2))
        } else {
            interval = ProportionInterval.designBased(method, p: p, variance: estimate.variance, df: estimate.degreesOfFreedom,
                                                      rows: domainRows, n: estimate.n, confidence: confidence)
        }
        estimate.lower = interval.0
        estimate.upper = interval.1
        return estimate
    }
}

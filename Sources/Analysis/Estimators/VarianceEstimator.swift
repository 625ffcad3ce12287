public extension SurveyDesign {
    /// The population variance of `y` in the domain, as R's `svyvar`: the design-weighted mean of
    /// (y − ȳ)²·n/(n − 1), n the domain's rows, with that mean's standard error (ȳ taken as known,
    /// as R does).
    func populationVariance(_ y: [Double], in domain: Domain, confidence: Double = 0.95) throws(AnalysisError) -> Estimate {
        let mean = try self.mean(y, in: domain, confidence: confidence).estimate
        let n = Double(domain.members.count)
        let squares = y.map { $0.isNaN ? Double.nan : ($0 - mean) * ($0 - mean) * n / (n - 1) }
        var estimate = try self.mean(squares, in: domain, confidence: confidence)
        estimate.deff = nil
        return estimate
    }
}

import Distributions

/// The difference between two estimates from the same design: θ_a − θ_b with
/// V = V_a + V_b − 2·Cov(a, b) from their linearised values (R's `svyby(covmat = TRUE)` followed by
/// `svycontrast(c(1, -1))`), and a two-sided t test with the design's degrees of freedom (as `svyttest`).
public struct Difference: Sendable {
    public var estimate: Double
    public var standardError: Double
    public var statistic: Double
    public var degreesOfFreedom: Double
    public var p: Double
    public var lower: Double
    public var upper: Double

    public init(_ a: Estimate, _ b: Estimate, design: SurveyDesign, confidence: Double = 0.95,
                scale: Double = 1) throws(AnalysisError) {
        let covariance = try design.covariance([a.influence.dense(design.rowCount), b.influence.dense(design.rowCount)])
        let variance = (covariance[0][0] + covariance[1][1] - 2 * covariance[0][1]) * scale * scale
        self.init(estimate: a.estimate - b.estimate, variance: variance, df: Double(design.degreesOfFreedom), confidence: confidence)
    }

    /// Two independent estimates (two waves, two files): V = V_a + V_b, normal reference.
    public init(independent a: Estimate, _ b: Estimate, confidence: Double = 0.95) {
        self.init(estimate: a.estimate - b.estimate, variance: a.variance + b.variance, df: .infinity, confidence: confidence)
    }

    init(estimate: Double, variance: Double, df: Double, confidence: Double) {
        self.estimate = estimate
        standardError = variance.squareRoot()
        statistic = estimate / standardError
        degreesOfFreedom = df
        let q = df.isFinite ? StudentT.quantile(1 - (1 - confidence) / 2, df: df) : Normal.quantile(1 - (1 - confidence) / 2)
        p = df.isFinite ? StudentT.twoSidedP(statistic, df: df) : 2 * Normal.cdf(-abs(statistic))
        lower = estimate - q * standardError
        upper = estimate + q * standardError
    }
}

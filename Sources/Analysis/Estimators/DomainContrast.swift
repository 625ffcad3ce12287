import Distributions

/// The difference between two estimates from the same design: θ_a − θ_b with
/// V = V_a + V_b − 2·Cov(a, b) from their linearised values, which is the variance of the group
/// coefficient of `svyglm(y ~ group)` fitted to the two groups' rows. The test and the interval are
/// R's `svyttest(y ~ group, subset(design, group %in% c(a, b)))`: t with the model's residual degrees
/// of freedom, the PSUs with rows in either group minus their strata, + 1 − 2 coefficients (apiclus1,
/// both groups over its 15 clusters: 13, not the design's 14).
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
        let covariance = try design.covariance(of: [a, b])
        let variance = (covariance[0][0] + covariance[1][1] - 2 * covariance[0][1]) * scale * scale
        let df = design.degreesOfFreedom(rows: a.influence.rows + b.influence.rows) + 1 - 2
        self.init(estimate: a.estimate - b.estimate, variance: variance, df: Double(max(df, 1)), confidence: confidence)
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

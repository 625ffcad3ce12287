import Diagnostics
import Distributions

/// A function of several estimates of the same design — a sum, an average, a difference, a ratio —
/// with its standard error by the delta method, V = ∇fᵀ Σ ∇f, where Σ is the covariance of the
/// estimates from their linearised values (R's `svycontrast` on `svyby(…, covmat = TRUE)`; Lumley,
/// *Complex Surveys*, 2010, §3.3 and appendix C.2). The interval is normal, as `confint` of a
/// `svycontrast`; z and p test the contrast against 0.
public struct Contrast: Sendable {
    public var expression: String
    public var estimate: Double
    public var standardError: Double
    public var lower: Double
    public var upper: Double
    public var statistic: Double
    public var p: Double

    /// - Parameter named: each estimate with the name the expression calls it by.
    public init(_ expression: ContrastExpression, named: [(name: String, estimate: Estimate)], design: SurveyDesign,
                confidence: Double = 0.95) throws(AnalysisError) {
        let names = named.map(\.name)
        var lookup: [String: (value: Double, index: Int)] = [:]
        for (i, entry) in named.enumerated() { lookup[entry.name] = (entry.estimate.estimate, i) }
        for name in expression.names where lookup[name] == nil {
            throw .contrastUnknownGroup(name: name, groups: names, suggestion: Suggestion.closest(to: name, among: names))
        }
        let used = expression.names.map { lookup[$0]!.index }
        // Only the estimates the expression uses enter the covariance.
        var compact: [String: (value: Double, index: Int)] = [:]
        for (position, index) in used.enumerated() { compact[names[index]] = (named[index].estimate.estimate, position) }
        let (value, gradient) = expression.evaluate(compact, count: used.count)
        guard value.isFinite, gradient.allSatisfy(\.isFinite) else { throw .contrastUndefined(expression.text) }
        let covariance = try design.covariance(of: used.map { named[$0].estimate })
        var variance = 0.0
        for a in used.indices { for b in used.indices { variance += gradient[a] * covariance[a][b] * gradient[b] } }
        let z = Normal.quantile(1 - (1 - confidence) / 2)
        self.expression = expression.text
        estimate = value
        standardError = max(variance, 0).squareRoot()
        lower = value - z * standardError
        upper = value + z * standardError
        statistic = value / standardError
        p = 2 * Normal.cdf(-abs(statistic))
    }
}

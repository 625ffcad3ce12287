import Distributions
import LinearAlgebra

/// A fitted linear or logistic regression in the shape of DESIGN.md's JSON: coefficients with their
/// standard errors, test statistics and p-values; R², adjusted R², residual standard error and F for a
/// linear model; deviance and AIC for a logistic one. Aliased coefficients (a column linearly dependent
/// on those before it) are listed with no estimate, as R prints `NA`.
public struct RegressionFit: Sendable {
    public enum Family: String, Sendable { case gaussian, binomial, poisson }

    public struct Coefficient: Sendable {
        public let term: String
        /// nil when the coefficient is aliased.
        public let estimate: Double?
        public let standardError: Double?
        /// t (linear model or design-based fit) or z (glm binomial).
        public let statistic: Double?
        public let p: Double?
    }

    public let family: Family
    /// Fitted with the sampling design (svyglm): weights and linearised standard errors.
    public let designBased: Bool
    /// Rows used, and rows left out for missing values.
    public let n: Int
    public let excluded: Int
    public let coefficients: [Coefficient]
    /// Residual degrees of freedom (n − p; design-based: design df + 1 − p, as `svyglm`).
    public let residualDF: Int
    /// Whether the statistic is Student's t (else the normal z of `glm(binomial)`).
    public let usesT: Bool
    /// Covariance of the estimated (not aliased) coefficients, in the order of `coefficients`.
    public let covariance: Matrix

    /// R² (design-based: the weighted R², descriptive).
    public var r2: Double?
    public var adjustedR2: Double?
    /// Residual standard error of an OLS fit (none for a design-based one).
    public var sigma: Double?
    /// F test that every coefficient but the intercept is 0: the classical F of `summary.lm`, or the Wald
    /// F of `regTermTest` for a design-based fit.
    public var f: Double?
    public var fDF: (numerator: Int, denominator: Int)?
    public var fP: Double?

    public var deviance: Double?
    public var nullDeviance: Double?
    /// Only for `glm(binomial)` without the design (an AIC needs a likelihood).
    public var aic: Double?
    public var iterations: Int?

    /// Names of the aliased coefficients.
    public var aliased: [String] { coefficients.filter { $0.estimate == nil }.map(\.term) }

    /// The estimated coefficients with their positions in `covariance`.
    public var estimated: [(term: String, estimate: Double, index: Int)] {
        var index = 0
        return coefficients.compactMap { c in
            guard let e = c.estimate else { return nil }
            defer { index += 1 }
            return (c.term, e, index)
        }
    }
}

public extension RegressionFit {
    /// The confidence interval of a coefficient: estimate ± q·se, q from Student's t on the residual
    /// degrees of freedom (`confint.lm`, and `confint.svyglm` with `df = degf`) or the normal for a
    /// glm (`confint.default`). Nil for an aliased coefficient.
    func interval(_ c: Coefficient, confidence: Double) -> (lower: Double, upper: Double)? {
        guard let e = c.estimate, let se = c.standardError else { return nil }
        let q = usesT ? StudentT.quantile((1 + confidence) / 2, df: Double(residualDF)) : Normal.quantile((1 + confidence) / 2)
        return (e - q * se, e + q * se)
    }
}

import CRmath

/// The normal distribution through R's own code (libRmath `pnorm5`, `qnorm5`, `dnorm4`), so that
/// intervals and p-values agree with R to the last digit.
///
/// ```swift
/// Normal.quantile(0.975)   // 1.959963984540054, R: qnorm(0.975)
/// ```
public enum Normal {
    /// P(X ≤ x).
    public static func cdf(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        pnorm5(x, mean, sd, 1, 0)
    }

    /// P(X > x), accurate far in the tail (not 1 − cdf).
    public static func upperTail(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        pnorm5(x, mean, sd, 0, 0)
    }

    /// The x with P(X ≤ x) = p.
    public static func quantile(_ p: Double, mean: Double = 0, sd: Double = 1) -> Double {
        qnorm5(p, mean, sd, 1, 0)
    }

    public static func density(_ x: Double, mean: Double = 0, sd: Double = 1) -> Double {
        dnorm4(x, mean, sd, 0)
    }
}

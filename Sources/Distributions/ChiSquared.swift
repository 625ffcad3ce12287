import CRmath

/// The chi-square distribution (libRmath `pchisq`, `qchisq`): Pearson tests of cross-tabs.
public enum ChiSquared {
    public static func cdf(_ x: Double, df: Double) -> Double { pchisq(x, df, 1, 0) }
    public static func upperTail(_ x: Double, df: Double) -> Double { pchisq(x, df, 0, 0) }
    public static func quantile(_ p: Double, df: Double) -> Double { qchisq(p, df, 1, 0) }
    public static func density(_ x: Double, df: Double) -> Double { dchisq(x, df, 0) }
}

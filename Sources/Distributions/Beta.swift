import CRmath

/// The beta distribution (libRmath `pbeta`, `qbeta`): Clopper–Pearson and Korn–Graubard intervals for
/// proportions (`svyciprop(method = "beta")`).
public enum Beta {
    public static func cdf(_ x: Double, a: Double, b: Double) -> Double { pbeta(x, a, b, 1, 0) }
    public static func upperTail(_ x: Double, a: Double, b: Double) -> Double { pbeta(x, a, b, 0, 0) }
    public static func quantile(_ p: Double, a: Double, b: Double) -> Double { qbeta(p, a, b, 1, 0) }
    public static func density(_ x: Double, a: Double, b: Double) -> Double { dbeta(x, a, b, 0) }
}

import CRmath

/// The F distribution (libRmath `pf`, `qf`): regression F tests and Rao–Scott corrected tests.
public enum FisherF {
    public static func cdf(_ x: Double, df1: Double, df2: Double) -> Double { pf(x, df1, df2, 1, 0) }
    public static func upperTail(_ x: Double, df1: Double, df2: Double) -> Double { pf(x, df1, df2, 0, 0) }
    public static func quantile(_ p: Double, df1: Double, df2: Double) -> Double { qf(p, df1, df2, 1, 0) }
    public static func density(_ x: Double, df1: Double, df2: Double) -> Double { df(x, df1, df2, 0) }
}

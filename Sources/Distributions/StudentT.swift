import CRmath

/// Student's t distribution (libRmath `pt`, `qt`): design-based intervals use t with the design's
/// degrees of freedom, as R's `confint(svymean(...), df = degf(design))` does.
public enum StudentT {
    public static func cdf(_ x: Double, df: Double) -> Double { pt(x, df, 1, 0) }
    public static func upperTail(_ x: Double, df: Double) -> Double { pt(x, df, 0, 0) }
    public static func quantile(_ p: Double, df: Double) -> Double { qt(p, df, 1, 0) }
    public static func density(_ x: Double, df: Double) -> Double { dt(x, df, 0) }

    /// Two-sided p-value of a t statistic: 2·P(T > |t|).
    public static func twoSidedP(_ t: Double, df: Double) -> Double { 2 * pt(-abs(t), df, 1, 0) }
}

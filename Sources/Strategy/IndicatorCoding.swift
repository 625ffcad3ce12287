import Analysis

/// What each respondent (or affiliate) contributes to a strategy indicator, in one place for the check,
/// the plan and the review: a share is the mean of 1/0 (`proporción`: the value is 1; `csat`: the top
/// box of 1–5, ``TopBoxScore``), an NPS the mean of +1/0/−1 (``NetPromoterScore``), shown ×100; a
/// mean is the value itself.
enum IndicatorCoding {
    /// The values coded, and the factor to the indicator's units; an NPS or CSAT off its scale is an error.
    static func perRespondent(_ kind: String, _ values: [Double], column: String) throws(AnalysisError) -> (values: [Double], scale: Double) {
        switch kind {
        case "proporcion": return (values.map { $0.isNaN ? .nan : ($0 == 1 ? 1 : 0) }, 100)
        case "csat": return (try TopBoxScore.coding(values, column: column, scale: TopBoxScore.csatScale, top: TopBoxScore.csatTop), 100)
        case "nps": return (try NetPromoterScore.coding(values, column: column), 100)
        default: return (values, 1)
        }
    }

    /// The indicator over the rows of `mask` with a value (a share in %, an NPS in points, or a mean);
    /// nil when none has one or the values are off the scale.
    static func value(_ kind: String, _ values: [Double], _ mask: [Bool], column: String) -> (value: Double, n: Int)? {
        let chosen = zip(values, mask).compactMap { $1 && !$0.isNaN ? $0 : nil }
        guard !chosen.isEmpty, let (coded, scale) = try? perRespondent(kind, chosen, column: column) else { return nil }
        return (coded.reduce(0, +) / Double(coded.count) * scale, coded.count)
    }
}

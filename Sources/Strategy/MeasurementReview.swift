import Analysis
import Diagnostics
import Distributions
import Table

/// Planned against achieved, after fieldwork (`sondeo strategy review`): the completes reached in each
/// stratum against those planned, and for each indicator the survey measures its design-based estimate
/// (R's `svymean` on the responses' strata, weights and population sizes), the margin achieved
/// (z·SE, as `confint`) against the margin planned, the change from the baseline with its test, and
/// whether the target was reached.
///
/// Each indicator is a mean of a per-respondent value (``IndicatorCoding``): a share of 1/0, an NPS of
/// +1/0/−1, shown in points.
/// The baseline is taken as known (it is the base's own figure), so the test of change is
/// z = (estimate − baseline)/SE, two-sided.
public struct MeasurementReview: Sendable {
    public struct StratumResult: Sendable {
        public let name: String
        public let planned: Int
        public let achieved: Int
    }

    public struct IndicatorResult: Sendable {
        public let id: String
        public let name: String
        public let kind: String
        /// In the indicator's units: percent for shares, points for an NPS, the column's units for a mean.
        public let estimate: Double
        public let standardError: Double
        public let lower: Double
        public let upper: Double
        /// Respondents with a value.
        public let n: Int
        public let achievedMargin: Double
        public let plannedMargin: Double?
        public let baseline: Double?
        public let target: Double?
        /// z and two-sided p of the change from the baseline.
        public let changeZ: Double?
        public let changeP: Double?

        /// Whether the survey was as precise as planned.
        public var metPrecision: Bool? { plannedMargin.map { achievedMargin <= $0 + 1e-12 } }
        /// Whether the estimate is at the target or beyond it (upwards when the target is above the baseline).
        public var reachedTarget: Bool? {
            guard let target else { return nil }
            return target >= (baseline ?? -.infinity) ? estimate >= target : estimate <= target
        }
    }

    public let confidence: Double
    public let responses: Int
    public let plannedCompletes: Int?
    public let strata: [StratumResult]
    public let indicators: [IndicatorResult]
    /// Indicators of the strategy the responses do not have a column for (measured elsewhere).
    public let notInResponses: [String]
    /// The indicators that count PQRSL cases, counted in the cases store (nil: no store was given).
    public let cases: CaseCounts?
    /// Those indicators when no cases store was given: not counted.
    public let casesNotCounted: [String]

    /// `responses`: the survey's answers, and `design` their design (by default ``design(of:)``).
    /// The base indicators the survey did not measure, measured on the closing base (nil: none given).
    public let closing: ClosingBase?

    /// A new extraction of the base at the close (`--close-base`), with the base the strategy was
    /// planned on and its segment, whose members it follows.
    public struct Closing: Sendable {
        public let base: Table
        public let mask: [Bool]
        public let table: Table
        public let source: String
        public init(base: Table, mask: [Bool], table: Table, source: String) {
            self.base = base
            self.mask = mask
            self.table = table
            self.source = source
        }
    }

    /// `cases`: the strategy's PQRSL indicators counted in the cases store, when there is one;
    /// `closing`: the closing base, for the base indicators the responses have no column for.
    public init(_ file: StrategyFile, plan: MeasurementPlan?, responses: Table, design given: SurveyDesign? = nil, cases: CaseCounts? = nil,
                closing: Closing? = nil) throws {
        self.cases = cases
        casesNotCounted = cases != nil ? [] : file.indicators.filter { $0.fields["medida"].flatMap { StrategyCheck.caseWords($0.value) } != nil }.map(\.id)
        confidence = plan?.confidence ?? 0.95
        let z = Normal.quantile(1 - (1 - confidence) / 2)
        let design: SurveyDesign
        if let given { design = given } else { design = try Self.design(of: responses) }
        self.responses = responses.rowCount
        plannedCompletes = plan?.completes
        var achieved: [String: Int] = [:]
        for row in 0..<responses.rowCount where !design.strataNames.isEmpty { achieved[design.strataNames[design.stratum[row]], default: 0] += 1 }
        strata = (plan?.strata ?? []).map { StratumResult(name: $0.name, planned: $0.completes, achieved: achieved[$0.name] ?? 0) }
        var results: [IndicatorResult] = [], missing: [String] = []
        for indicator in file.indicators {
            guard let (kind, column) = indicator.fields["medida"].flatMap({ StrategyCheck.measure($0.value) }), let column else { continue }
            guard let values = responses[column]?.numbers else { missing.append(indicator.id); continue }
            let (y, scale) = try IndicatorCoding.perRespondent(kind, values, column: column)
            let estimate = try design.mean(y, in: .all(responses.rowCount), confidence: confidence)
            let se = estimate.standardError * scale
            let baseline = indicator.fields["linea base"].flatMap { StrategyCheck.number($0.value) }
            let value = estimate.estimate * scale
            let changeZ = baseline.flatMap { se > 0 ? (value - $0) / se : nil }
            results.append(IndicatorResult(
                id: indicator.id, name: indicator.name, kind: kind, estimate: value, standardError: se,
                lower: value - z * se, upper: value + z * se, n: estimate.n, achievedMargin: z * se,
                plannedMargin: plan?.sizings.first { $0.indicator.id == indicator.id }?.margin,
                baseline: baseline, target: indicator.fields["meta"].flatMap { StrategyCheck.number($0.value) },
                changeZ: changeZ, changeP: changeZ.map { 2 * (1 - Normal.cdf(abs($0))) }))
        }
        indicators = results
        self.closing = try closing.map { try ClosingBase(file, base: $0.base, mask: $0.mask, closing: $0.table, source: $0.source, indicators: Set(missing)) }
        let measured = Set(self.closing?.results.map(\.id) ?? [])
        notInResponses = missing.filter { !measured.contains($0) }
    }

    /// The design of a responses file as `sample draw` and `responses export` write it: strata `estrato`,
    /// weights `peso`, stratum sizes `N_estrato`, each used when present.
    public static func design(of responses: Table) throws(AnalysisError) -> SurveyDesign {
        let has = { (name: String) in responses[name] != nil ? name : nil }
        return try SurveyDesign(table: responses, strata: has("estrato"), cluster: nil, weights: has("peso"), fpc: has("N_estrato"))
    }
}

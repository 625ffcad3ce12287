import Diagnostics
import Table

/// The strategy's base indicators (`proporción`/`media` of a column of the base) measured at the close
/// on a new extraction of the base (`strategy review --close-base`), over the affiliates who were in the
/// segment when the strategy started — the cohort, followed by the base's identifier (its first
/// column). The segment is defined by the starting values (`usa_recreacion == 0`), so applying it again
/// to the closing base would measure another group, and for such an indicator always 0.
///
/// Every member found is counted: a census, with no sampling error; the members the closing base no
/// longer has (retired, moved) are said, not imputed. Only the indicators the survey did not measure
/// (no column in the responses) are taken from here.
public struct ClosingBase: Sendable {
    public struct Result: Sendable {
        public let id: String
        public let name: String
        public let kind: String
        /// A share in %, or a mean; nil when no member has a value.
        public let value: Double?
        /// Members with a value.
        public let n: Int
        public let baseline: Double?
        public let target: Double?

        /// The census figure at the target or beyond it (upwards when the target is above the baseline).
        public var reachedTarget: Bool? {
            guard let target, let value else { return nil }
            return target >= (baseline ?? -.infinity) ? value >= target : value <= target
        }
    }

    public let source: String
    /// The identifier column that joins both extractions.
    public let identifier: String
    /// Members of the segment at the start, and of them those in the closing base.
    public let cohort: Int
    public let found: Int
    public let results: [Result]

    /// `base` and `mask`: the base the strategy was planned on and its segment; `closing`: the new
    /// extraction (read from `source`); `indicators`: the ids to measure (those without a survey column).
    public init(_ file: StrategyFile, base: Table, mask: [Bool], closing: Table, source: String, indicators wanted: Set<String>) throws(StrategyPlanError) {
        identifier = base.columnNames[0]
        guard let startIDs = base[identifier], let closingIDs = closing[identifier] else { throw .noIdentifier(source, column: identifier) }
        var members = Set<String>()
        for row in 0..<base.rowCount where mask[row] { if let id = startIDs.text(at: row) { members.insert(id) } }
        var inCohort = [Bool](repeating: false, count: closing.rowCount)
        var seen = Set<String>()
        for row in 0..<closing.rowCount {
            guard let id = closingIDs.text(at: row), members.contains(id), seen.insert(id).inserted else { continue }
            inCohort[row] = true
        }
        self.source = source
        cohort = members.count
        found = seen.count
        results = file.indicators.compactMap { indicator in
            guard wanted.contains(indicator.id), let (kind, column) = indicator.fields["medida"].flatMap({ StrategyCheck.measure($0.value) }),
                  ["proporcion", "media"].contains(kind), let column, let values = closing[column]?.numbers else { return nil }
            let measured = IndicatorCoding.value(kind, values, inCohort, column: column)
            return Result(id: indicator.id, name: indicator.name, kind: kind, value: measured?.value, n: measured?.n ?? 0,
                          baseline: indicator.fields["linea base"].flatMap { StrategyCheck.number($0.value) },
                          target: indicator.fields["meta"].flatMap { StrategyCheck.number($0.value) })
        }
    }
}

/// One estimate, in the single shape every estimator returns (DESIGN.md's JSON): the value, its
/// variance and standard error, an interval, how many rows it rests on, the design effect and the
/// degrees of freedom, for the group (domain) it describes.
public struct Estimate: Sendable {
    /// The domain, as (column, value) pairs in `--by` order; empty for the whole population.
    public var group: [(column: String, value: String)]
    public var estimate: Double
    public var variance: Double
    public var lower: Double
    public var upper: Double
    /// Rows with a valid value in the domain.
    public var n: Int
    /// Design effect (Kish's deff of R's `svymean(deff = TRUE)`), when defined.
    public var deff: Double?
    /// Degrees of freedom of the domain's design (PSUs − strata among its rows).
    public var degreesOfFreedom: Int
    /// The linearised values, kept for contrasts between domains.
    public var influence: [Double]

    public var standardError: Double { variance.squareRoot() }
}

/// A domain: the rows that belong to it and its description.
public struct Domain: Sendable {
    public var group: [(column: String, value: String)]
    public var rows: [Bool]

    public init(group: [(column: String, value: String)], rows: [Bool]) {
        self.group = group
        self.rows = rows
    }

    /// The whole sample.
    public static func all(_ count: Int) -> Domain { Domain(group: [], rows: [Bool](repeating: true, count: count)) }

    /// Readable name: `canal = web, sexo = F`.
    public var label: String {
        group.isEmpty ? "(total)" : group.map { "\($0.column) = \($0.value)" }.joined(separator: ", ")
    }
}

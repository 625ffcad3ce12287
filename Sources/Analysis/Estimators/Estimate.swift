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
    public var influence: Influence
    /// The estimate in each replicate, when the design has replicate weights.
    public var replicates: [Double]? = nil

    public var standardError: Double { variance.squareRoot() }
}

/// Linearised values that are zero outside a set of rows: kept sparse, so a domain of a million-row
/// survey costs only its own rows.
public struct Influence: Sendable {
    public var rows: [Int]
    public var values: [Double]

    public init(rows: [Int], values: [Double]) {
        self.rows = rows
        self.values = values
    }

    /// One value per row of the design.
    public func dense(_ count: Int) -> [Double] {
        var all = [Double](repeating: 0, count: count)
        for (row, value) in zip(rows, values) { all[row] = value }
        return all
    }

    public func scaled(by factor: Double) -> Influence {
        Influence(rows: rows, values: values.map { $0 * factor })
    }
}

/// A domain: the rows that belong to it and its description.
public struct Domain: Sendable {
    public var group: [(column: String, value: String)]
    /// Row indices, ascending.
    public var members: [Int]

    public init(group: [(column: String, value: String)], members: [Int]) {
        self.group = group
        self.members = members
    }

    /// From a mask over all rows.
    public init(group: [(column: String, value: String)], rows: [Bool]) {
        self.init(group: group, members: rows.indices.filter { rows[$0] })
    }

    /// The whole sample.
    public static func all(_ count: Int) -> Domain { Domain(group: [], members: Array(0..<count)) }

    /// Readable name: `canal = web, sexo = F`.
    public var label: String {
        group.isEmpty ? "(total)" : group.map { "\($0.column) = \($0.value)" }.joined(separator: ", ")
    }
}

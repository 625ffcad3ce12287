import Diagnostics
import Table

/// A table of responses ready for analysis: its design, built from its design columns, and its
/// domains (every combination of the `--by` columns).
public struct AnalysisData {
    public let path: String
    public let table: Table
    public let design: SurveyDesign
    public let resolved: DesignColumns
    public let domains: [Domain]

    /// - Parameter population: the figures `columns.calibration` calibrates the weights to (required
    ///   when there is a calibration).
    public init(path: String, table: Table, columns: DesignColumns, by: [String], lonelyPSU: LonelyPSUPolicy,
                population: PopulationTotals? = nil) throws {
        self.path = path
        self.resolved = columns
        self.table = table
        var design = try SurveyDesign(table: table, strata: columns.strata, cluster: columns.cluster, weights: columns.weights, fpc: columns.fpc,
                                      lonelyPSU: lonelyPSU, pps: columns.pps)
        if let replicates = columns.replicates {
            design = design.withReplicates(try ReplicateWeights(table: table, columns: replicates, design: design))
        }
        if !columns.calibration.isEmpty {
            precondition(population != nil, "a calibration needs its population figures")
            for name in columns.calibration.flatMap(\.columns) { _ = try table.column(name, source: path) }
            for method in columns.calibration {
                design = try design.calibrated(method, table: table, path: path, population: population!)
            }
        }
        self.design = design
        domains = Domain.groups(of: table, by: by)
    }

    /// The numbers of a numeric column.
    public func numbers(_ name: String) throws -> [Double] {
        let column = try table.column(name, source: path)
        guard let values = column.numbers, column.type.isNumeric else { throw AnalysisError.notNumeric(column: name, type: column.type) }
        return values
    }

    /// How many rows of the domains have no value in `values` (excluded from the estimate).
    public func excluded(_ values: [Double]) -> Int {
        domains.reduce(0) { count, domain in count + domain.members.filter { values[$0].isNaN }.count }
    }

    /// The domain of one `--by` value, for `--compare`.
    public func domain(named value: String) throws -> Domain {
        guard let found = domains.first(where: { $0.group.count == 1 && $0.group[0].value == value }) else {
            throw AnalysisError.unknownGroup(column: domains.first?.group.first?.column ?? "--by", value: value)
        }
        return found
    }
}

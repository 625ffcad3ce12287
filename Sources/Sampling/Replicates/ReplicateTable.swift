import Diagnostics
import Foundation
import Table

/// A responses table with replicate weight columns added (`rep_1`, `rep_2`, …): what
/// `sondeo sample replicates` writes, and what it says about them.
public struct ReplicateTable {
    public let table: Table
    public let method: ReplicateConstruction.Method
    public let names: [String]
    public let seed: UInt64?
    public let prefix: String

    /// Builds the replicates of `method` for the design columns of `table` (read from `path`).
    public init(_ table: Table, path: String, method: ReplicateConstruction.Method, weights weightColumn: String?, strata: String?,
                cluster: String?, fpc: String?, replicates: Int, rho: Double, seed: UInt64, prefix: String) throws {
        func labels(_ name: String?) throws -> [String]? {
            guard let name else { return nil }
            let column = try table.column(name, source: path)
            return try (0..<table.rowCount).map { row in
                guard let text = column.text(at: row) else { throw SamplingError.missingDesignValue(file: path, line: table.line(ofRow: row), column: name) }
                return text
            }
        }
        let weights = try WeightingProcedure.startingWeights(table, column: weightColumn, source: path)
        let fpcValues = try fpc.map { name -> [Double] in
            let column = try table.column(name, source: path)
            guard let values = column.numbers, column.type.isNumeric else { throw SamplingError.notNumeric(name) }
            return values
        }
        let columns = try ReplicateConstruction.weights(method, weights: weights, strata: try labels(strata), clusters: try labels(cluster),
                                                        fpc: fpcValues, replicates: replicates, rho: rho, seed: seed)
        names = columns.indices.map { "\(prefix)\($0 + 1)" }
        var output = table
        for (name, values) in zip(names, columns) { output = output.setting(Column(name: name, type: .decimal, storage: .numeric(values))) }
        self.table = output
        self.method = method
        self.seed = method == .bootstrap ? seed : nil
        self.prefix = prefix
    }

    /// What was written and how to analyse it.
    public func report(out: String, file: String, options: String, format: OutputFormat) -> String {
        let type = method.rawValue
        let usage = "sondeo analyze mean \(out) --var … --repweights '\(prefix)*' --type \(type)\(options)"
        if format == .json {
            return JSONValue.object([("out", .string(out)), ("method", .string(type)), ("replicates", .integer(names.count)),
                                     ("columns", .array(names.map(JSONValue.string))), ("seed", seed.map { .string(String($0)) } ?? .null),
                                     ("analyze", .string(usage))]).rendered()
        }
        var lines = [L("Escrito \(out): \(NumberText.integer(table.rowCount)) filas de \(file) con \(NumberText.count(names.count, "réplica", "réplicas")) \(type) (\(names.first ?? "")…\(names.last ?? "")).",
                       "Wrote \(out): \(NumberText.integer(table.rowCount)) rows of \(file) with \(names.count) \(type) replicates (\(names.first ?? "")…\(names.last ?? "")).")]
        if let seed { lines.append(L("Semilla: \(seed)", "Seed: \(seed)")) }
        lines.append(L("Para analizar: \(usage)", "To analyse: \(usage)"))
        return lines.joined(separator: "\n")
    }
}

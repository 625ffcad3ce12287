import Foundation
import Table

public extension ReplicateWeights {
    /// The replicate weight columns of a table (`--repweights 'rep_*'` or a comma list), with the
    /// scale and rscales their type calls for (R's `svrepdesign(type =)` defaults): JK1 (R − 1)/R,
    /// times 1 − n/N when the design has one stratum and a fpc, as `as.svrepdesign` gives; JKn, for
    /// each replicate, (n_h − 1)/n_h·(1 − f_h) of the stratum whose rows it zeroes (read from the
    /// design's strata and PSUs); BRR 1/R; Fay 1/(R(1 − ρ)²); bootstrap 1/(R − 1).
    init(table: Table, columns: ReplicateColumns, design: SurveyDesign) throws(AnalysisError) {
        let names = columns.names, kind = columns.kind, rho = columns.rho
        guard !names.isEmpty else { throw .noReplicateColumns(pattern: columns.pattern) }
        var weights: [[Double]] = []
        for name in names {
            let column = table[name]!
            guard column.type.isNumeric, let values = column.numbers else { throw .designColumnNotNumeric(column: name) }
            if let row = values.firstIndex(where: { !($0 >= 0) }) { throw .badReplicateWeight(column: name, row: table.line(ofRow: row)) }
            weights.append(values)
        }
        let r = Double(weights.count)
        var scale = 1.0
        var rscales = [Double](repeating: 1, count: weights.count)
        switch kind {
        case .jk1:
            scale = (r - 1) / r
            if let population = design.populationPSUs, population.count == 1 { scale *= (population[0] - Double(design.sampledPSUs[0])) / population[0] }
        case .jkn:
            for (j, w) in weights.enumerated() {
                // A JKn replicate drops exactly one PSU of the design (so one stratum).
                let dropped = w.indices.filter { w[$0] == 0 }
                guard Set(dropped.map { design.psu[$0] }).count == 1, let h = dropped.first.map({ design.stratum[$0] }) else {
                    throw .notJackknifeN(column: names[j])
                }
                let n = Double(design.sampledPSUs[h])
                let f = design.populationPSUs.map { ($0[h] - n) / $0[h] } ?? 1
                rscales[j] = (n - 1) / n * f
            }
        case .brr: scale = 1 / r
        case .fay:
            guard let rho else { throw .fayNeedsRho }
            scale = 1 / (r * (1 - rho) * (1 - rho))
        case .bootstrap: scale = 1 / (r - 1)
        }
        self.init(kind: kind, weights: weights, scale: scale, rscales: rscales, mse: columns.mse)
    }

    /// The columns a `--repweights` value names: a comma list, or a pattern with `*` (any text) in
    /// file order.
    static func matching(_ pattern: String, in columns: [String]) -> [String] {
        let parts = pattern.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count > 1 { return parts.filter(columns.contains) }
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count > 1 else { return columns.filter { $0 == pattern } }
        return columns.filter { name in
            guard name.hasPrefix(pieces[0]) && name.hasSuffix(pieces.last!) && name.count >= pieces[0].count + pieces.last!.count else { return false }
            var rest = Substring(name.dropFirst(pieces[0].count).dropLast(pieces.last!.count))
            for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
                guard let range = rest.range(of: piece) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
    }
}

/// The replicate weight columns of a responses file and how to read them (`--repweights`, `--type`,
/// `--rho`, `--mse`).
public struct ReplicateColumns: Sendable {
    public var pattern: String
    /// The columns the pattern names in the file's header, in file order.
    public var names: [String]
    public var kind: ReplicateWeights.Kind
    public var rho: Double?
    public var mse: Bool

    public init(pattern: String, header: [String], kind: ReplicateWeights.Kind, rho: Double?, mse: Bool) {
        self.pattern = pattern
        names = ReplicateWeights.matching(pattern, in: header)
        self.kind = kind
        self.rho = rho
        self.mse = mse
    }
}

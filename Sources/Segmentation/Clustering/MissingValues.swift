/// What k-means does with rows missing a clustered value: k-means needs every value, so such rows are
/// left out (`drop`, as R's `kmeans(na.omit(x))`) or their gaps filled with the column's mean over the
/// rows that have it (`mean`, the simplest single imputation; it shrinks the column's variance).
public enum MissingValues: String, Sendable, CaseIterable {
    case drop, mean

    /// The rows used, their columns ready for ``ClusterData``, and how many rows had a gap.
    public func prepare(_ columns: [[Double]]) -> (rows: [Int], columns: [[Double]], incomplete: Int) {
        let count = columns.first?.count ?? 0
        let complete = (0..<count).filter { row in columns.allSatisfy { !$0[row].isNaN } }
        switch self {
        case .drop:
            return (complete, columns.map { column in complete.map { column[$0] } }, count - complete.count)
        case .mean:
            let filled = columns.map { column -> [Double] in
                let valid = column.filter { !$0.isNaN }
                let mean = valid.reduce(0, +) / Double(max(1, valid.count))
                return column.map { $0.isNaN ? mean : $0 }
            }
            return (Array(0..<count), filled, count - complete.count)
        }
    }
}

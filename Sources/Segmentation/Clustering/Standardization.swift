/// How the clustered columns are put on one scale before k-means.
public enum Standardization: String, Sendable, CaseIterable {
    /// (x − mean) / sd, with the population standard deviation (divisor n), as scikit-learn's StandardScaler.
    case zscore
    /// The columns as they are.
    case none
}

/// The columns to cluster as an n × p column-major matrix, and how to get back to original units.
public struct ClusterData: Sendable {
    public let columns: [String]
    /// Column-major values in the space clustered.
    public let values: [Double]
    public let rows: Int
    public let means: [Double]
    public let scales: [Double]

    /// - Parameter columns: the numbers of each column, all the same length, without missing values.
    public init(names: [String], columns: [[Double]], standardization: Standardization) throws(SegmentationError) {
        self.columns = names
        rows = columns.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(rows * columns.count)
        var means: [Double] = [], scales: [Double] = []
        for (name, column) in zip(names, columns) {
            let mean = column.reduce(0, +) / Double(max(1, column.count))
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, column.count))
            if standardization == .zscore {
                guard variance > 0 else { throw .constantColumn(name) }
                let sd = variance.squareRoot()
                means.append(mean)
                scales.append(sd)
                values += column.map { ($0 - mean) / sd }
            } else {
                means.append(0)
                scales.append(1)
                values += column
            }
        }
        self.values = values
        self.means = means
        self.scales = scales
    }

    /// A centre back in the columns' own units.
    public func original(_ center: [Double]) -> [Double] {
        zip(center, zip(means, scales)).map { $0 * $1.1 + $1.0 }
    }
}

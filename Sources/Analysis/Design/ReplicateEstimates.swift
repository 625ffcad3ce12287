/// Replicate estimates: what an estimator computes again with each replicate's weights, and how the
/// design combines the estimates of several statistics into a covariance (the seam of R's
/// `svrVar` beside `svyrecvar`).
extension SurveyDesign {
    /// This design with replicate weights: variances come from them from now on.
    public func withReplicates(_ replicates: ReplicateWeights) -> SurveyDesign {
        var design = self
        design.replication = replicates
        return design
    }

    /// The design of replicate r alone: its weights as the sampling weights, no replicates (for
    /// estimators that refit, such as a regression, in each replicate).
    public func replicate(_ r: Int) -> SurveyDesign {
        var design = self
        design.weights = replication!.weights[r]
        design.replication = nil
        design.calibration = []
        return design
    }

    /// Σ_{k ∈ rows} w_rk · z_k for each replicate r and each column z (nil: the column of ones):
    /// `[replicate][column]`.
    func replicateSums(rows: [Int], _ columns: [[Double]?]) -> [[Double]] {
        guard let replication else { return [] }
        return replication.weights.map { w in
            columns.map { z in
                var sum = 0.0
                if let z { for k in rows { sum += w[k] * z[k] } } else { for k in rows { sum += w[k] } }
                return sum
            }
        }
    }

    /// The variance of one estimate: from its replicates when there are, else from its linearised values.
    func variance(_ u: Influence, replicates: [Double]?, full: Double) throws(AnalysisError) -> Double {
        if let replicates, let replication { return replication.variance(replicates, full: full) }
        return try variance(u)
    }

    /// The covariance of several estimates of this design: from their replicates when the design has
    /// replicate weights, else from their linearised values (Taylor).
    public func covariance(of estimates: [Estimate]) throws(AnalysisError) -> [[Double]] {
        if let replication, estimates.allSatisfy({ $0.replicates != nil }) {
            return replication.covariance(estimates.map { $0.replicates! }, full: estimates.map(\.estimate))
        }
        return try covariance(estimates.map { $0.influence.dense(rowCount) })
    }
}

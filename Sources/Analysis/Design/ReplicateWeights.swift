import LinearAlgebra

/// Replicate weights of a design and how the replicate estimates combine into a variance, as R's
/// `svrepdesign` and `svrVar` do: V̂ = scale · Σ_r rscale_r (θ̂_r − θ̄)², θ̄ the mean of the
/// replicates (or θ̂ itself with `mse`) (Wolter, *Introduction to Variance Estimation*, 2007, ch. 3–5;
/// Lumley, *Complex Surveys*, 2010, §2.3).
///
/// | type | scale | rscale_r |
/// |---|---|---|
/// | JK1 (delete one PSU, one stratum) | (R − 1)/R (× (1 − f) with a fpc) | 1 |
/// | JKn (delete one PSU per replicate, stratified) | 1 | (n_h − 1)/n_h of the stratum of the deleted PSU |
/// | BRR (balanced half-samples) | 1/R | 1 |
/// | Fay (BRR with factor ρ) | 1/(R (1 − ρ)²) | 1 |
/// | bootstrap (Rao–Wu rescaling, n_h − 1 draws) | 1/(R − 1) | 1 |
public struct ReplicateWeights: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case jk1, jkn, brr, fay, bootstrap

        /// How a report names it: JK1, JKn, BRR, Fay, bootstrap.
        public var label: String {
            switch self {
            case .jk1: return "JK1"
            case .jkn: return "JKn"
            case .brr: return "BRR"
            case .fay: return "Fay"
            case .bootstrap: return "bootstrap"
            }
        }
    }

    public let kind: Kind
    /// The replicate weights, one array of n per replicate (the full analysis weights, as
    /// `svrepdesign(combined.weights = TRUE)`).
    public let weights: [[Double]]
    public let scale: Double
    public let rscales: [Double]
    public let mse: Bool
    /// R's `degf`: the rank of the replicate weights minus 1.
    public let degreesOfFreedom: Int

    public var count: Int { weights.count }

    public init(kind: Kind, weights: [[Double]], scale: Double, rscales: [Double], mse: Bool = false) {
        precondition(rscales.count == weights.count, "one rscale per replicate")
        self.kind = kind
        self.weights = weights
        self.scale = scale
        self.rscales = rscales
        self.mse = mse
        degreesOfFreedom = max(ReplicateWeights.rank(weights) - 1, 1)
    }

    /// The covariance of several estimates from their replicates (`replicates[j][r]`, estimate j in
    /// replicate r) and full-sample values.
    public func covariance(_ replicates: [[Double]], full: [Double]) -> [[Double]] {
        let p = replicates.count
        let centers = (0..<p).map { j in mse ? full[j] : replicates[j].reduce(0, +) / Double(count) }
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for r in 0..<count {
            for a in 0..<p {
                let da = replicates[a][r] - centers[a]
                for b in a..<p { result[a][b] += rscales[r] * da * (replicates[b][r] - centers[b]) }
            }
        }
        for a in 0..<p { for b in a..<p { result[a][b] *= scale; result[b][a] = result[a][b] } }
        return result
    }

    public func variance(_ replicates: [Double], full: Double) -> Double {
        covariance([replicates], full: [full])[0][0]
    }

    /// The rank of the n × R matrix of replicate weights, as `qr(weights, tol = 1e-5)$rank`: rows
    /// proportional to one another (every row of a PSU, when replicates are built by PSU) add nothing,
    /// so only the distinct patterns w_r/w are factored (at most 50,000 of them: enough for any rank
    /// up to the number of replicates).
    static func rank(_ weights: [[Double]]) -> Int {
        let replicates = weights.count
        guard replicates > 0, let n = weights.first?.count, n > 0 else { return 0 }
        var seen: [[Double]: Void] = [:]
        var patterns: [[Double]] = []
        for k in 0..<n {
            let base = (0..<replicates).map { abs(weights[$0][k]) }.max() ?? 0
            guard base > 0 else { continue }
            let pattern = (0..<replicates).map { weights[$0][k] / base }
            if seen.updateValue((), forKey: pattern) == nil {
                patterns.append(pattern)
                if patterns.count >= 50_000 { break }
            }
        }
        guard !patterns.isEmpty else { return 0 }
        // Columns are the longer side, so the factored matrix is tall.
        let tall = patterns.count >= replicates
        let rows = tall ? patterns.count : replicates, columns = tall ? replicates : patterns.count
        var values = [Double](repeating: 0, count: rows * columns)
        for (i, pattern) in patterns.enumerated() {
            for r in 0..<replicates {
                if tall { values[r * rows + i] = pattern[r] } else { values[i * rows + r] = pattern[r] }
            }
        }
        let matrix = Matrix(rows: rows, columns: columns, values: values)
        guard let kept = try? LeastSquares.droppingAliased(x: matrix, y: [Double](repeating: 0, count: rows), tolerance: 1e-5).kept else { return 1 }
        return kept.count
    }
}

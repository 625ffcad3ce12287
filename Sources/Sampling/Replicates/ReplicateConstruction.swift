import Randomness
import Table

/// Replicate weights built from a design (R's `as.svrepdesign`), written beside the sampling weight
/// so that any tool — Sondeo, R's `svrepdesign`, SPSS Complex Samples, Stata's `svyset … jk1` — can
/// estimate variances without the design's strata and clusters:
///
/// - **JK1** (one stratum): replicate j drops PSU j and multiplies the others by n/(n − 1);
/// - **JKn** (stratified): one replicate per PSU, dropping it and multiplying the rest of its stratum
///   by n_h/(n_h − 1) (strata exhausted by the sample have none);
/// - **BRR** (two PSUs per stratum): half-samples from the rows of a Sylvester Hadamard matrix
///   (order the smallest power of two above the number of strata; R's `hadamard()` gives the same
///   matrix up to order 8), the chosen PSU ×2 and the other ×0 — strata in label order, the PSU
///   met first is the first;
/// - **Fay**: BRR with factors 2 − ρ and ρ;
/// - **bootstrap** (Rao–Wu rescaling, R's `subbootstrap`): in each stratum n_h − 1 PSUs drawn with
///   replacement, each weighted by (times drawn)·n_h/(n_h − 1), with the seeded generator.
///
/// (Wolter, *Introduction to Variance Estimation*, 2nd ed., 2007, ch. 3–5; Rao, Wu & Yue, *Survey
/// Methodology* 18, 1992.)
public enum ReplicateConstruction {
    public enum Method: String, Sendable, CaseIterable {
        case jk1, jkn, brr, fay, bootstrap
    }

    /// The replicate weights (full weights, one array per replicate) of the design given by its
    /// weights, strata and PSUs (nil: one stratum; each row its own PSU). `fpc` (per row, the
    /// population size in PSUs or the sampling fraction) only matters to JKn: strata it says are
    /// exhausted get no replicate.
    public static func weights(_ method: Method, weights: [Double], strata: [String]?, clusters: [String]?, fpc: [Double]? = nil,
                               replicates: Int = 50, rho: Double = 0.5, seed: UInt64 = 0) throws(SamplingError) -> [[Double]] {
        let layout = PSULayout(strata: strata, clusters: clusters, rowCount: weights.count)
        func apply(_ multipliers: [Double]) -> [Double] { weights.indices.map { weights[$0] * multipliers[layout.psu[$0]] } }
        switch method {
        case .jk1:
            guard layout.strata.count == 1 else { throw .replicateMethodNeedsOneStratum(method: method.rawValue) }
            let n = Double(layout.psuCount)
            guard layout.psuCount > 1 else { throw .replicateTooFewPSUs(stratum: layout.strata[0]) }
            return (0..<layout.psuCount).map { dropped in apply((0..<layout.psuCount).map { $0 == dropped ? 0 : n / (n - 1) }) }
        case .jkn:
            var result: [[Double]] = []
            for (h, members) in layout.psusByStratum.enumerated() {
                if let fpc, layout.exhausted(stratum: h, fpc: fpc) { continue }
                guard members.count > 1 else { throw .replicateTooFewPSUs(stratum: layout.strata[h]) }
                let factor = Double(members.count) / Double(members.count - 1)
                for dropped in members {
                    var m = [Double](repeating: 1, count: layout.psuCount)
                    for i in members { m[i] = i == dropped ? 0 : factor }
                    result.append(apply(m))
                }
            }
            return result
        case .brr, .fay:
            let (high, low) = method == .brr ? (2.0, 0.0) : (2 - rho, rho)
            if method == .fay && !(rho > 0 && rho < 1) { throw .badFayRho(rho) }
            let order = layout.strata.indices.sorted { LevelOrder.less(layout.strata[$0], layout.strata[$1]) }
            for h in order where layout.psusByStratum[h].count != 2 {
                throw .replicateNeedsPairs(stratum: layout.strata[h], psus: layout.psusByStratum[h].count)
            }
            let hadamard = Hadamard.sylvester(above: order.count)
            return (0..<hadamard.count).map { r in
                var m = [Double](repeating: 1, count: layout.psuCount)
                for (j, h) in order.enumerated() {
                    let pair = layout.psusByStratum[h]
                    let firstUp = hadamard[1 + j][r]
                    m[pair[0]] = firstUp ? high : low
                    m[pair[1]] = firstUp ? low : high
                }
                return apply(m)
            }
        case .bootstrap:
            guard replicates >= 2 else { throw .badReplicateCount(replicates) }
            var generator = SplitMix64(seed: seed)
            for (h, members) in layout.psusByStratum.enumerated() where members.count < 2 {
                throw .replicateTooFewPSUs(stratum: layout.strata[h])
            }
            return (0..<replicates).map { _ in
                var m = [Double](repeating: 0, count: layout.psuCount)
                for members in layout.psusByStratum {
                    let n = members.count
                    for _ in 0..<(n - 1) { m[members[generator.bounded(n)]] += Double(n) / Double(n - 1) }
                }
                return apply(m)
            }
        }
    }
}

/// PSUs of a design, numbered in order of appearance, and the PSUs of each stratum.
struct PSULayout {
    var psu: [Int]
    var psuCount: Int
    var strata: [String]
    var psusByStratum: [[Int]]
    /// A row of each PSU, to read its stratum's fpc.
    var firstRow: [Int]

    init(strata labels: [String]?, clusters: [String]?, rowCount: Int) {
        var strataIndex: [String: Int] = [:]
        strata = []
        psusByStratum = []
        var psuIndex: [String: Int] = [:]
        psu = []
        firstRow = []
        for row in 0..<rowCount {
            let label = labels?[row] ?? ""
            let h: Int
            if let known = strataIndex[label] { h = known } else {
                h = strata.count
                strataIndex[label] = h
                strata.append(label)
                psusByStratum.append([])
            }
            let key = clusters.map { "\(h)\u{1F}\($0[row])" } ?? String(row)
            if let known = psuIndex[key] { psu.append(known); continue }
            psuIndex[key] = firstRow.count
            psusByStratum[h].append(firstRow.count)
            psu.append(firstRow.count)
            firstRow.append(row)
        }
        psuCount = firstRow.count
    }

    /// Whether the stratum's population is all in the sample (fpc = n_h, or a fraction of 1).
    func exhausted(stratum h: Int, fpc: [Double]) -> Bool {
        guard let first = psusByStratum[h].first else { return false }
        let value = fpc[firstRow[first]]
        let n = Double(psusByStratum[h].count)
        return value <= 1 ? value >= 1 - 1e-12 : value <= n
    }
}

/// Sylvester's Hadamard matrices, H_{2m} = [[H, H], [H, −H]], as booleans (true = +1).
enum Hadamard {
    /// The smallest Sylvester matrix with more rows than `strata` (its first row, all +1, is not
    /// used for a stratum).
    static func sylvester(above strata: Int) -> [[Bool]] {
        var h: [[Bool]] = [[true]]
        while h.count <= strata {
            h = h.map { $0 + $0 } + h.map { $0 + $0.map { !$0 } }
        }
        return h
    }
}

import Table

/// What to do with a stratum that has a single primary sampling unit, where the variance formula
/// divides by n_h − 1 = 0 (R's `options(survey.lonely.psu)`).
public enum LonelyPSUPolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the stratum (R's default).
    case fail
    /// The stratum adds nothing to the variance (R's `remove` / `certainty`).
    case remove
    /// The lone PSU is measured from zero, i.e. from the overall mean of the linearised values: a
    /// conservative contribution (R's `adjust`).
    case adjust
    /// The stratum gets the average variance of the others: the total is scaled by H / H_ok (R's `average`).
    case average
}

/// A one-stage sampling design: strata, primary sampling units (each row its own unless clusters are
/// given), weights and the finite-population correction, as `svydesign(ids=, strata=, weights=, fpc=)`
/// in R's `survey` describes it. Clusters are nested within strata.
///
/// Estimators hand the design their linearised (influence) values; ``covariance(_:)`` turns them into
/// a variance by Taylor linearisation with the finite-population correction:
///
///     V̂ = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)(z_hi − z̄_h)ᵀ,   f_h = n_h/N_h
///
/// with z_hi the total of the values in PSU i of stratum h (Lumley, *Complex Surveys*, 2010, §2.2;
/// `survey:::onestrat`). Domains are estimated by zeroing the values outside the domain, never by
/// dropping rows, so every PSU of the design stays in the sum.
public struct SurveyDesign: Sendable {
    public enum Kind: String, Sendable {
        case simple, stratified, cluster, stratifiedCluster = "stratified_cluster"
    }

    public let rowCount: Int
    /// The weights, calibrated when ``calibration`` is not empty.
    public internal(set) var weights: [Double]
    /// The calibrations applied to the weights, in order (``calibrated(_:table:path:population:tolerance:maxIterations:)``).
    public internal(set) var calibration: [CalibrationStep] = []
    /// Replicate weights: when present, every variance comes from the replicate estimates instead of
    /// Taylor linearisation (``withReplicates(_:)``).
    public internal(set) var replication: ReplicateWeights?
    /// Sampling with probability proportional to size without replacement: the approximation of the
    /// joint inclusion probabilities, and each PSU's inclusion probability π_i (from the fpc).
    public let pps: PPSApproximation?
    let psuProbability: [Double]
    /// Stages after the first (multistage designs with a fpc at every stage); empty otherwise.
    var laterStages: [LaterStage] = []
    /// The number of sampling stages whose variance is computed.
    public var stageCount: Int { 1 + laterStages.count }
    /// Stratum index per row, and the stratum labels.
    public let stratum: [Int]
    public let strataNames: [String]
    /// PSU index per row (0..<psuCount), unique across strata.
    public let psu: [Int]
    public let psuCount: Int
    /// Stratum of each PSU.
    let psuStratum: [Int]
    /// n_h: PSUs per stratum.
    public let sampledPSUs: [Int]
    /// N_h per stratum when the finite-population correction is known.
    public let populationPSUs: [Double]?
    public let lonelyPSU: LonelyPSUPolicy
    public let kind: Kind
    /// Whether weights were given (otherwise all 1).
    public internal(set) var weighted: Bool
    /// Each row is its own PSU (no clusters): variances need no PSU totals.
    public let rowsArePSUs: Bool

    /// Degrees of freedom of the design: PSUs − strata (R's `degf`); with replicate weights, their
    /// rank − 1.
    public var degreesOfFreedom: Int { replication?.degreesOfFreedom ?? (psuCount - strataNames.count) }

    /// Degrees of freedom of the design subset to `rows`: the PSUs with a row among them minus their
    /// strata (R's `degf` of `subset(design, …)`); a replicate design keeps every replicate, so its
    /// degrees of freedom do not change.
    public func degreesOfFreedom(rows: [Int]) -> Int {
        if let replication { return replication.degreesOfFreedom }
        var psus = Set<Int>(), strata = Set<Int>()
        for row in rows {
            psus.insert(psu[row])
            strata.insert(stratum[row])
        }
        return psus.count - strata.count
    }

    /// - Parameters:
    ///   - weights: sampling weights, one per row (> 0); nil = all 1.
    ///   - strata: stratum label per row; nil = one stratum.
    ///   - clusters: PSU label per row; nil = each row is its own PSU.
    ///   - fpc: per row, the stratum's population size in PSUs, or the sampling fraction (all values ≤ 1).
    ///   - subclusters: the unit labels of stages 2, 3, … (multistage), with `subFPC` their population
    ///     sizes within the unit above. As in R, the later stages enter the variance only when every
    ///     stage has its fpc; otherwise the design is one of ultimate clusters.
    public init(weights: [Double]?, strata: [String]?, clusters: [String]?, fpc: [Double]?, rowCount: Int,
                lonelyPSU: LonelyPSUPolicy = .fail, names: DesignColumnNames = DesignColumnNames(),
                subclusters: [[String]] = [], subFPC: [[Double]] = [], pps: PPSApproximation? = nil) throws(AnalysisError) {
        self.rowCount = rowCount
        if let weights {
            for (row, w) in weights.enumerated() where !(w > 0) {
                throw w.isNaN ? .missingDesignValue(column: names.weights, row: row + 1) : .nonPositiveWeight(column: names.weights, row: row + 1)
            }
        }
        self.lonelyPSU = lonelyPSU

        var strataIndex: [String: Int] = [:]
        var strataNames: [String] = []
        let stratum = (0..<rowCount).map { row in
            let label = strata?[row] ?? ""
            if let known = strataIndex[label] { return known }
            strataIndex[label] = strataNames.count
            strataNames.append(label)
            return strataNames.count - 1
        }
        self.stratum = stratum
        if strataNames.isEmpty { strataNames = [""] }
        self.strataNames = strataNames

        var psuIndex: [String: Int] = [:]
        var psuStratum: [Int] = []
        rowsArePSUs = clusters == nil
        if let clusters {
            self.psu = (0..<rowCount).map { row in
                let key = "\(stratum[row])\u{1F}\(clusters[row])"
                if let known = psuIndex[key] { return known }
                psuIndex[key] = psuStratum.count
                psuStratum.append(stratum[row])
                return psuStratum.count - 1
            }
        } else {
            self.psu = Array(0..<rowCount)
            psuStratum = stratum
        }
        self.psuStratum = psuStratum
        psuCount = psuStratum.count
        var sampled = [Int](repeating: 0, count: strataNames.count)
        for h in psuStratum { sampled[h] += 1 }
        sampledPSUs = sampled

        self.pps = pps
        if let pps {
            // Each PSU its own probability: π_i = fpc (≤ 1) or n_h / fpc (a size), as as.fpc(pps = TRUE).
            guard let fpc else { throw .ppsNeedsProbabilities(pps) }
            var probability = [Double](repeating: .nan, count: psuCount)
            for row in 0..<rowCount {
                let value = fpc[row]
                guard !value.isNaN else { throw .missingDesignValue(column: names.fpc, row: row + 1) }
                let pi = value <= 1 ? value : Double(sampled[stratum[row]]) / value
                guard pi > 0 && pi <= 1 else { throw .ppsProbability(column: names.fpc, row: row + 1, value: value) }
                probability[psu[row]] = pi
            }
            psuProbability = probability
        } else {
            psuProbability = []
        }
        if let fpc, pps == nil {
            var population = [Double?](repeating: nil, count: strataNames.count)
            let fractions = fpc.allSatisfy { $0 <= 1 }
            for row in 0..<rowCount {
                let value = fpc[row]
                guard !value.isNaN else { throw .missingDesignValue(column: names.fpc, row: row + 1) }
                let h = stratum[row]
                let size = fractions ? Double(sampled[h]) / value : value
                if let known = population[h], abs(known - size) > 1e-9 * max(1, known) {
                    throw .inconsistentFPC(stratum: strataNames[h])
                }
                population[h] = size
            }
            for h in strataNames.indices where population[h]! < Double(sampled[h]) {
                throw .fpcTooSmall(stratum: strataNames[h], population: population[h]!, sampled: sampled[h])
            }
            populationPSUs = population.map { $0! }
        } else {
            populationPSUs = nil
        }
        if let populationPSUs, let clusters, !subclusters.isEmpty, subFPC.count == subclusters.count {
            var label = [String](repeating: "", count: psuCount)
            for row in 0..<rowCount { label[psu[row]] = clusters[row] }
            laterStages = try SurveyDesign.laterStages(labels: subclusters, fpc: subFPC, psu: psu, psuCount: psuCount,
                                                       psuSelection: psuStratum.map { Double(sampled[$0]) / populationPSUs[$0] },
                                                       psuLabel: label, fpcName: names.fpc)
        }
        // Without weights, the population sizes give them, as `svydesign(fpc=)` does: a PSU drawn with
        // probability n_h/N_h stands for N_h/n_h PSUs (Lumley 2010, §2.2; `survey:::as.fpc`'s
        // `sampsize/popsize`), times M/m for each later stage. Otherwise totals would be sample sums
        // (apisrs: 116,922 vs 3,621,074).
        if let weights {
            self.weights = weights
            weighted = true
        } else if pps != nil {
            let probability = psuProbability
            self.weights = psu.map { 1 / probability[$0] }
            weighted = true
        } else if let populationPSUs {
            var w = stratum.map { populationPSUs[$0] / Double(sampled[$0]) }
            var parent = psu
            for stage in laterStages {
                for row in 0..<rowCount { w[row] /= stage.fraction(ofParent: parent[row]) }
                parent = stage.unitOfRow
            }
            self.weights = w
            weighted = true
        } else {
            self.weights = [Double](repeating: 1, count: rowCount)
            weighted = false
        }
        if lonelyPSU == .fail && pps == nil {
            for h in strataNames.indices where sampled[h] == 1 {
                let f = populationPSUs.map { ($0[h] - 1) / $0[h] } ?? 1
                if f >= 1e-7 { throw .lonelyPSU(stratum: strataNames[h]) }
            }
        }
        switch (strata != nil, clusters != nil) {
        case (false, false): kind = .simple
        case (true, false): kind = .stratified
        case (false, true): kind = .cluster
        case (true, true): kind = .stratifiedCluster
        }
    }
}

/// The column names behind a design, for messages.
public struct DesignColumnNames: Sendable {
    public var weights = "peso"
    public var fpc = "fpc"

    public init(weights: String = "peso", fpc: String = "fpc") {
        self.weights = weights
        self.fpc = fpc
    }
}

import Distributions

/// The precision a stratified sample promises for a mean or a proportion, before fieldwork:
/// V(ȳ_st) = Σ W_h² S_h²/n_h · (1 − n_h/N_h), W_h = N_h/N (Cochran, *Sampling Techniques*, 3rd ed.,
/// eq. 5.6), and the margin e = z·√V. For a proportion p, S_h² = N_h/(N_h − 1)·p(1 − p) (eq. 3.5).
public struct StratifiedPrecision: Sendable {
    public let confidence: Double
    /// S_h² per stratum, in the order of the strata given.
    public let variances: [Double]
    private let z: Double

    /// From each stratum's standard deviation, or, where a stratum has none, from a proportion p.
    public init(strata: [Stratum], proportion: Double = 0.5, confidence: Double = 0.95) throws(SamplingError) {
        guard confidence > 0 && confidence < 1 else { throw .confidenceOutOfRange(confidence) }
        guard proportion >= 0 && proportion <= 1 else { throw .proportionOutOfRange(proportion) }
        self.confidence = confidence
        z = Normal.quantile(1 - (1 - confidence) / 2)
        variances = strata.map { stratum in
            if let sd = stratum.standardDeviation { return sd * sd }
            let size = Double(stratum.size)
            return size > 1 ? size / (size - 1) * proportion * (1 - proportion) : 0
        }
    }

    /// e = z·√V for the allocation (infinite when a stratum with variation gets no unit).
    public func margin(of allocation: Allocation) -> Double {
        let population = Double(allocation.strata.reduce(0) { $0 + $1.population })
        var variance = 0.0
        for (share, s2) in zip(allocation.strata, variances) {
            let bigN = Double(share.population), n = Double(share.size)
            let weight = bigN / population
            if n == 0 {
                if s2 > 0 { return .infinity }
                continue
            }
            variance += weight * weight * s2 / n * (1 - n / bigN)
        }
        return z * variance.squareRoot()
    }

    /// The smallest total whose allocation by `method` reaches `margin` (binary search over the
    /// total; the margin falls as the total grows).
    public func smallestTotal(for margin: Double, strata: [Stratum], method: AllocationMethod,
                              minimumPerStratum: Int) throws(SamplingError) -> Allocation {
        guard margin > 0 else { throw .marginOutOfRange(margin) }
        let population = strata.reduce(0) { $0 + $1.size }
        let census = try Allocation(strata: strata, total: population, method: method, minimumPerStratum: minimumPerStratum)
        guard self.margin(of: census) <= margin else { throw .unreachableMargin(margin: margin, best: self.margin(of: census)) }
        var low = max(1, strata.reduce(0) { $0 + min(minimumPerStratum, $1.size) })
        var high = population
        var best = census
        while low < high {
            let middle = (low + high) / 2
            let candidate = try Allocation(strata: strata, total: middle, method: method, minimumPerStratum: minimumPerStratum)
            if self.margin(of: candidate) <= margin {
                high = middle
                best = candidate
            } else {
                low = middle + 1
            }
        }
        return best.total == low ? best : try Allocation(strata: strata, total: low, method: method,
                                                          minimumPerStratum: minimumPerStratum)
    }
}

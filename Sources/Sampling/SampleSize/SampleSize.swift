import Distributions

/// What a sample must estimate: a proportion (with its expected value) or a mean (with the
/// standard deviation of the variable).
public enum SizeTarget: Sendable, Equatable {
    case proportion(Double)
    case mean(standardDeviation: Double)
    /// A Net Promoter Score with expected shares of promoters and detractors; the margin is on the
    /// −1…1 scale (0.05 = ±5 NPS points).
    case netPromoter(promoters: Double, detractors: Double)

    /// The unit variance S² the formulas use: p(1 − p), s², or for the NPS score (+1/0/−1)
    /// p + d − (p − d)² (at most 1, when p = d = ½).
    var variance: Double {
        switch self {
        case .proportion(let p): return p * (1 - p)
        case .mean(let s): return s * s
        case .netPromoter(let p, let d): return p + d - (p - d) * (p - d)
        }
    }
}

/// The sample size for a margin of error, as the profesional de experiencia de servicio states it
/// (step 41): n0 = z²S²/e² with S² = p(1 − p) or s²; with a population of N,
/// n = ⌈n0 / (1 + (n0 − 1)/N)⌉ (Cochran, *Sampling Techniques*, 3rd ed., eq. 4.2 with N − 1,
/// as PracTools' `nPropMoe`); then n_final = ⌈n · deff / r⌉ invitations for a design effect deff and
/// a response rate r.
///
/// ```swift
/// let size = try SampleSize(target: .proportion(0.5), margin: 0.05, confidence: 0.95, population: 10_000)
/// size.n0       // 384.146
/// size.n        // 370
/// ```
public struct SampleSize: Sendable {
    public let target: SizeTarget
    public let margin: Double
    public let confidence: Double
    public let population: Int?
    public let deff: Double
    public let responseRate: Double
    /// The normal quantile z = Φ⁻¹(1 − (1 − confidence)/2).
    public let z: Double
    public let n0: Double
    /// n before rounding up.
    public let nExact: Double
    public let n: Int
    public let nFinal: Int

    /// The finite-population variant, as named in the JSON output.
    public var formula: String {
        population == nil ? "n = n0 (no finite-population correction)"
                          : "n = n0 / (1 + (n0 - 1) / N)"
    }

    /// Whether the invitations needed exceed the population: interview everyone (a census).
    public var isCensus: Bool { population.map { nFinal >= $0 } ?? false }

    public init(target: SizeTarget, margin: Double, confidence: Double = 0.95, population: Int? = nil,
                deff: Double = 1, responseRate: Double = 1) throws(SamplingError) {
        try SampleSize.validate(target: target, confidence: confidence, population: population, deff: deff,
                                responseRate: responseRate)
        // A proportion's margin is a share (0.05 = ±5 points); a mean's is in the variable's units.
        guard margin > 0, margin < 1 || !target.isProportion else { throw .marginOutOfRange(margin) }
        self.target = target
        self.margin = margin
        self.confidence = confidence
        self.population = population
        self.deff = deff
        self.responseRate = responseRate
        z = Normal.quantile(1 - (1 - confidence) / 2)
        n0 = z * z * target.variance / (margin * margin)
        if let population {
            nExact = n0 / (1 + (n0 - 1) / Double(population))
        } else {
            nExact = n0
        }
        n = SampleSize.ceiling(nExact)
        nFinal = SampleSize.ceiling(Double(n) * deff / responseRate)
    }

    static func validate(target: SizeTarget, confidence: Double, population: Int?, deff: Double,
                         responseRate: Double) throws(SamplingError) {
        guard confidence > 0 && confidence < 1 else { throw .confidenceOutOfRange(confidence) }
        switch target {
        case .proportion(let p): guard p >= 0 && p <= 1 else { throw .proportionOutOfRange(p) }
        case .mean(let s): guard s > 0 else { throw .nonPositive(option: "--sd", value: s) }
        case .netPromoter(let p, let d):
            guard p >= 0 && p <= 1 else { throw .proportionOutOfRange(p) }
            guard d >= 0 && d <= 1 && p + d <= 1 else { throw .proportionOutOfRange(d) }
        }
        if let population, population <= 0 { throw .nonPositive(option: "--population", value: Double(population)) }
        guard deff > 0 else { throw .nonPositive(option: "--deff", value: deff) }
        guard responseRate > 0 && responseRate <= 1 else { throw .nonPositive(option: "--response-rate", value: responseRate) }
    }

    /// ⌈x⌉, ignoring floating-point noise in the last bits (370.00000000000006 is 370, not 371).
    static func ceiling(_ x: Double) -> Int {
        let rounded = x.rounded()
        if abs(x - rounded) <= 1e-9 * max(1, abs(x)) { return Int(rounded) }
        return Int(x.rounded(.up))
    }
}

extension SizeTarget {
    /// Whether the target's margin is a share of 1 (a proportion, or an NPS on the −1…1 scale).
    public var isProportion: Bool {
        switch self {
        case .proportion, .netPromoter: return true
        case .mean: return false
        }
    }
}

/// The margin of error that a number of completed interviews achieves: the inverse of ``SampleSize``.
/// With n completes, the effective size is n/deff; with a population N the equivalent infinite-population
/// size is n0 = n_eff(N − 1)/(N − n_eff) (solving n = n0/(1 + (n0 − 1)/N) for n0), and e = z·√(S²/n0).
public struct AchievedMargin: Sendable {
    public let n: Int
    public let target: SizeTarget
    public let confidence: Double
    public let population: Int?
    public let deff: Double
    public let z: Double
    public let n0: Double
    public let margin: Double

    public init(n: Int, target: SizeTarget, confidence: Double = 0.95, population: Int? = nil,
                deff: Double = 1) throws(SamplingError) {
        try SampleSize.validate(target: target, confidence: confidence, population: population, deff: deff,
                                responseRate: 1)
        guard n > 0 else { throw .nonPositive(option: "--n", value: Double(n)) }
        if let population, n > population { throw .populationTooSmall(population: population, needed: n) }
        self.n = n
        self.target = target
        self.confidence = confidence
        self.population = population
        self.deff = deff
        z = Normal.quantile(1 - (1 - confidence) / 2)
        let effective = Double(n) / deff
        if let population {
            let bigN = Double(population)
            n0 = effective >= bigN ? .infinity : effective * (bigN - 1) / (bigN - effective)
        } else {
            n0 = effective
        }
        margin = z * (target.variance / n0).squareRoot()
    }
}

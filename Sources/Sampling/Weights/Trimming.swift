/// Weight trimming: no weight above `factor` times the mean weight; what is cut is spread over the
/// untrimmed weights in proportion to their size, so the total is kept, and the cut is repeated until
/// no weight is above the cap (Potter, "A study of procedures to identify and trim extreme sampling
/// weights", 1990; the iterative form of R's `trimWeights`).
public struct Trimming: Sendable {
    public let weights: [Double]
    public let cap: Double
    /// How many weights ended at the cap.
    public let trimmed: Int

    public init(weights start: [Double], factor: Double) throws(SamplingError) {
        guard factor > 1 else { throw .nonPositive(option: "--trim (> 1)", value: factor) }
        let total = start.reduce(0, +)
        let cap = factor * total / Double(start.count)
        var weights = start
        var atCap = [Bool](repeating: false, count: weights.count)
        for _ in 0..<1000 {
            var changed = false
            for i in weights.indices where !atCap[i] && weights[i] > cap {
                weights[i] = cap
                atCap[i] = true
                changed = true
            }
            guard changed else { break }
            let fixedTotal = Double(atCap.filter { $0 }.count) * cap
            let freeTotal = weights.indices.filter { !atCap[$0] }.reduce(0.0) { $0 + weights[$1] }
            guard freeTotal > 0 else { break }
            let factor = (total - fixedTotal) / freeTotal
            for i in weights.indices where !atCap[i] { weights[i] *= factor }
        }
        self.weights = weights
        self.cap = cap
        trimmed = atCap.filter { $0 }.count
    }
}

/// What a set of weights looks like, and what it costs in precision: Kish's design effect due to
/// unequal weights, deff = n·Σw²/(Σw)² = 1 + CV² (Kish, *Survey Sampling*, 1965, §11.7), and the
/// effective sample size n/deff.
public struct WeightSummary: Sendable, Equatable {
    public let count: Int
    public let sum: Double
    public let min: Double
    public let max: Double
    public let mean: Double
    /// Coefficient of variation with the population divisor n.
    public let cv: Double
    public let kishDeff: Double

    public var effectiveSize: Double { Double(count) / kishDeff }

    public init(_ weights: [Double]) {
        count = weights.count
        sum = weights.reduce(0, +)
        min = weights.min() ?? .nan
        max = weights.max() ?? .nan
        mean = sum / Double(count)
        let squares = weights.reduce(0) { $0 + $1 * $1 }
        kishDeff = Double(count) * squares / (sum * sum)
        cv = (kishDeff - 1).squareRoot()
    }
}

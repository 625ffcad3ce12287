/// Raking (iterative proportional fitting; Deming & Stephan 1940): adjusts weights in turn to each
/// margin — for every category c of a variable, w_i ← w_i · N_c / Σ_{j: x_j = c} w_j — and repeats
/// until every weighted margin is within `tolerance` (relative) of its population count. R's
/// `survey::rake` does the same with an absolute `epsilon`.
public struct Raking: Sendable {
    /// One variable to rake on: each respondent's category, and the population count of each category.
    public struct Margin: Sendable {
        public var name: String
        public var categories: [String]
        public var targets: [String: Double]

        public init(name: String, categories: [String], targets: [String: Double]) {
            self.name = name
            self.categories = categories
            self.targets = targets
        }
    }

    public let weights: [Double]
    /// Full passes over all the margins.
    public let iterations: Int
    /// The largest relative gap |Σw − N_c|/N_c left at the end.
    public let discrepancy: Double

    public init(weights start: [Double], margins: [Margin], tolerance: Double = 1e-10,
                maxIterations: Int = 100) throws(SamplingError) {
        var weights = start
        var iterations = 0
        var discrepancy = Raking.discrepancy(weights, margins)
        while discrepancy > tolerance {
            guard iterations < maxIterations else { throw .notConverged(iterations: iterations, discrepancy: discrepancy) }
            for margin in margins {
                weights = try WeightAdjustment.scale(weights, groups: margin.categories, targets: margin.targets) {
                    "\(margin.name) = \($0)"
                }
            }
            iterations += 1
            discrepancy = Raking.discrepancy(weights, margins)
        }
        self.weights = weights
        self.iterations = iterations
        self.discrepancy = discrepancy
    }

    static func discrepancy(_ weights: [Double], _ margins: [Margin]) -> Double {
        var worst = 0.0
        for margin in margins {
            var sums: [String: Double] = [:]
            for (w, c) in zip(weights, margin.categories) { sums[c, default: 0] += w }
            for (category, target) in margin.targets where target > 0 {
                worst = max(worst, abs((sums[category] ?? 0) - target) / target)
            }
        }
        return worst
    }
}

/// A sample total shared among strata, in whole units that add up exactly to the total.
public struct Allocation: Sendable, Equatable {
    public struct Share: Sendable, Equatable {
        public var stratum: String
        /// N_h
        public var population: Int
        /// n_h, whole.
        public var size: Int
        /// n_h before rounding (after take-all strata and minimums).
        public var exact: Double
    }

    public var total: Int
    public var method: AllocationMethod
    public var strata: [Share]

    /// Shares `total` among `strata` by `method`:
    ///
    /// 1. real shares x_h = n'·a_h/Σa_h over the strata not yet fixed, with a_h the method's weight and
    ///    n' what is left of the total;
    /// 2. a stratum with x_h > N_h is taken whole (take-all) and one with x_h below the minimum gets the
    ///    minimum (or N_h if smaller); both are fixed and step 1 runs again for the others;
    /// 3. whole numbers by largest remainder (Hamilton's method): each free stratum gets ⌊x_h⌋, and the
    ///    units still missing go to the largest fractional parts (earlier stratum first on ties).
    public init(strata: [Stratum], total: Int, method: AllocationMethod, minimumPerStratum: Int = 0) throws(SamplingError) {
        let population = strata.reduce(0) { $0 + $1.size }
        for stratum in strata where stratum.size <= 0 { throw .emptyStratum(stratum.name) }
        guard total > 0 else { throw .nonPositive(option: "--total", value: Double(total)) }
        guard total <= population else { throw .totalTooLarge(total: total, population: population) }
        let minimums = strata.map { min(minimumPerStratum, $0.size) }
        let minimumTotal = minimums.reduce(0, +)
        guard total >= minimumTotal else { throw .totalTooSmall(total: total, minimum: minimumTotal) }
        let weights = try Allocation.weights(strata, method: method)

        var fixed = [Int?](repeating: nil, count: strata.count)
        var exact = [Double](repeating: 0, count: strata.count)
        while true {
            let free = strata.indices.filter { fixed[$0] == nil }
            let remaining = Double(total - fixed.reduce(0) { $0 + ($1 ?? 0) })
            let weightSum = free.reduce(0.0) { $0 + weights[$1] }
            for h in free {
                exact[h] = weightSum > 0 ? remaining * weights[h] / weightSum : remaining / Double(free.count)
            }
            let over = free.filter { exact[$0] > Double(strata[$0].size) }
            let under = free.filter { exact[$0] < Double(minimums[$0]) }
            if !over.isEmpty {
                for h in over { fixed[h] = strata[h].size; exact[h] = Double(strata[h].size) }
            } else if !under.isEmpty {
                for h in under { fixed[h] = minimums[h]; exact[h] = Double(minimums[h]) }
            } else {
                break
            }
        }
        var sizes = strata.indices.map { fixed[$0] ?? Int(exact[$0].rounded(.down)) }
        var missing = total - sizes.reduce(0, +)
        let fraction = { (h: Int) in exact[h] - exact[h].rounded(.down) }
        let order = strata.indices.filter { fixed[$0] == nil }
            .sorted { fraction($0) > fraction($1) || (fraction($0) == fraction($1) && $0 < $1) }
        for h in order where missing > 0 && sizes[h] < strata[h].size {
            sizes[h] += 1
            missing -= 1
        }
        self.total = total
        self.method = method
        self.strata = strata.indices.map {
            Share(stratum: strata[$0].name, population: strata[$0].size, size: sizes[$0], exact: exact[$0])
        }
    }

    /// a_h: N_h, N_h·S_h, N_h·S_h/√c_h or 1.
    static func weights(_ strata: [Stratum], method: AllocationMethod) throws(SamplingError) -> [Double] {
        var weights: [Double] = []
        for stratum in strata {
            let size = Double(stratum.size)
            switch method {
            case .proportional: weights.append(size)
            case .equal: weights.append(1)
            case .neyman, .optimal:
                guard let sd = stratum.standardDeviation else {
                    throw .missingValue(option: "--sd / --sd-of", stratum: stratum.name)
                }
                guard sd >= 0 else { throw .nonPositive(option: "--sd", value: sd) }
                var weight = size * sd
                if method == .optimal {
                    guard let cost = stratum.cost else { throw .missingValue(option: "--cost", stratum: stratum.name) }
                    guard cost > 0 else { throw .nonPositive(option: "--cost", value: cost) }
                    weight /= cost.squareRoot()
                }
                weights.append(weight)
            }
        }
        if (method == .neyman || method == .optimal) && weights.allSatisfy({ $0 == 0 }) { throw .noVariation }
        return weights
    }
}

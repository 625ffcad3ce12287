extension SurveyDesign {
    /// Calibration, later stages and PPS need the values of every row; otherwise the one-stage
    /// formulas run on sums by stratum.
    var needsDensePath: Bool { !calibration.isEmpty || !laterStages.isEmpty || pps != nil }

    /// The variance of an estimate from its linearised values (zero outside their rows). The strata
    /// that count are those with rows in `u`: R estimates a domain on the design subset to it
    /// (`svyby`, `subset`), so with `lonely.psu = "average"` a lone stratum without members of the
    /// domain neither adds to H nor is averaged over (`survey:::onestage`: nstrat/nokstrat).
    public func variance(_ u: Influence) throws(AnalysisError) -> Double {
        var present = [Bool](repeating: false, count: strataNames.count)
        for row in u.rows { present[stratum[row]] = true }
        guard rowsArePSUs && !needsDensePath else { return try covariance([u.dense(rowCount)], present: present)[0][0] }
        let strata = strataNames.count
        var sums = [Double](repeating: 0, count: strata), products = [Double](repeating: 0, count: strata)
        for (row, value) in zip(u.rows, u.values) {
            sums[stratum[row]] += value
            products[stratum[row]] += value * value
        }
        return try combine(sums: sums, products: products, dimension: 1, present: present)[0][0]
    }

    /// The covariance matrix of several estimates from their linearised values (each a column of n
    /// values), by the stratified one-stage Taylor formula of ``SurveyDesign``; every stratum counts
    /// (the estimates are of the whole design, as `svyglm`'s).
    public func covariance(_ columns: [[Double]]) throws(AnalysisError) -> [[Double]] {
        try covariance(columns, present: nil)
    }

    /// ``covariance(_:)`` over the strata marked `present` (nil: all).
    func covariance(_ columns: [[Double]], present: [Bool]?) throws(AnalysisError) -> [[Double]] {
        // A calibrated design measures the residuals of the values on the calibration variables.
        let columns = calibration.isEmpty ? columns : columns.map(calibrationResiduals)
        if pps != nil { return try ppsCovariance(columns, present: present) }
        let p = columns.count
        let strata = strataNames.count
        var sums = [Double](repeating: 0, count: strata * p)
        var products = [Double](repeating: 0, count: strata * p * p)
        // z_i: the PSU totals of each column (rows themselves when every row is a PSU).
        func accumulate(_ h: Int, _ z: UnsafeBufferPointer<Double>) {
            for a in 0..<p where z[a] != 0 {
                sums[h * p + a] += z[a]
                for b in 0..<p { products[(h * p + a) * p + b] += z[a] * z[b] }
            }
        }
        if rowsArePSUs {
            var z = [Double](repeating: 0, count: p)
            for row in 0..<rowCount {
                var any = false
                for a in 0..<p { z[a] = columns[a][row]; any = any || z[a] != 0 }
                if any { z.withUnsafeBufferPointer { accumulate(stratum[row], $0) } }
            }
        } else {
            var totals = [Double](repeating: 0, count: psuCount * p)
            for (j, column) in columns.enumerated() {
                precondition(column.count == rowCount, "one value per row")
                for row in 0..<rowCount where column[row] != 0 { totals[psu[row] * p + j] += column[row] }
            }
            totals.withUnsafeBufferPointer { all in
                for i in 0..<psuCount { accumulate(psuStratum[i], UnsafeBufferPointer(rebasing: all[(i * p)..<((i + 1) * p)])) }
            }
        }
        var result = try combine(sums: sums, products: products, dimension: p, present: present)
        if !laterStages.isEmpty {
            let later = try laterStageCovariance(columns)
            for a in 0..<p { for b in 0..<p { result[a][b] += later[a][b] } }
        }
        return result
    }

    /// The covariance of the weighted shares p̂_a = Σ w·[cell = a] / Σ w of `cellCount` categories
    /// (cell −1 = not counted), whose linearised values are u_k = w_k(δ_ka − p̂_a)/W
    /// (``cellCovariance(cells:cellCount:coefficients:)``).
    public func shareCovariance(cells: [Int], cellCount k: Int) throws(AnalysisError) -> (shares: [Double], covariance: [[Double]]) {
        var cellWeight = [Double](repeating: 0, count: k)
        for row in 0..<rowCount where cells[row] >= 0 { cellWeight[cells[row]] += weights[row] }
        let total = cellWeight.reduce(0, +)
        let shares = cellWeight.map { $0 / total }
        if let replication {
            // Each replicate's shares, and their covariance.
            var byCell = [[Double]](repeating: [Double](repeating: 0, count: replication.count), count: k)
            for (r, w) in replication.weights.enumerated() {
                var sums = [Double](repeating: 0, count: k)
                for row in 0..<rowCount where cells[row] >= 0 { sums[cells[row]] += w[row] }
                let all = sums.reduce(0, +)
                for a in 0..<k { byCell[a][r] = sums[a] / all }
            }
            return (shares, replication.covariance(byCell, full: shares))
        }
        // u_a = w·J[a][cell] with J[a][x] = (δ_xa − p̂_a)/W.
        let coefficients = (0..<k).map { a in (0..<k).map { x in ((x == a ? 1 : 0) - shares[a]) / total } }
        return (shares, try cellCovariance(cells: cells, cellCount: k, coefficients: coefficients))
    }

    /// The covariance of estimates linear in the weighted cell totals, whose linearised values are
    /// z_a(k) = w_k · J[a][cell_k] (0 for a row in no cell, cell −1): shares, and the Wald test's
    /// contrasts. When every row is a PSU, the stratum sums of z_a and z_a·z_b come in closed form from
    /// Σ w and Σ w² per cell (each row is in one cell), so a million rows cost one pass instead of one
    /// per pair of estimates; otherwise the columns are built and go through ``covariance(_:)``.
    func cellCovariance(cells: [Int], cellCount k: Int, coefficients J: [[Double]]) throws(AnalysisError) -> [[Double]] {
        let p = J.count
        guard rowsArePSUs && !needsDensePath else {
            let columns = (0..<p).map { a in (0..<rowCount).map { row in cells[row] < 0 ? 0 : weights[row] * J[a][cells[row]] } }
            return try covariance(columns)
        }
        let strata = strataNames.count
        var weightByCell = [Double](repeating: 0, count: strata * k), squareByCell = [Double](repeating: 0, count: strata * k)
        for row in 0..<rowCount where cells[row] >= 0 {
            let at = stratum[row] * k + cells[row], w = weights[row]
            weightByCell[at] += w
            squareByCell[at] += w * w
        }
        var sums = [Double](repeating: 0, count: strata * p)
        var products = [Double](repeating: 0, count: strata * p * p)
        for h in 0..<strata {
            for a in 0..<p {
                for x in 0..<k where J[a][x] != 0 {
                    sums[h * p + a] += J[a][x] * weightByCell[h * k + x]
                    for b in 0..<p { products[(h * p + a) * p + b] += J[a][x] * J[b][x] * squareByCell[h * k + x] }
                }
            }
        }
        return try combine(sums: sums, products: products, dimension: p)
    }

    /// The covariance of the totals of the columns of `scores` (p columns, one row per model row, each
    /// from design row `rows[i]`; rows not listed count as zeros), by the same Taylor formula as
    /// ``covariance(_:)`` but without spreading the scores over every design row: per stratum, the sums
    /// and cross-products of the rows (or of their PSU totals). For a million-row regression this is one
    /// pass over the scores.
    public func scoreCovariance(_ scores: [Double], columns p: Int, rows: [Int]) throws(AnalysisError) -> [[Double]] {
        let n = rows.count
        precondition(scores.count == n * p, "one score per row and column")
        if needsDensePath {
            let columns = (0..<p).map { a in
                var dense = [Double](repeating: 0, count: rowCount)
                for (i, row) in rows.enumerated() { dense[row] += scores[a * n + i] }
                return dense
            }
            return try covariance(columns)
        }
        let strata = strataNames.count
        var sums = [Double](repeating: 0, count: strata * p)
        var products = [Double](repeating: 0, count: strata * p * p)
        var z = [Double](repeating: 0, count: p)
        func accumulate(_ h: Int) {
            for a in 0..<p where z[a] != 0 {
                sums[h * p + a] += z[a]
                let za = z[a], base = (h * p + a) * p
                for b in a..<p { products[base + b] += za * z[b] }
            }
        }
        if rowsArePSUs {
            for (i, row) in rows.enumerated() {
                for a in 0..<p { z[a] = scores[a * n + i] }
                accumulate(stratum[row])
            }
        } else {
            var totals = [Double](repeating: 0, count: psuCount * p)
            for (i, row) in rows.enumerated() { for a in 0..<p { totals[psu[row] * p + a] += scores[a * n + i] } }
            for k in 0..<psuCount {
                for a in 0..<p { z[a] = totals[k * p + a] }
                accumulate(psuStratum[k])
            }
        }
        // Only the upper triangle was summed.
        for h in 0..<strata { for a in 0..<p { for b in 0..<a { products[(h * p + a) * p + b] = products[(h * p + b) * p + a] } } }
        return try combine(sums: sums, products: products, dimension: p)
    }

    /// Σ_h (1 − f_h)·n_h/(n_h − 1)·[Σ z zᵀ − S Sᵀ/n_h] from each stratum's sums S and cross-products,
    /// with the lonely-PSU policy (R's `onestrat`/`onestage`), over the strata marked `present` (nil:
    /// all). A variance never comes out below zero.
    private func combine(sums: [Double], products: [Double], dimension p: Int, present: [Bool]? = nil) throws(AnalysisError) -> [[Double]] {
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        let counted = strataNames.indices.filter { present?[$0] ?? true }
        let strata = counted.count
        var usable = 0
        for h in counted {
            let n = Double(sampledPSUs[h])
            let f = populationPSUs.map { ($0[h] - n) / $0[h] } ?? 1
            if f < 1e-7 { usable += 1; continue }   // a take-all stratum adds nothing
            if sampledPSUs[h] == 1 {
                switch lonelyPSU {
                case .fail: throw .lonelyPSU(stratum: strataNames[h])
                case .remove: usable += 1; continue
                case .average: continue
                case .adjust:
                    usable += 1
                    for a in 0..<p { for b in 0..<p { result[a][b] += f * products[(h * p + a) * p + b] } }
                    continue
                }
            }
            usable += 1
            let scale = f * n / (n - 1)
            for a in 0..<p {
                for b in 0..<p {
                    // Σ (z_a − z̄_a)(z_b − z̄_b) = Σ z_a z_b − S_a S_b / n. When the PSU values of a stratum are
                    // all equal (the share of the stratifier itself) this is 0 but comes out as rounding
                    // noise of the size of n·ε·Σ z²: below that bound it is taken as the 0 it is.
                    var centered = products[(h * p + a) * p + b] - sums[h * p + a] * sums[h * p + b] / n
                    let noise = 4 * n * Double.ulpOfOne * (products[(h * p + a) * p + a] * products[(h * p + b) * p + b]).squareRoot()
                    if abs(centered) <= noise { centered = 0 }
                    result[a][b] += scale * centered
                }
            }
        }
        if usable < strata && usable > 0 {
            let factor = Double(strata) / Double(usable)
            for a in 0..<p { for b in 0..<p { result[a][b] *= factor } }
        }
        for a in 0..<p where result[a][a] < 0 { result[a][a] = 0 }
        return result
    }
}

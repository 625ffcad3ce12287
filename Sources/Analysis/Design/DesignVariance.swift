extension SurveyDesign {
    /// The variance of an estimate from its linearised values u (one per row; zero outside a domain).
    public func variance(_ u: [Double]) throws(AnalysisError) -> Double {
        try covariance([u])[0][0]
    }

    /// The covariance matrix of several estimates from their linearised values (each a column of n
    /// values), by the stratified one-stage Taylor formula of ``SurveyDesign``.
    public func covariance(_ columns: [[Double]]) throws(AnalysisError) -> [[Double]] {
        let p = columns.count
        // PSU totals, PSU-major: totals[psu * p + j]
        var totals = [Double](repeating: 0, count: psuCount * p)
        for (j, column) in columns.enumerated() {
            precondition(column.count == rowCount, "one value per row")
            for row in 0..<rowCount where column[row] != 0 {
                totals[psu[row] * p + j] += column[row]
            }
        }
        // Per stratum: sums and cross-products of the PSU totals.
        let strata = strataNames.count
        var sums = [Double](repeating: 0, count: strata * p)
        var products = [Double](repeating: 0, count: strata * p * p)
        for i in 0..<psuCount {
            let h = psuStratum[i]
            for a in 0..<p {
                let za = totals[i * p + a]
                if za == 0 { continue }
                sums[h * p + a] += za
                for b in 0..<p { products[(h * p + a) * p + b] += za * totals[i * p + b] }
            }
        }
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var usable = 0
        for h in 0..<strata {
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
                    // Σ (z_a − z̄_a)(z_b − z̄_b) = Σ z_a z_b − S_a S_b / n
                    let centered = products[(h * p + a) * p + b] - sums[h * p + a] * sums[h * p + b] / n
                    result[a][b] += scale * centered
                }
            }
        }
        if usable < strata && usable > 0 {
            let factor = Double(strata) / Double(usable)
            for a in 0..<p { for b in 0..<p { result[a][b] *= factor } }
        }
        return result
    }
}

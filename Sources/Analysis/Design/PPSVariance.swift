/// How the joint inclusion probabilities of a PPS sample without replacement are approximated, as
/// R's `svydesign(pps =)`:
/// - **Brewer**: each PSU's own finite-population correction, V = n/(n − 1) Σ_i (1 − π_i)(z_i − z̄)²
///   (Brewer, "A model of systematic sampling with unequal probabilities", 1963; R `pps = "brewer"`);
/// - **Overton**: the Horvitz–Thompson variance Σ_ij Ď_ij z_i z_j with Ď_ii = 1 − π_i and
///   Ď_ij = ((π_i + π_j)/2 − 1)/(n − 1) within a stratum (Overton 1985; R `pps = "overton"`), summed in
///   one pass as Σ(1 − π_i) z_i² + [Σ_i π_i z_i (Z − z_i) − (Z² − Σ z_i²)]/(n − 1).
public enum PPSApproximation: String, Sendable, CaseIterable {
    case brewer, overton
}

extension SurveyDesign {
    /// The PPS covariance of `columns` (one value per row each) over the strata marked `present`.
    func ppsCovariance(_ columns: [[Double]], present: [Bool]?) throws(AnalysisError) -> [[Double]] {
        let p = columns.count
        var z = [Double](repeating: 0, count: psuCount * p)
        for (a, column) in columns.enumerated() { for row in 0..<rowCount where column[row] != 0 { z[psu[row] * p + a] += column[row] } }
        var members = [[Int]](repeating: [], count: strataNames.count)
        for i in 0..<psuCount { members[psuStratum[i]].append(i) }
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        let counted = strataNames.indices.filter { present?[$0] ?? true }
        var usable = 0
        for h in counted {
            let units = members[h], n = Double(units.count)
            if units.count == 1 {
                let i = units[0], f = 1 - psuProbability[i]
                switch lonelyPSU {
                case .fail where f >= 1e-7: throw .lonelyPSU(stratum: strataNames[h])
                case .adjust:
                    usable += 1
                    for a in 0..<p { for b in 0..<p { result[a][b] += f * z[i * p + a] * z[i * p + b] } }
                case .average: break
                default: usable += 1
                }
                continue
            }
            usable += 1
            var total = [Double](repeating: 0, count: p)
            for i in units { for a in 0..<p { total[a] += z[i * p + a] } }
            for a in 0..<p {
                for b in 0..<p {
                    var v = 0.0
                    switch pps! {
                    case .brewer:
                        for i in units { v += (1 - psuProbability[i]) * (z[i * p + a] - total[a] / n) * (z[i * p + b] - total[b] / n) }
                        v *= n / (n - 1)
                    case .overton:
                        var diagonal = 0.0, spread = 0.0, squares = 0.0
                        for i in units {
                            let za = z[i * p + a], zb = z[i * p + b], pi = psuProbability[i]
                            diagonal += (1 - pi) * za * zb
                            // Σ_{i≠j} (π_i + π_j)/2 · z_ia z_jb, symmetrised over a and b.
                            spread += pi * (za * (total[b] - zb) + zb * (total[a] - za)) / 2
                            squares += za * zb
                        }
                        v = diagonal + (spread - (total[a] * total[b] - squares)) / (n - 1)
                    }
                    result[a][b] += v
                }
            }
        }
        if usable < counted.count && usable > 0 {
            let factor = Double(counted.count) / Double(usable)
            for a in 0..<p { for b in 0..<p { result[a][b] *= factor } }
        }
        for a in 0..<p where result[a][a] < 0 { result[a][a] = 0 }
        return result
    }
}

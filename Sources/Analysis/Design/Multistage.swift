/// A stage after the first of a multistage design: within each unit of the stage above (its
/// parent), the units sampled here, their number m and the parent's population of them M. R's
/// `svydesign(ids = ~psu + ssu, fpc = ~N1 + N2)` (Lumley, *Complex Surveys*, 2010, §3.2;
/// `survey:::multistage`): the variance adds, for every parent Q,
///
///     π(Q) · (1 − m_Q/M_Q) · m_Q/(m_Q − 1) · Σ_u (z_u − z̄_Q)²
///
/// with z_u the totals of unit u and π(Q) the product of the sampling fractions above Q (n_h/N_h
/// for a PSU; times m/M for each later stage).
struct LaterStage: Sendable {
    /// This stage's unit of each row, unique across parents.
    var unitOfRow: [Int]
    var parentOfUnit: [Int]
    /// Per parent (a unit of the stage above): units sampled here, and its population of them.
    var sampled: [Int]
    var population: [Double]
    /// Per parent: the product of the sampling fractions of its lineage.
    var selection: [Double]
    /// Per parent, for messages: its label.
    var parentLabel: [String]

    /// Per row: this stage's sampling fraction m/M of the row's parent, for weights and the next stage.
    func fraction(ofParent q: Int) -> Double { Double(sampled[q]) / population[q] }
}

extension SurveyDesign {
    /// The later stages from the unit labels of stages 2… and their population sizes (per row: the
    /// count of such units in the parent, or the sampling fraction when ≤ 1).
    static func laterStages(labels: [[String]], fpc: [[Double]], psu: [Int], psuCount: Int, psuSelection: [Double],
                            psuLabel: [String], fpcName: String) throws(AnalysisError) -> [LaterStage] {
        var stages: [LaterStage] = []
        var parentOfRow = psu, parentCount = psuCount, parentSelection = psuSelection, parentLabels = psuLabel
        for (s, units) in labels.enumerated() {
            var index: [String: Int] = [:]
            var parentOfUnit: [Int] = [], labelsOfUnit: [String] = []
            let unitOfRow = units.indices.map { row -> Int in
                let key = "\(parentOfRow[row])\u{1F}\(units[row])"
                if let known = index[key] { return known }
                index[key] = parentOfUnit.count
                parentOfUnit.append(parentOfRow[row])
                labelsOfUnit.append("\(parentLabels[parentOfRow[row]]) / \(units[row])")
                return parentOfUnit.count - 1
            }
            var sampled = [Int](repeating: 0, count: parentCount)
            for q in parentOfUnit { sampled[q] += 1 }
            var population = [Double](repeating: .nan, count: parentCount)
            for row in units.indices {
                let q = parentOfRow[row], value = fpc[s][row]
                guard !value.isNaN else { throw .missingDesignValue(column: fpcName, row: row + 1) }
                let size = value <= 1 ? Double(sampled[q]) / value : value
                if !population[q].isNaN, abs(population[q] - size) > 1e-9 * max(1, size) { throw .inconsistentFPC(stratum: parentLabels[q]) }
                population[q] = size
            }
            for q in 0..<parentCount where population[q] < Double(sampled[q]) {
                throw .fpcTooSmall(stratum: parentLabels[q], population: population[q], sampled: sampled[q])
            }
            let stage = LaterStage(unitOfRow: unitOfRow, parentOfUnit: parentOfUnit, sampled: sampled, population: population,
                                   selection: parentSelection, parentLabel: parentLabels)
            stages.append(stage)
            parentSelection = parentOfUnit.map { q in stage.selection[q] * stage.fraction(ofParent: q) }
            parentOfRow = unitOfRow
            parentCount = parentOfUnit.count
            parentLabels = labelsOfUnit
        }
        return stages
    }

    /// What the stages after the first add to the covariance of `columns` (one value per row each).
    func laterStageCovariance(_ columns: [[Double]]) throws(AnalysisError) -> [[Double]] {
        let p = columns.count
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for stage in laterStages {
            let units = stage.parentOfUnit.count
            var totals = [Double](repeating: 0, count: units * p)
            for (a, column) in columns.enumerated() {
                for row in 0..<rowCount where column[row] != 0 { totals[stage.unitOfRow[row] * p + a] += column[row] }
            }
            let parents = stage.sampled.count
            var sums = [Double](repeating: 0, count: parents * p)
            for u in 0..<units { for a in 0..<p { sums[stage.parentOfUnit[u] * p + a] += totals[u * p + a] } }
            for u in 0..<units {
                let q = stage.parentOfUnit[u]
                let m = Double(stage.sampled[q])
                let f = (stage.population[q] - m) / stage.population[q]
                guard f >= 1e-7 else { continue }   // every unit of the parent is in the sample
                let scale: Double
                var centered = (0..<p).map { totals[u * p + $0] }
                if stage.sampled[q] == 1 {
                    switch lonelyPSU {
                    case .fail: throw .lonelyPSU(stratum: stage.parentLabel[q])
                    case .remove, .average: continue
                    case .adjust: scale = f
                    }
                } else {
                    scale = f * m / (m - 1)
                    for a in 0..<p { centered[a] -= sums[q * p + a] / m }
                }
                let weight = stage.selection[q] * scale
                for a in 0..<p { for b in 0..<p { result[a][b] += weight * centered[a] * centered[b] } }
            }
        }
        return result
    }
}

import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Sampling

/// Replicate weights against those R's `as.svrepdesign` makes (Scripts/reference/replicates.R:
/// Tests/AnalysisTests/Fixtures/apiclus1_jk1.csv and r_replicates.json).
@Suite struct ReplicateConstructionTests {
    static let fixtures = "Tests/AnalysisTests/Fixtures/"

    static func table(_ name: String) throws -> Table { try CSVReader.read(path: RepositoryFiles.path(fixtures + name)).table }
    static func labels(_ t: Table, _ name: String) -> [String] { (0..<t.rowCount).map { t[name]!.text(at: $0)! } }

    nonisolated(unsafe) static let r: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path(fixtures + "r_replicates.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    @Test("JK1 on apiclus1's 15 clusters: the same 15 columns as as.svrepdesign(dclus1, type = \"JK1\")")
    func jk1() throws {
        let t = try Self.table("apiclus1_jk1.csv")
        let made = try ReplicateConstruction.weights(.jk1, weights: t["pw"]!.numbers!, strata: nil, clusters: Self.labels(t, "dnum"))
        #expect(made.count == 15)
        for (j, column) in made.enumerated() { expectClose(column, t["rep_\(j + 1)"]!.numbers!, rtol: 1e-12) }
    }

    @Test("BRR and Fay (ρ = 0.3) on scd's three strata of two ambulances: R's 4 half-samples (Sylvester order 4)")
    func brrAndFay() throws {
        let scd = try Self.table("scd.csv")
        let ones = [Double](repeating: 1, count: scd.rowCount)
        for (method, key) in [(ReplicateConstruction.Method.brr, "brr"), (.fay, "fay")] {
            let made = try ReplicateConstruction.weights(method, weights: ones, strata: Self.labels(scd, "ESA"), clusters: Self.labels(scd, "ambulance"), rho: 0.3)
            // R's weights(design, "analysis"): one row per record, one column per replicate.
            let expected = (Self.r[key] as! [String: Any])["weights"] as! [[Double]]
            #expect(made.count == 4)
            for row in 0..<scd.rowCount { expectClose(made.map { $0[row] }, expected[row], rtol: 1e-12) }
        }
    }

    @Test("JKn: one replicate per PSU of each stratum not exhausted; the dropped unit 0, the rest of its stratum × n_h/(n_h − 1)")
    func jkn() throws {
        // Two strata: a with 3 rows, b with 2; b exhausted (fpc 2 = n_b).
        let made = try ReplicateConstruction.weights(.jkn, weights: [10, 10, 10, 4, 4], strata: ["a", "a", "a", "b", "b"], clusters: nil,
                                                     fpc: [30, 30, 30, 2, 2])
        #expect(made == [[0, 15, 15, 4, 4], [15, 0, 15, 4, 4], [15, 15, 0, 4, 4]])
    }

    @Test("bootstrap (Rao–Wu): in each stratum n_h − 1 draws, multipliers adding up to n_h; the seed gives the fixture R read")
    func bootstrap() throws {
        let t = try Self.table("apistrat_boot.csv")
        let strata = Self.labels(t, "stype")
        let made = try ReplicateConstruction.weights(.bootstrap, weights: t["pw"]!.numbers!, strata: strata, clusters: nil,
                                                     replicates: 50, seed: 20261206)
        #expect(made.count == 50)
        let weights = t["pw"]!.numbers!
        for (r, column) in made.enumerated() {
            // Σ multipliers over a stratum's n_h units = (n_h − 1) draws × n_h/(n_h − 1) = n_h.
            for stratum in Set(strata) {
                let rows = strata.indices.filter { strata[$0] == stratum }
                let total = rows.reduce(0.0) { $0 + column[$1] / weights[$1] }
                expectClose(total, Double(rows.count), rtol: 1e-12)
            }
            expectClose(column, t["rep_\(r + 1)"]!.numbers!, rtol: 1e-12)
        }
    }

    @Test("refusals: JK1 with strata, BRR without pairs, a stratum with one unit, a bad ρ")
    func refusals() throws {
        #expect(throws: SamplingError.replicateMethodNeedsOneStratum(method: "jk1")) {
            try ReplicateConstruction.weights(.jk1, weights: [1, 1, 1, 1], strata: ["a", "a", "b", "b"], clusters: nil)
        }
        #expect(throws: SamplingError.replicateNeedsPairs(stratum: "a", psus: 3)) {
            try ReplicateConstruction.weights(.brr, weights: [1, 1, 1, 1, 1], strata: ["a", "a", "a", "b", "b"], clusters: nil)
        }
        #expect(throws: SamplingError.replicateTooFewPSUs(stratum: "b")) {
            try ReplicateConstruction.weights(.jkn, weights: [1, 1, 1], strata: ["a", "a", "b"], clusters: nil)
        }
        #expect(throws: SamplingError.badFayRho(1.5)) {
            try ReplicateConstruction.weights(.fay, weights: [1, 1], strata: ["a", "a"], clusters: nil, rho: 1.5)
        }
    }
}

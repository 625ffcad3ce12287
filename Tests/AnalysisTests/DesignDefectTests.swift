import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Issue 20's defects 1 and 2, against R's survey 4.1 (Scripts/reference/design_defects.R →
/// Fixtures/r_design_defects.json, on the package's own apisrs and fpc data).
@Suite struct DesignDefectTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_design_defects", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func figure(_ key: String) -> (estimate: Double, se: Double) {
        let o = r[key] as! [String: Any]
        return (Reference.number(o["estimate"]), Reference.number(o["se"]))
    }

    static func fixture(_ name: String) throws -> Table {
        try CSVReader.read(path: Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "csv")!.path).table
    }

    @Test("no weights, only fpc: weights are N_h/n_h, as svydesign(id = ~1, fpc = ~fpc, data = apisrs)")
    func weightsFromFPC() throws {
        let api = try Self.fixture("apisrs")
        let design = try SurveyDesign(weights: nil, strata: nil, clusters: nil, fpc: api["fpc"]!.numbers!, rowCount: api.rowCount)
        // By hand: 200 schools drawn from 6,194, each stands for 6194/200 = 30.97.
        #expect(design.weights.allSatisfy { $0 == 6194.0 / 200.0 })
        let total = try design.total(api["enroll"]!.numbers!, in: .all(api.rowCount))
        let t = Self.figure("apisrs_total_enroll")
        expectClose(total.estimate, t.estimate, rtol: 1e-12)   // 3,621,074 (was 116,922, the sample sum)
        expectClose(total.standardError, t.se, rtol: 1e-10)
        let mean = try design.mean(api["api00"]!.numbers!, in: .all(api.rowCount))
        let m = Self.figure("apisrs_mean_api00")
        expectClose(mean.estimate, m.estimate, rtol: 1e-12)
        expectClose(mean.standardError, m.se, rtol: 1e-10)
    }

    @Test("stratified clusters with fpc and no weights: svydesign(ids = ~psuid, strata = ~stratid, fpc = ~Nh, data = fpc, nest = TRUE)")
    func stratifiedClustersFromFPC() throws {
        let f = try Self.fixture("fpc")
        let design = try SurveyDesign(weights: nil, strata: Reference.labels(f, "stratid"), clusters: Reference.labels(f, "psuid"),
                                      fpc: f["Nh"]!.numbers!, rowCount: f.rowCount)
        let mean = try design.mean(f["x"]!.numbers!, in: .all(f.rowCount))
        let m = Self.figure("fpc_mean_x")
        expectClose(mean.estimate, m.estimate, rtol: 1e-12)   // 5.448 (was 5.525, unweighted)
        expectClose(mean.standardError, m.se, rtol: 1e-10)
        let total = try design.total(f["x"]!.numbers!, in: .all(f.rowCount))
        let t = Self.figure("fpc_total_x")
        expectClose(total.estimate, t.estimate, rtol: 1e-12)
        expectClose(total.standardError, t.se, rtol: 1e-10)
    }

    @Test("quantiles do not move when every weight is 30.97 (R: median 3, not 4)")
    func scaledWeightQuantiles() throws {
        let q = Self.r["scaled_quantiles"] as! [String: Any]
        let y = Reference.numbers(q["y"])
        let weight = Reference.number(q["weight"])
        let design = try SurveyDesign(weights: y.map { _ in weight }, strata: nil, clusters: nil, fpc: nil, rowCount: y.count)
        let unit = try SurveyDesign(weights: nil, strata: nil, clusters: nil, fpc: nil, rowCount: y.count)
        let expected = Reference.numbers(q["quantile"])
        func optional(_ key: String) -> [Double] { (q[key] as! [Any]).map { $0 is NSNull ? .nan : Reference.number($0) } }
        let lower = optional("lower"), upper = optional("upper")
        for (i, p) in Reference.numbers(q["p"]).enumerated() {
            let e = try design.quantile(y, probability: p, in: .all(y.count))
            #expect(e.estimate == expected[i], "p = \(p)")
            #expect(e.lower == lower[i] || (e.lower.isNaN && lower[i].isNaN), "p = \(p)")
            #expect(e.upper == upper[i] || (e.upper.isNaN && upper[i].isNaN), "p = \(p)")
            // The same answers with weight 1 give the same quantile: scaling changes nothing.
            #expect(try unit.quantile(y, probability: p, in: .all(y.count)).estimate == expected[i])
        }
    }
}

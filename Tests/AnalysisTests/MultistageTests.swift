import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Two-stage designs against R's survey 4.1 (Scripts/reference/multistage.R →
/// Fixtures/r_multistage.json): apiclus2 (districts, then schools) and mu284, each with a fpc per stage.
@Suite struct MultistageTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_multistage", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func list(_ v: Any?) -> [Double] { (v as? [Any]).map { $0.map { Reference.number($0) } } ?? [Reference.number(v)] }
    static func figure(_ o: [String: Any], _ key: String) -> (estimate: [Double], se: [Double]) {
        let f = o[key] as! [String: Any]
        return (list(f["estimate"]), list(f["se"]))
    }

    @Test("apiclus2 as svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2): weights, mean with deff, total, domains, ratio, shares, svyglm")
    func apiclus2() throws {
        let t = try DesignDefectTests.fixture("apiclus2")
        let design = try SurveyDesign(table: t, strata: nil, cluster: "dnum,snum", weights: nil, fpc: "fpc1,fpc2")
        #expect(design.stageCount == 2)
        let o = Self.r["apiclus2"] as! [String: Any]
        // By hand: 40 of 757 districts, then m of M schools: w = 757/40 · M/m (district 15: 1 of 1 school → 18.925).
        expectClose(Array(design.weights.prefix(6)), Self.list(o["weights_head"]), rtol: 1e-12)
        let all = Domain.all(t.rowCount)
        let api00 = t["api00"]!.numbers!
        let mean = try design.mean(api00, in: all)
        let m = o["mean_api00"] as! [String: Any]
        expectClose(mean.estimate, Reference.number(m["estimate"]), rtol: 1e-12)
        expectClose(mean.standardError, Reference.number(m["se"]), rtol: 1e-10)
        expectClose(mean.deff!, Reference.number(m["deff"]), rtol: 1e-10)
        // One stage (ultimate clusters, what Sondeo did before) is 0.7 % off.
        #expect(abs(Self.figure(o, "one_stage_mean_api00").se[0] / mean.standardError - 1) > 0.005)
        let total = try design.total(t["enroll"]!.numbers!, in: all)
        expectClose(total.estimate, Self.figure(o, "total_enroll").estimate[0], rtol: 1e-12)
        expectClose(total.standardError, Self.figure(o, "total_enroll").se[0], rtol: 1e-10)
        let by = o["mean_by_stype"] as! [String: Any]
        for (i, group) in (by["group"] as! [String]).enumerated() {
            let e = try design.mean(api00, in: Reference.domain("stype", group, table: t))
            expectClose(e.estimate, Self.list(by["estimate"])[i], rtol: 1e-12)
            expectClose(e.standardError, Self.list(by["se"])[i], rtol: 1e-10)
        }
        let ratio = try design.ratio(api00, over: t["api99"]!.numbers!, in: all, denominator: "api99")
        expectClose(ratio.standardError, Self.figure(o, "ratio").se[0], rtol: 1e-10)
        let wide = Reference.labels(t, "sch.wide")
        let share = try design.mean(wide.map { $0 == "No" ? 1 : 0 }, in: all)
        expectClose(share.standardError, Self.figure(o, "share_schwide").se[0], rtol: 1e-10)
        let glm = o["glm"] as! [String: Any]
        let fit = try Regression.linear(try ModelMatrix(table: t, formula: Formula(parsing: "api00 ~ enroll")), design: design)
        expectClose(fit.coefficients.map { $0.standardError! }, Self.list(glm["se"]), rtol: 1e-9)
    }

    @Test("mu284 as svydesign(id = ~id1 + id2, fpc = ~n1 + n2): total and mean of y1")
    func mu284() throws {
        let t = try DesignDefectTests.fixture("mu284")
        let design = try SurveyDesign(table: t, strata: nil, cluster: "id1,id2", weights: nil, fpc: "n1,n2")
        let o = Self.r["mu284"] as! [String: Any]
        let y = t["y1"]!.numbers!
        let total = try design.total(y, in: .all(t.rowCount))
        expectClose(total.estimate, Self.figure(o, "total_y1").estimate[0], rtol: 1e-12)
        expectClose(total.standardError, Self.figure(o, "total_y1").se[0], rtol: 1e-10)
        let mean = try design.mean(y, in: .all(t.rowCount))
        expectClose(mean.standardError, Self.figure(o, "mean_y1").se[0], rtol: 1e-10)
    }

    @Test("by hand: two PSUs of N = 4, two SSUs each of M = 4; V = (1 − 2/4)·2·Σ(z − z̄)² + Σ_i (2/4)·(1 − 2/4)·2·Σ_j(z_ij − z̄_i)²")
    func byHand() throws {
        // Totals (weights 1 as given): PSU a: 1, 3; PSU b: 5, 9.
        let design = try SurveyDesign(weights: [1, 1, 1, 1], strata: nil, clusters: ["a", "a", "b", "b"], fpc: [4, 4, 4, 4], rowCount: 4,
                                      subclusters: [["1", "2", "1", "2"]], subFPC: [[4, 4, 4, 4]])
        let v = try design.covariance([[1, 3, 5, 9]])[0][0]
        // Stage 1: z = 4, 14 → Σ(z − 9)² = 50 → ½·2·50 = 50. Stage 2: a: (1−2)²+(3−2)² = 2, b: (5−7)²+(9−7)² = 8 → ½·½·2·(2 + 8) = 5.
        expectClose(v, 55, rtol: 1e-12)
    }
}

import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Issue 20's defects 1 to 5, against R's survey 4.1 (Scripts/reference/design_defects.R →
/// Fixtures/r_design_defects.json, on the package's own apisrs, fpc, apiclus1 and apistrat data).
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

    /// apiclus1 as `svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)`.
    static func apiclus1() throws -> (table: Table, design: SurveyDesign) {
        let t = try fixture("apiclus1")
        return (t, try SurveyDesign(weights: t["pw"]!.numbers!, strata: nil, clusters: Reference.labels(t, "dnum"), fpc: t["fpc"]!.numbers!,
                                    rowCount: t.rowCount))
    }

    @Test("comparing two groups is svyttest: t on the model's residual df (apiclus1: 13, not the design's 14), its p and interval",
          arguments: [("ttest_schwide", "sch.wide", "Yes", "No"), ("ttest_h_e", "stype", "H", "E")])
    func comparisonIsTTest(_ key: String, _ column: String, _ a: String, _ b: String) throws {
        let (t, design) = try Self.apiclus1()
        let y = t["api00"]!.numbers!
        let first = try design.mean(y, in: Reference.domain(column, a, table: t))
        let second = try design.mean(y, in: Reference.domain(column, b, table: t))
        let d = try Difference(first, second, design: design)
        let r = Self.r[key] as! [String: Any]
        #expect(d.degreesOfFreedom == Reference.number(r["df"]))
        expectClose(d.estimate, Reference.number(r["estimate"]), rtol: 1e-12)
        expectClose(d.statistic, Reference.number(r["statistic"]), rtol: 1e-9)
        expectClose(d.p, Reference.number(r["p"]), rtol: 1e-9)
        expectClose(d.lower, Reference.number(r["lower"]), rtol: 1e-9)
        expectClose(d.upper, Reference.number(r["upper"]), rtol: 1e-9)
    }

    @Test("lonely.psu = average in domains: a county with one school and none of the domain's neither counts nor is averaged")
    func lonelyAverageInDomains() throws {
        let t = try Self.fixture("apistrat")
        let design = try SurveyDesign(weights: t["pw"]!.numbers!, strata: Reference.labels(t, "cname"), clusters: nil, fpc: nil,
                                      rowCount: t.rowCount, lonelyPSU: .average)
        let means = Self.r["lonely_average_mean"] as! [String: Any]
        #expect(Reference.number(means["lonely_strata"]) == 13)   // the case that matters: lone counties exist
        let yes = Self.r["lonely_average_share_yes"] as! [String: Any]
        let wide = Reference.labels(t, "sch.wide").map { $0 == "Yes" ? 1.0 : 0.0 }
        for (i, group) in (means["group"] as! [String]).enumerated() {
            let domain = Reference.domain("stype", group, table: t)
            let mean = try design.mean(t["api00"]!.numbers!, in: domain)
            expectClose(mean.estimate, Reference.numbers(means["estimate"])[i], rtol: 1e-12)
            expectClose(mean.standardError, Reference.numbers(means["se"])[i], rtol: 1e-9)
            let share = try design.proportion(wide, in: domain)
            expectClose(share.estimate, Reference.numbers(yes["estimate"])[i], rtol: 1e-12)
            expectClose(share.standardError, Reference.numbers(yes["se"])[i], rtol: 1e-9)
        }
    }

    @Test("the share of the stratification variable has SE 0 and deff 0, as R (it was «—» and −4.9e-16)")
    func stratifierShare() throws {
        let t = try Self.fixture("apistrat")
        let design = try SurveyDesign(weights: t["pw"]!.numbers!, strata: Reference.labels(t, "stype"), clusters: nil, fpc: t["fpc"]!.numbers!,
                                      rowCount: t.rowCount)
        let r = Self.r["stratifier_share"] as! [String: Any]
        for (i, level) in (r["level"] as! [String]).enumerated() {
            let indicator = Reference.labels(t, "stype").map { $0 == level ? 1.0 : 0.0 }
            let share = try design.proportion(indicator, in: .all(t.rowCount))
            expectClose(share.estimate, Reference.numbers(r["estimate"])[i], rtol: 1e-12)
            #expect(share.variance == 0 && share.standardError == 0, "\(level): \(share.variance)")
            #expect(share.deff == 0)
        }
    }
}

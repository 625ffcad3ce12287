import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Means, totals, ratios, quantiles and domains against R's survey (Fixtures/r_reference.json).
@Suite struct EstimatorTests {
    let design = try! Reference.design()
    let all = Domain.all(850)

    @Test("svymean(~csat, na.rm = TRUE, deff = TRUE) and svytotal, with confint")
    func meanAndTotal() throws {
        let r = Reference.object("mean_csat")
        let mean = try design.mean(Reference.values("csat"), in: all)
        expectClose(mean.estimate, Reference.number(r["estimate"]), rtol: 1e-12)
        expectClose(mean.standardError, Reference.number(r["se"]), rtol: 1e-10)
        expectClose(mean.deff!, Reference.number(r["deff"]), rtol: 1e-10)
        expectClose([mean.lower, mean.upper], Reference.numbers(r["ci"]), rtol: 1e-12)
        #expect(mean.n == 850 - 37)
        #expect(design.degreesOfFreedom == Int(Reference.number(Reference.json["degf"])))

        let t = Reference.object("total_csat")
        let total = try design.total(Reference.values("csat"), in: all)
        expectClose(total.estimate, Reference.number(t["estimate"]), rtol: 1e-12)
        expectClose(total.standardError, Reference.number(t["se"]), rtol: 1e-10)
        expectClose(total.deff!, Reference.number(t["deff"]), rtol: 1e-10)
    }

    @Test("domains: svyby(~csat, ~canal, svymean) and two by-columns")
    func domains() throws {
        let r = Reference.object("mean_csat_by_canal")
        for (i, canal) in (r["canal"] as! [String]).enumerated() {
            let e = try design.mean(Reference.values("csat"), in: Reference.domain("canal", canal))
            expectClose(e.estimate, Reference.numbers(r["estimate"])[i], rtol: 1e-12)
            expectClose(e.standardError, Reference.numbers(r["se"])[i], rtol: 1e-10)
            expectClose(e.deff!, Reference.numbers(r["deff"])[i], rtol: 1e-10)
        }
        let two = Reference.object("mean_satisf_by_canal_sexo")
        let canal = Reference.labels(Reference.responses, "canal"), sexo = Reference.labels(Reference.responses, "sexo")
        for i in 0..<6 {
            let c = (two["canal"] as! [String])[i], s = (two["sexo"] as! [String])[i]
            let domain = Domain(group: [("canal", c), ("sexo", s)], rows: (0..<850).map { canal[$0] == c && sexo[$0] == s })
            let e = try design.mean(Reference.values("satisf_general"), in: domain)
            expectClose(e.estimate, Reference.numbers(two["estimate"])[i], rtol: 1e-12)
            expectClose(e.standardError, Reference.numbers(two["se"])[i], rtol: 1e-10)
        }
    }

    @Test("the difference of two domain means: svyby(covmat = TRUE) + svycontrast, tested as svyttest")
    func difference() throws {
        let r = Reference.object("diff_edad_web_presencial")
        let web = try design.mean(Reference.values("edad"), in: Reference.domain("canal", "web"))
        let presencial = try design.mean(Reference.values("edad"), in: Reference.domain("canal", "presencial"))
        let d = try Difference(web, presencial, design: design)
        expectClose(d.estimate, Reference.number(r["estimate"]), rtol: 1e-12)
        expectClose(d.standardError, Reference.number(r["se"]), rtol: 1e-10)
        // svyttest(edad ~ I(canal == "web"), subset(d, canal %in% c("web", "presencial"))): its df, t, p and interval
        #expect(d.degreesOfFreedom == Reference.number(r["df"]))
        expectClose(d.statistic, Reference.number(r["t"]), rtol: 1e-9)
        expectClose(d.p, Reference.number(r["p"]), rtol: 1e-8)
        expectClose(d.lower, Reference.number(r["lower"]), rtol: 1e-9)
        expectClose(d.upper, Reference.number(r["upper"]), rtol: 1e-9)
    }

    @Test("svyratio(~satisf_general, ~amabilidad, na.rm = TRUE)")
    func ratio() throws {
        let r = Reference.object("ratio_satisf_amabilidad")
        let e = try design.ratio(Reference.values("satisf_general"), over: Reference.values("amabilidad"), in: all, denominator: "amabilidad")
        expectClose(e.estimate, Reference.number(r["estimate"]), rtol: 1e-12)
        expectClose(e.standardError, Reference.number(r["se"]), rtol: 1e-9)
    }

    @Test("svyquantile(~edad, c(0.25, 0.5), ci = TRUE): qrule math, Woodruff interval")
    func quantiles() throws {
        let r = Reference.object("quantile_edad")
        for (i, p) in Reference.numbers(r["p"]).enumerated() {
            let e = try design.quantile(Reference.values("edad"), probability: p, in: all)
            #expect(e.estimate == Reference.numbers(r["estimate"])[i])
            #expect(e.lower == Reference.numbers(r["lower"])[i])
            #expect(e.upper == Reference.numbers(r["upper"])[i])
            expectClose(e.standardError, Reference.numbers(r["se"])[i], rtol: 1e-10)
        }
    }

    @Test("one-stage cluster sample: apiclus1 (svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc))")
    func cluster() throws {
        let (api, _) = try CSVReader.read(path: Bundle.module.url(forResource: "Fixtures/apiclus1", withExtension: "csv")!.path)
        let design = try SurveyDesign(weights: api["pw"]!.numbers!, strata: nil, clusters: Reference.labels(api, "dnum"),
                                      fpc: api["fpc"]!.numbers!, rowCount: api.rowCount)
        let r = Reference.object("apiclus1")
        #expect(design.degreesOfFreedom == Int(Reference.number(r["degf"])))
        let mean = try design.mean(api["api00"]!.numbers!, in: .all(api.rowCount))
        let m = r["mean_api00"] as! [String: Any]
        // Lumley's printed figures: 644.17, SE 23.542
        expectClose(mean.estimate, Reference.number(m["estimate"]), rtol: 1e-12)
        expectClose(mean.standardError, Reference.number(m["se"]), rtol: 1e-10)
        expectClose(mean.deff!, Reference.number(m["deff"]), rtol: 1e-10)
        let total = try design.total(api["enroll"]!.numbers!, in: .all(api.rowCount))
        let t = r["total_enroll"] as! [String: Any]
        expectClose(total.estimate, Reference.number(t["estimate"]), rtol: 1e-12)
        expectClose(total.standardError, Reference.number(t["se"]), rtol: 1e-10)
        expectClose(total.deff!, Reference.number(t["deff"]), rtol: 1e-10)
        let yes = Reference.labels(api, "sch.wide").map { $0 == "Yes" ? 1.0 : 0.0 }
        let p = try design.proportion(yes, in: .all(api.rowCount))
        expectClose([p.lower, p.upper], Reference.numbers(r["prop_sch_wide_logit"]), rtol: 1e-9)
    }

    @Test("a stratum with one unit: fail by default, and R's remove, adjust and average")
    func lonelyPSU() throws {
        let table = Reference.responses
        let categoria = Reference.labels(table, "categoria")
        var rows = Array(categoria.indices.filter { categoria[$0] == "A" }.prefix(40))
        rows.append(categoria.firstIndex(of: "C")!)
        let lone = table.selecting(rows)
        // R: lone$N_estrato is 14010 for A and 2022 for C, as in the data.
        #expect(throws: AnalysisError.lonelyPSU(stratum: "C")) { try Reference.design(table: lone) }
        for policy in [LonelyPSUPolicy.remove, .adjust, .average] {
            let design = try Reference.design(policy, table: lone)
            let e = try design.mean(lone["edad"]!.numbers!, in: .all(lone.rowCount))
            expectClose(e.standardError, Reference.number(Reference.object("lonely_\(policy.rawValue)")["se"]), rtol: 1e-10)
        }
    }

    @Test("bad designs are refused with the row")
    func badDesigns() {
        #expect(throws: AnalysisError.nonPositiveWeight(column: "peso", row: 2)) {
            try SurveyDesign(weights: [1, 0, 2], strata: nil, clusters: nil, fpc: nil, rowCount: 3)
        }
        #expect(throws: AnalysisError.inconsistentFPC(stratum: "A")) {
            try SurveyDesign(weights: nil, strata: ["A", "A"], clusters: nil, fpc: [10, 11], rowCount: 2)
        }
        #expect(throws: AnalysisError.emptyDomain("canal = fax")) {
            try Reference.design().mean(Reference.values("csat"), in: Domain(group: [("canal", "fax")], rows: [Bool](repeating: false, count: 850)))
        }
    }
}

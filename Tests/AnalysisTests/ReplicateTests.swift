import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Replicate-weight designs against R's survey 4.1 (Scripts/reference/replicates.R →
/// Fixtures/r_replicates.json): R's own JK1 weights of apiclus1 read as a vendor file would be
/// (`--repweights 'rep_*' --type jk1`), and every estimator and model on them.
@Suite struct ReplicateTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_replicates", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()
    static var jk1: [String: Any] { r["jk1"] as! [String: Any] }

    static func list(_ v: Any?) -> [Double] { (v as? [Any]).map { $0.map { Reference.number($0) } } ?? [Reference.number(v)] }
    static func figure(_ o: [String: Any], _ key: String) -> (estimate: [Double], se: [Double]) {
        let f = o[key] as! [String: Any]
        return (list(f["estimate"]), list(f["se"]))
    }

    /// apiclus1 with R's 15 JK1 replicates, as `svrepdesign(type = "JK1")` of `as.svrepdesign(dclus1)`.
    static func design() throws -> (Table, SurveyDesign) {
        let t = try DesignDefectTests.fixture("apiclus1_jk1")
        let base = try SurveyDesign(weights: t["pw"]!.numbers!, strata: nil, clusters: Reference.labels(t, "dnum"), fpc: t["fpc"]!.numbers!,
                                    rowCount: t.rowCount)
        let columns = ReplicateColumns(pattern: "rep_*", header: t.columnNames, kind: .jk1, rho: nil, mse: false)
        #expect(columns.names.count == 15 && columns.names.first == "rep_1" && columns.names.last == "rep_15")
        return (t, base.withReplicates(try ReplicateWeights(table: t, columns: columns, design: base)))
    }

    @Test("JK1: scale (R−1)/R·(1−f), degrees of freedom, means with deff, totals, domains, ratios, shares")
    func estimators() throws {
        let (t, design) = try Self.design()
        let j = Self.jk1
        let replication = try #require(design.replication)
        expectClose(replication.scale, Reference.number(j["scale"]), rtol: 1e-12)   // 14/15 · (1 − 15/757)
        #expect(design.degreesOfFreedom == Int(Reference.number(j["degf"])))
        let all = Domain.all(t.rowCount)
        let api00 = t["api00"]!.numbers!
        let mean = try design.mean(api00, in: all)
        let m = j["mean_api00"] as! [String: Any]
        expectClose(mean.estimate, Reference.number(m["estimate"]), rtol: 1e-12)
        expectClose(mean.standardError, Reference.number(m["se"]), rtol: 1e-9)
        expectClose(mean.deff!, Reference.number(m["deff"]), rtol: 1e-9)
        let total = try design.total(t["enroll"]!.numbers!, in: all)
        expectClose(total.standardError, Self.figure(j, "total_enroll").se[0], rtol: 1e-9)
        let by = j["mean_by_stype"] as! [String: Any]
        for (i, group) in (by["group"] as! [String]).enumerated() {
            let e = try design.mean(api00, in: Reference.domain("stype", group, table: t))
            expectClose(e.standardError, Self.list(by["se"])[i], rtol: 1e-9)
        }
        let ratio = try design.ratio(api00, over: t["api99"]!.numbers!, in: all, denominator: "api99")
        expectClose(ratio.standardError, Self.figure(j, "ratio").se[0], rtol: 1e-9)
        let wide = Reference.labels(t, "sch.wide")
        let share = try design.mean(wide.map { $0 == "No" ? 1 : 0 }, in: all)
        expectClose(share.standardError, Self.figure(j, "share_schwide").se[0], rtol: 1e-9)
    }

    @Test("JK1: the median's Woodruff interval, svyttest's df and p, svyglm linear and logistic, svychisq's F")
    func inferenceAndModels() throws {
        let (t, design) = try Self.design()
        let j = Self.jk1
        let median = try design.quantile(t["api00"]!.numbers!, probability: 0.5, in: .all(t.rowCount))
        let q = j["median"] as! [String: Any]
        #expect(median.estimate == Reference.number(q["estimate"]) && median.lower == Reference.number(q["lower"]) && median.upper == Reference.number(q["upper"]))
        expectClose(median.standardError, Reference.number(q["se"]), rtol: 1e-9)

        let api00 = t["api00"]!.numbers!
        let d = try Difference(try design.mean(api00, in: Reference.domain("sch.wide", "Yes", table: t)),
                               try design.mean(api00, in: Reference.domain("sch.wide", "No", table: t)), design: design)
        let tt = j["ttest"] as! [String: Any]
        #expect(d.degreesOfFreedom == Reference.number(tt["df"]))
        expectClose(d.estimate, Reference.number(tt["estimate"]), rtol: 1e-12)
        expectClose(d.p, Reference.number(tt["p"]), rtol: 1e-8)
        expectClose([d.lower, d.upper], [Reference.number(tt["lower"]), Reference.number(tt["upper"])], rtol: 1e-8)

        let linear = try Regression.linear(try ModelMatrix(table: t, formula: Formula(parsing: "api00 ~ enroll")), design: design)
        let lin = j["linear"] as! [String: Any]
        expectClose(linear.coefficients.map { $0.standardError! }, Self.list(lin["se"]), rtol: 1e-8)
        #expect(linear.residualDF == Int(Reference.number(lin["df"])))
        let logistic = try Regression.logistic(try ModelMatrix(table: t, formula: Formula(parsing: "sch.wide ~ api00"), response: .binary(level: "Yes")),
                                               design: design)
        let logi = j["logistic"] as! [String: Any]
        expectClose(logistic.coefficients.map { $0.estimate! }, Self.list(logi["coef"]), rtol: 1e-7)
        expectClose(logistic.coefficients.map { $0.standardError! }, Self.list(logi["se"]), rtol: 1e-6)

        let tab = try CrossTab(design: design, rowLabels: Reference.labels(t, "stype"), columnLabels: Reference.labels(t, "sch.wide"),
                               rowName: "stype", columnName: "sch.wide", order: LevelOrder.less)
        let chi = j["chisq"] as! [String: Any]
        expectClose(tab.raoScott.f, Reference.number(chi["f"]), rtol: 1e-8)
        expectClose(tab.raoScott.df1, Reference.number(chi["df1"]), rtol: 1e-8)
        expectClose(tab.raoScott.df2, Reference.number(chi["df2"]), rtol: 1e-8)
        expectClose(tab.raoScott.p, Reference.number(chi["p"]), rtol: 1e-7)
    }

    @Test("calibrating a replicate design calibrates every replicate: postStratify, rake and calibrate of R's JK1 design")
    func calibrated() throws {
        let (t, design) = try Self.design()
        let c = Self.r["jk1_calibrated"] as! [String: Any]
        let api00 = t["api00"]!.numbers!, all = Domain.all(t.rowCount)
        for (key, method) in [("poststratified", CalibrationMethod.postStratify(["stype"])), ("raked", .rake(["stype", "sch.wide"])),
                              ("linear", .linear(["stype", "api99"]))] {
            let calibrated = try design.calibrated(method, table: t, path: "apiclus1_jk1.csv", population: CalibrationTests.population)
            let mean = try calibrated.mean(api00, in: all)
            expectClose(mean.estimate, Self.figure(c, key).estimate[0], rtol: 1e-9)
            expectClose(mean.standardError, Self.figure(c, key).se[0], rtol: 1e-8)
        }
        let total = try design.calibrated(.postStratify(["stype"]), table: t, path: "apiclus1_jk1.csv", population: CalibrationTests.population)
            .total(t["enroll"]!.numbers!, in: all)
        expectClose(total.standardError, Self.figure(c, "poststratified_total").se[0], rtol: 1e-8)
    }

    @Test("the replicate formula by hand: three replicates 1, 2, 6 of an estimate 3 (mean 3): scale·Σ(θr − θ̄)² = ½·14 = 7; with mse around θ̂ = 2: ½·(1 + 0 + 16)")
    func formula() {
        let w = [[1.0], [1.0], [1.0]]
        #expect(ReplicateWeights(kind: .bootstrap, weights: w, scale: 0.5, rscales: [1, 1, 1]).variance([1, 2, 6], full: 3) == 7)
        #expect(ReplicateWeights(kind: .bootstrap, weights: w, scale: 0.5, rscales: [1, 1, 1], mse: true).variance([1, 2, 6], full: 2) == 8.5)
    }

    @Test("the columns --repweights names: a pattern with *, a list; errors for none and for a negative weight")
    func columns() throws {
        #expect(ReplicateWeights.matching("rep_*", in: ["id", "rep_1", "rep_2", "rep_x", "peso"]) == ["rep_1", "rep_2", "rep_x"])
        #expect(ReplicateWeights.matching("r*_w", in: ["r1_w", "r2_w", "r3", "w"]) == ["r1_w", "r2_w"])
        #expect(ReplicateWeights.matching("a,c", in: ["a", "b", "c"]) == ["a", "c"])
        let (t, _) = try Self.design()
        let base = try SurveyDesign(weights: t["pw"]!.numbers!, strata: nil, clusters: nil, fpc: nil, rowCount: t.rowCount)
        #expect(throws: AnalysisError.noReplicateColumns(pattern: "réplica_*")) {
            try ReplicateWeights(table: t, columns: ReplicateColumns(pattern: "réplica_*", header: t.columnNames, kind: .jk1, rho: nil, mse: false), design: base)
        }
    }
}

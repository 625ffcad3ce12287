import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Calibrated designs against R's survey 4.1 (Scripts/reference/calibration.R →
/// Fixtures/r_calibration.json): `postStratify`, `rake` and `calibrate` on apiclus1 (a one-stage
/// cluster sample) and apistrat (a stratified sample), with the population figures of apipop.
@Suite struct CalibrationTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_calibration", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    /// A totals file written out for a test.
    static func totals(_ text: String, name: String = "totales.csv") throws -> PopulationTotals {
        let directory = TemporaryDirectory()
        let path = directory.file(name, text: text)
        return try PopulationTotals(totals: try CSVReader.read(path: path).table, path: name)
    }

    static let apipop = try! DesignDefectTests.fixture("apipop")
    static let population = PopulationTotals(frame: apipop, path: "apipop.csv")

    static func clusterDesign() throws -> (Table, SurveyDesign) {
        try DesignDefectTests.apiclus1()
    }

    static func stratifiedDesign() throws -> (Table, SurveyDesign) {
        let t = try DesignDefectTests.fixture("apistrat_cal")
        return (t, try SurveyDesign(weights: t["pw"]!.numbers!, strata: Reference.labels(t, "stype"), clusters: nil, fpc: t["fpc"]!.numbers!,
                                    rowCount: t.rowCount))
    }

    /// Every figure `summarise()` of the R script computes, for one design.
    static func expectSummary(_ key: String, _ t: Table, _ design: SurveyDesign, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = Self.r[key] as! [String: Any]
        func figure(_ name: String) -> (estimate: [Double], se: [Double]) {
            let o = r[name] as! [String: Any]
            // R writes one figure as a number and several as a list.
            func list(_ v: Any?) -> [Double] { (v as? [Any]).map { $0.map { Reference.number($0) } } ?? [Reference.number(v)] }
            return (list(o["estimate"]), list(o["se"]))
        }
        let all = Domain.all(t.rowCount)
        expectClose(Array(design.weights.prefix(5)), Reference.numbers(r["weights_head"]), rtol: 1e-9, sourceLocation: sourceLocation)

        let total = try design.total(t["enroll"]!.numbers!, in: all)
        expectClose(total.estimate, figure("total_enroll").estimate[0], rtol: 1e-9, sourceLocation: sourceLocation)
        expectClose(total.standardError, figure("total_enroll").se[0], rtol: 1e-7, sourceLocation: sourceLocation)

        let api00 = t["api00"]!.numbers!
        let mean = try design.mean(api00, in: all)
        let m = r["mean_api00"] as! [String: Any]
        expectClose(mean.estimate, Reference.number(m["estimate"]), rtol: 1e-9, sourceLocation: sourceLocation)
        expectClose(mean.standardError, Reference.number(m["se"]), rtol: 1e-7, sourceLocation: sourceLocation)
        expectClose(mean.deff!, Reference.number(m["deff"]), rtol: 1e-7, sourceLocation: sourceLocation)

        let byWide = r["mean_api00_by_schwide"] as! [String: Any]
        for (i, group) in (byWide["group"] as! [String]).enumerated() {
            let estimate = try design.mean(api00, in: Reference.domain("sch.wide", group, table: t))
            expectClose(estimate.estimate, Reference.numbers(byWide["estimate"])[i], rtol: 1e-9, sourceLocation: sourceLocation)
            expectClose(estimate.standardError, Reference.numbers(byWide["se"])[i], rtol: 1e-7, sourceLocation: sourceLocation)
        }

        let wide = Reference.labels(t, "sch.wide")
        for (i, level) in ["No", "Yes"].enumerated() {
            let share = try design.mean(wide.map { $0 == level ? 1 : 0 }, in: all)
            expectClose(share.estimate, figure("share_schwide").estimate[i], rtol: 1e-9, sourceLocation: sourceLocation)
            expectClose(share.standardError, figure("share_schwide").se[i], rtol: 1e-7, atol: 1e-10, sourceLocation: sourceLocation)
        }
        let type = Reference.labels(t, "stype")
        for (i, level) in ["E", "H", "M"].enumerated() {
            let count = try design.total(type.map { $0 == level ? 1 : 0 }, in: all)
            expectClose(count.estimate, figure("total_stype").estimate[i], rtol: 1e-9, sourceLocation: sourceLocation)
            expectClose(count.standardError, figure("total_stype").se[i], rtol: 1e-7, atol: 1e-6, sourceLocation: sourceLocation)
        }

        let ratio = try design.ratio(api00, over: t["api99"]!.numbers!, in: all, denominator: "api99")
        expectClose(ratio.estimate, figure("ratio_api00_api99").estimate[0], rtol: 1e-9, sourceLocation: sourceLocation)
        expectClose(ratio.standardError, figure("ratio_api00_api99").se[0], rtol: 1e-7, sourceLocation: sourceLocation)

        let glm = r["glm_api00_enroll"] as! [String: Any]
        let fit = try Regression.linear(try ModelMatrix(table: t, formula: Formula(parsing: "api00 ~ enroll")), design: design)
        expectClose(fit.coefficients.map { $0.estimate! }, Reference.numbers(glm["coef"]), rtol: 1e-9, sourceLocation: sourceLocation)
        expectClose(fit.coefficients.map { $0.standardError! }, Reference.numbers(glm["se"]), rtol: 1e-7, sourceLocation: sourceLocation)
    }

    @Test("the uncalibrated cluster design gives R's figures (the baseline the calibrations move from)")
    func uncalibrated() throws {
        let (t, design) = try Self.clusterDesign()
        try Self.expectSummary("cluster_uncalibrated", t, design)
    }

    @Test("postStratify(dclus1, ~stype): the total of enroll has SE 406,293 (as fixed weights: 1,021,788 → now R's), type counts SE 0")
    func postStratified() throws {
        let (t, design) = try Self.clusterDesign()
        let calibrated = try design.calibrated(.postStratify(["stype"]), table: t, path: "apiclus1.csv", population: Self.population)
        try Self.expectSummary("cluster_poststratified", t, calibrated)
        // By hand: every cell's weights add up to its count in apipop (E 4,421, H 755, M 1,018).
        let type = Reference.labels(t, "stype")
        for (level, count) in [("E", 4421.0), ("H", 755), ("M", 1018)] {
            expectClose(zip(type, calibrated.weights).filter { $0.0 == level }.map(\.1).reduce(0, +), count, rtol: 1e-12)
        }
    }

    @Test("postStratify on crossed cells (stype × sch.wide)")
    func postStratifiedCrossed() throws {
        let (t, design) = try Self.clusterDesign()
        let calibrated = try design.calibrated(.postStratify(["stype", "sch.wide"]), table: t, path: "apiclus1.csv", population: Self.population)
        try Self.expectSummary("cluster_poststratified_cross", t, calibrated)
    }

    @Test("rake(dclus1, list(~stype, ~sch.wide)) run to convergence")
    func raked() throws {
        let (t, design) = try Self.clusterDesign()
        let calibrated = try design.calibrated(.rake(["stype", "sch.wide"]), table: t, path: "apiclus1.csv", population: Self.population)
        try Self.expectSummary("cluster_raked", t, calibrated)
    }

    @Test("calibrate(dclus1, ~stype + api99, totals): linear (GREG) calibration")
    func linear() throws {
        let (t, design) = try Self.clusterDesign()
        let calibrated = try design.calibrated(.linear(["stype", "api99"]), table: t, path: "apiclus1.csv", population: Self.population)
        try Self.expectSummary("cluster_linear", t, calibrated)
    }

    @Test("a stratified sample (each row its own unit) post-stratified by sch.wide")
    func stratifiedPostStratified() throws {
        let (t, design) = try Self.stratifiedDesign()
        let calibrated = try design.calibrated(.postStratify(["sch.wide"]), table: t, path: "apistrat.csv", population: Self.population)
        try Self.expectSummary("strat_poststratified", t, calibrated)
    }

    @Test("a totals file gives the same calibration as the frame it was counted from")
    func totalsFile() throws {
        let (t, design) = try Self.clusterDesign()
        let text = "variable,categoria,total\nstype,E,4421\nstype,H,755\nstype,M,1018\napi99,,3914069\n"
        let totals = try Self.totals(text)
        let fromFile = try design.calibrated(.linear(["stype", "api99"]), table: t, path: "apiclus1.csv", population: totals)
        try Self.expectSummary("cluster_linear", t, fromFile)
    }

    @Test("svyvar(~api00, dclus1) and by type: the population variance with R's SE (same fixture, uncalibrated design)")
    func populationVariance() throws {
        let (t, design) = try Self.clusterDesign()
        let api00 = t["api00"]!.numbers!
        let all = try design.populationVariance(api00, in: .all(t.rowCount))
        let o = Self.r["svyvar_api00"] as! [String: Any]
        expectClose(all.estimate, Reference.number(o["estimate"]), rtol: 1e-12)
        expectClose(all.standardError, Reference.number(o["se"]), rtol: 1e-10)
        let by = Self.r["svyvar_api00_by_stype"] as! [String: Any]
        for (i, group) in (by["group"] as! [String]).enumerated() {
            let e = try design.populationVariance(api00, in: Reference.domain("stype", group, table: t))
            expectClose(e.estimate, Reference.numbers(by["estimate"])[i], rtol: 1e-12)
            expectClose(e.standardError, Reference.numbers(by["se"])[i], rtol: 1e-10)
        }
    }

    @Test("errors name the file, the line and the value")
    func errors() throws {
        let (t, design) = try Self.clusterDesign()
        let onlyTwo = try Self.totals("variable,categoria,total\nstype,E,4421\nstype,M,1018\n")
        // The first high school of apiclus1 is on line 2 of the file (its first row).
        #expect(throws: CalibrationError.unknownCell(file: "apiclus1.csv", line: 2, column: "stype", value: "H")) {
            try design.calibrated(.postStratify(["stype"]), table: t, path: "apiclus1.csv", population: onlyTwo)
        }
        let extra = try Self.totals("variable,categoria,total\nstype,E,1\nstype,H,1\nstype,M,1\nstype,X,5\n")
        #expect(throws: CalibrationError.emptyCell("stype = X")) {
            try design.calibrated(.postStratify(["stype"]), table: t, path: "apiclus1.csv", population: extra)
        }
        #expect(throws: CalibrationError.badTotals(file: "t.csv", line: 3, field: "total", problem: .notANumber("mil"))) {
            try Self.totals("variable,categoria,total\nstype,E,4421\nstype,H,mil\n", name: "t.csv")
        }
        #expect(throws: CalibrationError.missingTotal(file: "totales.csv", variable: "api99")) {
            try design.calibrated(.linear(["api99", "stype"]), table: t, path: "apiclus1.csv", population: onlyTwo)
        }
        // Numeric totals alone need the population size: a line «N,,6194».
        #expect(throws: CalibrationError.missingTotal(file: "totales.csv", variable: "N")) {
            try design.calibrated(.linear(["api99"]), table: t, path: "apiclus1.csv", population: onlyTwo)
        }
    }
}

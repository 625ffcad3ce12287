import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Linear and logistic regression against R's lm, glm(binomial) and svyglm on respuestas.csv
/// (Scripts/reference/regression.R → Fixtures/r_regression.json), to 1e-6 relative as issue 8 asks.
@Suite struct RegressionTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_regression", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()
    static func object(_ key: String) -> [String: Any] { r[key] as! [String: Any] }

    /// Estimates, standard errors, statistics and p-values, term by term, as summary() printed them.
    func expectCoefficients(_ fit: RegressionFit, _ expected: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        let terms = expected["term"] as! [String]
        #expect(fit.coefficients.map(\.term) == terms, sourceLocation: sourceLocation)
        expectClose(fit.coefficients.map { $0.estimate! }, Reference.numbers(expected["estimate"]), rtol: 1e-6, sourceLocation: sourceLocation)
        expectClose(fit.coefficients.map { $0.standardError! }, Reference.numbers(expected["se"]), rtol: 1e-6, sourceLocation: sourceLocation)
        expectClose(fit.coefficients.map { $0.statistic! }, Reference.numbers(expected["statistic"]), rtol: 1e-6, sourceLocation: sourceLocation)
        expectClose(fit.coefficients.map { $0.p! }, Reference.numbers(expected["p"]), rtol: 1e-6, sourceLocation: sourceLocation)
    }

    @Test("lm(satisf_general ~ amabilidad + tiempo_espera + canal): coefficients, R², adjusted R², sigma, F")
    func ordinaryLeastSquares() throws {
        let model = try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ amabilidad + tiempo_espera + canal"))
        let fit = try Regression.linear(model)
        let e = Self.object("lm")
        expectCoefficients(fit, e)
        #expect(fit.n == 780 && fit.excluded == 70)
        expectClose(fit.r2!, Reference.number(e["r2"]), rtol: 1e-6)
        expectClose(fit.adjustedR2!, Reference.number(e["adj_r2"]), rtol: 1e-6)
        expectClose(fit.sigma!, Reference.number(e["sigma"]), rtol: 1e-6)
        expectClose(fit.f!, Reference.number(e["f"]), rtol: 1e-6)
        #expect(fit.fDF! == (4, 775))
        expectClose(fit.fP!, Reference.number(e["f_p"]), rtol: 1e-6)
    }

    @Test("an interaction with a chosen reference level: lm(satisf_general ~ amabilidad + canal + amabilidad:canal), web as reference")
    func interaction() throws {
        let model = try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ amabilidad * canal"),
                                    references: ["canal": "web"])
        let fit = try Regression.linear(model)
        let e = Self.object("lm_interaction")
        expectCoefficients(fit, e)
        expectClose(fit.r2!, Reference.number(e["r2"]), rtol: 1e-6)
        expectClose(fit.f!, Reference.number(e["f"]), rtol: 1e-6)
    }

    @Test("a perfectly collinear regressor is reported as aliased, as R's NA, and the others fitted without it")
    func aliased() throws {
        let doubled = Reference.values("amabilidad").map { 2 * $0 }
        let table = Reference.responses.appending([Column(name: "doble", type: .decimal, storage: .numeric(doubled))])
        let model = try ModelMatrix(table: table, formula: Formula(parsing: "satisf_general ~ amabilidad + doble + precio"))
        let fit = try Regression.linear(model)
        let e = Self.object("lm_aliased")
        #expect(fit.aliased == ["doble"])
        let expected = (e["coefficients"] as! [Any]).compactMap { $0 as? Double }
        expectClose(fit.coefficients.compactMap(\.estimate), expected, rtol: 1e-6)
        expectClose(fit.coefficients.compactMap(\.standardError), Reference.numbers(e["se"]), rtol: 1e-6)
        expectClose(fit.r2!, Reference.number(e["r2"]), rtol: 1e-6)
    }

    @Test("glm(si ~ amabilidad + precio, binomial): coefficients, z, deviance, null deviance, AIC, iterations")
    func logistic() throws {
        let model = try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "recomendaria ~ amabilidad + precio"),
                                    response: .binary(level: "si"))
        let fit = try Regression.logistic(model)
        let e = Self.object("glm")
        expectCoefficients(fit, e)
        #expect(fit.n == Int(Reference.number(e["n"])))
        expectClose(fit.deviance!, Reference.number(e["deviance"]), rtol: 1e-6)
        expectClose(fit.nullDeviance!, Reference.number(e["null_deviance"]), rtol: 1e-6)
        expectClose(fit.aic!, Reference.number(e["aic"]), rtol: 1e-6)
        #expect(fit.iterations == Int(Reference.number(e["iterations"])))
    }

    @Test("svyglm gaussian: weighted coefficients, linearised SEs with the stratified design and fpc, t on 773 df, Wald F")
    func designLinear() throws {
        let model = try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ amabilidad + tiempo_espera + canal"))
        let fit = try Regression.linear(model, design: try Reference.design())
        let e = Self.object("svyglm")
        expectCoefficients(fit, e)
        #expect(fit.residualDF == Int(Reference.number(e["df"])))
        // svyglm's «dispersion» (Σ w̃² e² / Σ w̃, w̃ the rescaled weights) is not a residual SD: not reported.
        #expect(fit.sigma == nil && fit.adjustedR2 == nil)
        expectClose(fit.r2!, Reference.number(e["r2_weighted"]), rtol: 1e-6)
        expectClose(fit.f!, Reference.number(e["wald_f"]), rtol: 1e-6)
        #expect(fit.fDF! == (4, 773))
        expectClose(fit.fP!, Reference.number(e["wald_p"]), rtol: 1e-6)
    }

    @Test("svyglm quasibinomial: coefficients, SEs, t on 801 df, deviance with weights rescaled to mean 1")
    func designLogistic() throws {
        let model = try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "recomendaria ~ amabilidad + precio"),
                                    response: .binary(level: "si"))
        let fit = try Regression.logistic(model, design: try Reference.design())
        let e = Self.object("svyglm_quasibinomial")
        expectCoefficients(fit, e)
        #expect(fit.residualDF == Int(Reference.number(e["df"])))
        expectClose(fit.deviance!, Reference.number(e["deviance"]), rtol: 1e-6)
        #expect(fit.aic == nil)
    }

    @Test("key drivers: Johnson's relative weights and standardised coefficients as R computes them from the definition, unweighted and weighted; R² = lm's; performance = svymean")
    func keyDrivers() throws {
        let names = ["amabilidad", "tiempo_espera", "claridad_info", "instalaciones", "precio"]
        let simple = try SurveyDesign(weights: nil, strata: nil, clusters: nil, fpc: nil, rowCount: Reference.responses.rowCount)
        let plain = try KeyDrivers(table: Reference.responses, outcome: "satisf_general", drivers: names, design: simple)
        let e = Self.object("relative_weights")
        #expect(plain.n == Int(Reference.number(e["n"])))
        expectClose(plain.drivers.map(\.relativeWeight), Reference.numbers(e["weights"]), rtol: 1e-6)
        expectClose(plain.drivers.map(\.share), Reference.numbers(e["share"]), rtol: 1e-6)
        expectClose(plain.drivers.map(\.standardized), Reference.numbers(e["standardized"]), rtol: 1e-6)
        expectClose(plain.r2, Reference.number(Self.r["relative_weights_check_r2"]), rtol: 1e-6)

        let weighted = try KeyDrivers(table: Reference.responses, outcome: "satisf_general", drivers: names, design: try Reference.design())
        let w = Self.object("relative_weights_weighted")
        expectClose(weighted.drivers.map(\.relativeWeight), Reference.numbers(w["weights"]), rtol: 1e-6)
        expectClose(weighted.drivers.map(\.standardized), Reference.numbers(w["standardized"]), rtol: 1e-6)
        let means = Self.object("driver_means")
        expectClose(weighted.drivers.map(\.performance.estimate), names.map { Reference.number(means[$0]) }, rtol: 1e-9)
        // The quadrant by hand: share above 1/5 and mean above the drivers' average → maintain, etc.
        let average = weighted.drivers.map(\.performance.estimate).reduce(0, +) / 5
        for d in weighted.drivers {
            let expected: KeyDrivers.Quadrant = d.share >= 0.2 ? (d.performance.estimate >= average ? .maintain : .improve)
                                                                : (d.performance.estimate >= average ? .surplus : .monitor)
            #expect(d.quadrant == expected)
        }
    }

    // MARK: - Bad input: a clear message, never a crash or a silent wrong number

    /// A small table: numeric columns from numbers, categorical ones from labels.
    static func table(numbers: [String: [Double]], labels: [String: [String]]) -> Table {
        var columns = numbers.keys.sorted().map { Column(name: $0, type: .decimal, storage: .numeric(numbers[$0]!)) }
        for name in labels.keys.sorted() {
            let levels = Array(Set(labels[name]!)).sorted()
            columns.append(Column(name: name, type: .categorical,
                                  storage: .coded(codes: labels[name]!.map { UInt32(levels.firstIndex(of: $0)!) }, levels: levels)))
        }
        return Table(columns: columns, rowCount: columns[0].count)
    }

    @Test("formulas: R's notation parsed, mistakes named")
    func formulas() throws {
        let f = try Formula(parsing: "y ~ a + b*c - 1")
        #expect(f.response == "y" && f.terms == [["a"], ["b"], ["c"], ["b", "c"]] && !f.intercept)
        #expect(try Formula(parsing: "y ~ a:b + a").terms == [["a"], ["a", "b"]])
        #expect(throws: RegressionError.formula("y = a + b", reason: .tilde)) { try Formula(parsing: "y = a + b") }
        #expect(throws: RegressionError.formula("y ~ a + ", reason: .emptyTerm)) { try Formula(parsing: "y ~ a + ") }
        #expect(throws: RegressionError.formula("y ~ a - b", reason: .minusTerm("b"))) { try Formula(parsing: "y ~ a - b") }
        #expect(throws: RegressionError.formula("y ~ log(a)", reason: .badName("log(a)"))) { try Formula(parsing: "y ~ log(a)") }
    }

    @Test("a missing column (with a suggestion), a one-level categorical term, an unknown reference level")
    func badColumns() throws {
        #expect(throws: RegressionError.unknownColumn("amabilida", suggestion: "amabilidad")) {
            try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ amabilida"))
        }
        let t = Self.table(numbers: ["y": [1, 2, 3, 4], "x": [1, 3, 2, 5]], labels: ["g": ["a", "a", "a", "a"]])
        #expect(throws: RegressionError.oneLevel(column: "g", level: "a")) { try ModelMatrix(table: t, formula: Formula(parsing: "y ~ x + g")) }
        #expect(throws: RegressionError.unknownReference(column: "canal", level: "wbe", suggestion: "web")) {
            try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ canal"), references: ["canal": "wbe"])
        }
    }

    @Test("logit: a response that is not 0/1 needs --level; complete separation is refused with the term named")
    func badLogit() throws {
        #expect(throws: RegressionError.notBinary(column: "satisf_general", values: ["1", "2", "3", "4", "5"])) {
            try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ amabilidad"), response: .binary(level: nil))
        }
        // Every «b» answered 1: the level b separates the outcome (R: glm's estimate for gb runs to ~20
        // with a huge SE and «fitted probabilities numerically 0 or 1»).
        let t = Self.table(numbers: ["y": [0, 1, 0, 1, 1, 0, 1, 1, 1, 1]], labels: ["g": ["a", "a", "a", "a", "a", "a", "b", "b", "b", "b"]])
        let model = try ModelMatrix(table: t, formula: Formula(parsing: "y ~ g"), response: .binary(level: nil))
        #expect(throws: RegressionError.separation(terms: ["gb"])) { try Regression.logistic(model) }
    }
}

import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Count models against R (Scripts/reference/poisson.R → Fixtures/r_poisson.json): glm(poisson) and
/// svyglm(quasipoisson) of apiclus1's enrolment on school type and api99.
@Suite struct PoissonTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_poisson", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func model() throws -> (ModelMatrix, SurveyDesign) {
        let (t, design) = try DesignDefectTests.apiclus1()
        return (try ModelMatrix(table: t, formula: Formula(parsing: "enroll ~ stype + api99")), design)
    }

    @Test("glm(enroll ~ stype + api99, family = poisson): coefficients, z, p, deviances, AIC, iterations")
    func plain() throws {
        let (model, _) = try Self.model()
        let fit = try Regression.poisson(model)
        let o = Self.r["plain"] as! [String: Any]
        #expect(fit.coefficients.map(\.term) == o["terms"] as! [String])
        expectClose(fit.coefficients.map { $0.estimate! }, Reference.numbers(o["estimate"]), rtol: 1e-9)
        expectClose(fit.coefficients.map { $0.standardError! }, Reference.numbers(o["se"]), rtol: 1e-8)
        expectClose(fit.coefficients.map { $0.statistic! }, Reference.numbers(o["z"]), rtol: 1e-8)
        #expect(!fit.usesT)
        expectClose(fit.deviance!, Reference.number(o["deviance"]), rtol: 1e-10)
        expectClose(fit.nullDeviance!, Reference.number(o["null_deviance"]), rtol: 1e-10)
        expectClose(fit.aic!, Reference.number(o["aic"]), rtol: 1e-10)
        #expect(fit.iterations == Int(Reference.number(o["iterations"])))
    }

    @Test("svyglm(enroll ~ stype + api99, dclus1, family = quasipoisson): the design's standard errors, t on 11 df")
    func design() throws {
        let (model, design) = try Self.model()
        let fit = try Regression.poisson(model, design: design)
        let o = Self.r["design"] as! [String: Any]
        expectClose(fit.coefficients.map { $0.estimate! }, Reference.numbers(o["estimate"]), rtol: 1e-9)
        expectClose(fit.coefficients.map { $0.standardError! }, Reference.numbers(o["se"]), rtol: 1e-8)
        expectClose(fit.coefficients.map { $0.p! }, Reference.numbers(o["p"]), rtol: 1e-7)
        #expect(fit.residualDF == Int(Reference.number(o["df"])))
    }

    @Test("a negative count is refused, naming the column")
    func negative() throws {
        let t = Table([Column.decimals("y", [1, -2, 3]), Column.decimals("x", [1, 2, 3])])
        #expect(throws: RegressionError.negativeCount(column: "y", value: -2)) {
            try Regression.poisson(try ModelMatrix(table: t, formula: Formula(parsing: "y ~ x")))
        }
    }
}

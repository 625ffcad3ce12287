import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Proportional-odds models of satisf_general (1–5) on the example survey against R
/// (Scripts/reference/ordinal.R → Fixtures/r_ordinal.json): svyolr with the stratified design and
/// MASS::polr without it, both run by R to a tight tolerance.
@Suite struct OrdinalTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_ordinal", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func model() throws -> ModelMatrix {
        try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "satisf_general ~ amabilidad + tiempo_espera + canal"), response: .ordinal)
    }

    static func expect(_ fit: OrdinalFit, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let o = r[key] as! [String: Any]
        #expect(fit.levels == ["1", "2", "3", "4", "5"], sourceLocation: sourceLocation)
        #expect(fit.coefficients.map(\.term) + fit.thresholds.map(\.term) == o["names"] as! [String], sourceLocation: sourceLocation)
        expectClose(fit.coefficients.map(\.estimate), Reference.numbers(o["coef"]), rtol: 1e-7, sourceLocation: sourceLocation)
        expectClose(fit.thresholds.map(\.estimate), Reference.numbers(o["zeta"]), rtol: 1e-7, sourceLocation: sourceLocation)
        // R's standard errors rest on optim's finite-difference Hessian (steps of 10⁻³): good to about 10⁻⁶.
        expectClose((fit.coefficients + fit.thresholds).map(\.standardError), Reference.numbers(o["se"]), rtol: 1e-5, sourceLocation: sourceLocation)
        expectClose(fit.deviance, Reference.number(o["deviance"]), rtol: 1e-9, sourceLocation: sourceLocation)
    }

    @Test("svyolr(satisf ~ amabilidad + tiempo_espera + canal, design): coefficients, thresholds, design SEs, df, deviance")
    func design() throws {
        let fit = try OrdinalRegression.fit(try Self.model(), design: try Reference.design())
        Self.expect(fit, "design")
        #expect(fit.residualDF == Int(Reference.number((Self.r["design"] as! [String: Any])["df"])))
    }

    @Test("polr without a design: model-based SEs, deviance, AIC")
    func plain() throws {
        let fit = try OrdinalRegression.fit(try Self.model())
        Self.expect(fit, "plain")
        expectClose(fit.aic!, Reference.number((Self.r["plain"] as! [String: Any])["aic"]), rtol: 1e-9)
    }

    @Test("the likelihood's gradient is its derivative: finite differences agree")
    func gradient() throws {
        let model = try Self.model()
        let likelihood = OrdinalLikelihood(x: (0..<(model.rows.count * 2)).map { Double(($0 * 7) % 5) }, y: model.y.map { Int($0) },
                                           columns: 2, thresholds: 4)
        let w = [Double](repeating: 1.5, count: model.rows.count)
        let theta = [0.3, -0.2, -1, 0.5, 1.5, 3]
        let point = likelihood.evaluate(theta, weights: w)
        for a in theta.indices {
            var up = theta, down = theta
            up[a] += 1e-6; down[a] -= 1e-6
            let numeric = (likelihood.evaluate(up, weights: w).logLikelihood - likelihood.evaluate(down, weights: w).logLikelihood) / 2e-6
            expectClose(point.gradient[a], numeric, rtol: 1e-5, atol: 1e-5)
        }
    }

    @Test("a response with two values is refused")
    func twoLevels() throws {
        #expect(throws: RegressionError.tooFewOrdinalLevels(column: "recomendaria", levels: ["no", "si"])) {
            try ModelMatrix(table: Reference.responses, formula: Formula(parsing: "recomendaria ~ amabilidad"), response: .ordinal)
        }
    }
}

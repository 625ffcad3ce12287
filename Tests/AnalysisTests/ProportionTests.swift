import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// svyciprop's interval methods, and the plain ones for unweighted samples.
@Suite struct ProportionTests {
    let design = try! Reference.design()
    let si = Reference.labels(Reference.responses, "recomendaria").map { $0 == "si" ? 1.0 : 0.0 }

    @Test("svyciprop(~I(recomendaria == \"si\"), method = …)", arguments: [
        ProportionMethod.logit, .beta, .mean, .asin, .xlogit,
    ])
    func methods(method: ProportionMethod) throws {
        let r = Reference.object("prop_recomendaria_\(method.rawValue)")
        let e = try design.proportion(si, in: .all(850), method: method)
        expectClose(e.estimate, Reference.number(r["estimate"]), rtol: 1e-10)
        expectClose(e.standardError, Reference.number(r["se"]), rtol: 1e-10)
        expectClose([e.lower, e.upper], Reference.numbers(r["ci"]), rtol: 1e-9)
    }

    @Test("svyciprop(method = \"likelihood\"): R interpolates the profile with a spline, we solve it exactly; 1e-6 apart")
    func likelihood() throws {
        let r = Reference.object("prop_recomendaria_likelihood")
        let e = try design.proportion(si, in: .all(850), method: .likelihood)
        expectClose([e.lower, e.upper], Reference.numbers(r["ci"]), rtol: 1e-6)
    }

    @Test("by domain: svyby(…, ~canal, svyciprop, method = \"beta\" | \"logit\")", arguments: ["beta", "logit"])
    func byDomain(method: String) throws {
        let r = Reference.object("prop_recomendaria_\(method)_by_canal")
        for (i, canal) in (r["canal"] as! [String]).enumerated() {
            let e = try design.proportion(si, in: Reference.domain("canal", canal), method: ProportionMethod(rawValue: method)!)
            expectClose(e.estimate, Reference.numbers(r["estimate"])[i], rtol: 1e-10)
            expectClose([e.lower, e.upper], [Reference.numbers(r["lower"])[i], Reference.numbers(r["upper"])[i]], rtol: 1e-9)
        }
    }

    @Test("design-based Wilson: the score interval with n_eff = p̂(1 − p̂)/V̂ and t_df, worked out")
    func designWilson() throws {
        let e = try design.proportion(si, in: .all(850), method: .wilson)
        let p = e.estimate, nEff = p * (1 - p) / e.variance
        let t = 1.9627687155239522   // qt(0.975, 847)
        let center = (p + t * t / (2 * nEff)) / (1 + t * t / nEff)
        let half = t / (1 + t * t / nEff) * (p * (1 - p) / nEff + t * t / (4 * nEff * nEff)).squareRoot()
        expectClose([e.lower, e.upper], [center - half, center + half], rtol: 1e-9)
    }

    @Test("unweighted simple random sample: prop.test(correct = FALSE) and binom.test")
    func plain() throws {
        let r = Reference.object("srs")
        let sample = Reference.responses.selecting(Array(0..<200))
        let design = try SurveyDesign(weights: nil, strata: nil, clusters: nil, fpc: nil, rowCount: 200)
        let yes = Reference.labels(sample, "recomendaria").map { $0 == "si" ? 1.0 : 0.0 }
        let wilson = try design.proportion(yes, in: .all(200), method: .wilson)
        expectClose([wilson.lower, wilson.upper], Reference.numbers(r["wilson"]), rtol: 1e-12)
        let exact = try design.proportion(yes, in: .all(200), method: .clopperPearson)
        expectClose([exact.lower, exact.upper], Reference.numbers(r["clopper_pearson"]), rtol: 1e-10)
        let mean = try design.mean(sample["edad"]!.numbers!, in: .all(200))
        expectClose(mean.standardError, Reference.number(r["se_edad"]), rtol: 1e-12)
        #expect(throws: AnalysisError.exactNeedsSimpleSample) { try self.design.proportion(si, in: .all(850), method: .clopperPearson) }
    }
}

import Foundation
import SondeoTestSupport
import Testing

/// `sondeo analyze regress|logit|drivers` on the example survey. The figures are R's
/// (Tests/AnalysisTests/Fixtures/r_regression.json, from Scripts/reference/regression.R), repeated
/// here where the command line is what is being checked.
@Suite struct ModelCLITests {
    static let respuestas = RepositoryFiles.exampleData("respuestas.csv")

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try SondeoRunner.run(["analyze"] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test("regress with the design: svyglm's coefficients and SEs, t on 773 df, Wald F in DESIGN.md's JSON")
    func regressDesign() throws {
        let d = try json(["regress", Self.respuestas, "--formula", "satisf_general ~ amabilidad + tiempo_espera + canal", "--strata", "categoria"])
        #expect(d["n"] as? Int == 780 && d["excluded"] as? Int == 70 && d["design"] as? String == "stratified")
        let c = d["coefficients"] as! [[String: Any]]
        #expect(c.map { $0["term"] as! String } == ["(Intercept)", "amabilidad", "tiempo_espera", "canaltelefono", "canalweb"])
        // summary(svyglm(satisf_general ~ amabilidad + tiempo_espera + canal, design = d))
        expectClose(c.map { $0["estimate"] as! Double }, [0.370408495267871, 0.447305411226047, 0.427557801103667, 0.0355830785972032, -0.0440443578225921], rtol: 1e-6)
        expectClose(c.map { $0["se"] as! Double }, [0.173291109957779, 0.0391827809555634, 0.03339483985774, 0.0888804555061939, 0.0738047048887087], rtol: 1e-6)
        #expect(d["df_residual"] as? Int == 773)
        expectClose(d["f"] as! Double, 127.226108535955, rtol: 1e-6)   // regTermTest(…, method = "Wald")
    }

    @Test("regress --simple: lm's R², adjusted R², sigma and F; --reference and interactions")
    func regressSimple() throws {
        let d = try json(["regress", Self.respuestas, "--formula", "satisf_general ~ amabilidad + tiempo_espera + canal", "--simple"])
        // summary(lm(satisf_general ~ amabilidad + tiempo_espera + canal))
        expectClose(d["r2"] as! Double, 0.44469183417914, rtol: 1e-6)
        expectClose(d["adj_r2"] as! Double, 0.441825727516839, rtol: 1e-6)
        expectClose(d["sigma"] as! Double, 0.802800209869852, rtol: 1e-6)
        expectClose(d["f"] as! Double, 155.155368091603, rtol: 1e-6)
        let i = try json(["regress", Self.respuestas, "--formula", "satisf_general ~ amabilidad * canal", "--reference", "canal=web", "--simple"])
        #expect((i["coefficients"] as! [[String: Any]]).map { $0["term"] as! String }
                == ["(Intercept)", "amabilidad", "canalpresencial", "canaltelefono", "amabilidad:canalpresencial", "amabilidad:canaltelefono"])
        #expect((i["references"] as! [String: String]) == ["canal": "web"])
    }

    @Test("logit --level si: glm(binomial)'s deviance and AIC without the design; svyglm(quasibinomial) with it")
    func logit() throws {
        let plain = try json(["logit", Self.respuestas, "--formula", "recomendaria ~ amabilidad + precio", "--level", "si", "--simple"])
        expectClose(plain["deviance"] as! Double, 906.719950477481, rtol: 1e-6)
        expectClose(plain["aic"] as! Double, 912.719950477481, rtol: 1e-6)
        #expect(plain["statistic"] as? String == "z")
        let design = try json(["logit", Self.respuestas, "--formula", "recomendaria ~ amabilidad + precio", "--level", "si", "--strata", "categoria"])
        let c = design["coefficients"] as! [[String: Any]]
        expectClose(c.map { $0["se"] as! Double }, [0.420280408208, 0.0945684290064984, 0.0890945224422355], rtol: 1e-6)
        #expect(design["aic"] is NSNull)
    }

    @Test("drivers: Johnson's weights (R from the definition, weighted correlations) and a quadrant per attribute")
    func drivers() throws {
        let d = try json(["drivers", Self.respuestas, "--outcome", "satisf_general", "--drivers", "amabilidad,tiempo_espera,claridad_info,instalaciones,precio",
                          "--strata", "categoria"])
        // relative_weights_weighted of Scripts/reference/regression.R (cov.wt(…, wt = peso, cor = TRUE)).
        let items = d["drivers"] as! [[String: Any]]
        expectClose(items.map { $0["relative_weight"] as! Double },
                    [0.125369603682296, 0.145598992624086, 0.177507738581003, 0.051209460235799, 0.107936148335922], rtol: 1e-6)
        // Quadrants from R's figures: shares = weights / their sum (0.2063, 0.2396, 0.2921, 0.0843, 0.1776 against
        // 1/5) and svymean means (4.1288, 3.5211, 3.8897, 4.1488, 3.7639 against their average 3.8905).
        #expect(items.map { $0["quadrant"] as! String } == ["maintain", "improve", "improve", "surplus", "monitor"])
    }

    @Test("bad input: an unknown column, a response that is not 0/1, collinear terms reported, a bad --reference")
    func badInput() throws {
        let missing = try SondeoRunner.run(["analyze", "regress", Self.respuestas, "--formula", "satisf_general ~ amabilida"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("error[MODEL-002]: la fórmula nombra la columna «amabilida», que no está en el archivo; ¿quiso decir «amabilidad»?"))
        let notBinary = try SondeoRunner.run(["analyze", "logit", Self.respuestas, "--formula", "satisf_general ~ amabilidad"])
        #expect(notBinary.status == 65 && notBinary.stderr.contains("indique con --level"))
        let reference = try SondeoRunner.run(["analyze", "regress", Self.respuestas, "--formula", "satisf_general ~ canal", "--reference", "canal"])
        #expect(reference.status == 64 && reference.stderr.contains("--reference espera columna=nivel"))
        let formula = try SondeoRunner.run(["analyze", "regress", Self.respuestas, "--formula", "satisf_general = canal"])
        #expect(formula.status == 64 && formula.stderr.contains("con un solo «~»"))
    }

    @Test("analyze poisson: svyglm(quasipoisson)'s coefficients and SEs on apiclus1, with rate ratios")
    func poisson() throws {
        let file = RepositoryFiles.path("Tests/AnalysisTests/Fixtures/apiclus1.csv")
        let run = try SondeoRunner.run(["analyze", "poisson", file, "--formula", "enroll ~ stype + api99", "--cluster", "dnum", "--weights", "pw",
                                        "--fpc", "fpc", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["model"] as? String == "poisson")
        let coefficients = document["coefficients"] as! [[String: Any]]
        // Scripts/reference/poisson.R (design)
        expectClose(coefficients.map { $0["se"] as! Double }, [0.364611179854416, 0.283640483987902, 0.0921145638907797, 0.000605819955203217], rtol: 1e-8)
        expectClose(coefficients[1]["rate_ratio"] as! Double, exp(0.954080555115774), rtol: 1e-9)
        let text = try SondeoRunner.run(["analyze", "poisson", file, "--formula", "enroll ~ stype + api99", "--simple"])
        #expect(text.stdout.contains("Regresión de Poisson (conteos): enroll ~ stype + api99") && text.stdout.contains("AIC = 20.901,83"))
    }

    @Test("analyze ordinal: svyolr's coefficients and SEs of satisf_general (1–5) with the example design, odds ratios, thresholds")
    func ordinal() throws {
        let file = RepositoryFiles.exampleData("respuestas.csv")
        let run = try SondeoRunner.run(["analyze", "ordinal", file, "--formula", "satisf_general ~ amabilidad + tiempo_espera + canal",
                                        "--strata", "categoria", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["levels"] as? [String] == ["1", "2", "3", "4", "5"] && document["df_residual"] as? Int == 773)
        let coefficients = document["coefficients"] as! [[String: Any]]
        // Scripts/reference/ordinal.R (design)
        expectClose(coefficients.map { $0["estimate"] as! Double }, [0.975720198685002, 0.956846394735612, 0.0111452309315188, -0.172158622648212], rtol: 1e-7)
        expectClose(coefficients.map { $0["se"] as! Double }, [0.0940772364987919, 0.0819731714385421, 0.213935961849764, 0.177330820619678], rtol: 1e-5)
        let thresholds = document["thresholds"] as! [[String: Any]]
        #expect(thresholds.map { $0["term"] as! String } == ["1|2", "2|3", "3|4", "4|5"])
        let two = try SondeoRunner.run(["analyze", "ordinal", file, "--formula", "recomendaria ~ amabilidad", "--simple"])
        #expect(two.status != 0 && two.stderr.contains("un modelo ordinal necesita al menos 3 categorías ordenadas; con 2 use analyze logit"))
    }
}

import Foundation
import SondeoTestSupport
import Testing

/// `sondeo analyze …` on the example survey; the figures are R's (Tests/AnalysisTests/Fixtures/r_reference.json,
/// from Scripts/reference/analysis.R), repeated here where the command line is what is being checked.
@Suite struct AnalyzeCLITests {
    static let respuestas = RepositoryFiles.exampleData("respuestas.csv")
    static let design = ["--strata", "categoria", "--missing", "99"]

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try SondeoRunner.run(["analyze"] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func first(_ document: [String: Any]) -> [String: Any] { (document["estimates"] as! [[String: Any]])[0] }

    @Test("analyze mean: DESIGN.md's JSON with svymean's figures; weights and fpc are recognised (peso, N_estrato)")
    func mean() throws {
        let document = try json(["mean", Self.respuestas, "--var", "csat"] + Self.design)
        #expect(document["statistic"] as? String == "mean" && document["design"] as? String == "stratified")
        #expect(document["excluded"] as? Int == 37)
        let e = first(document)
        // svymean(~csat, svydesign(ids=~1, strata=~categoria, weights=~peso, fpc=~N_estrato), na.rm = TRUE, deff = TRUE)
        expectClose(e["estimate"] as! Double, 3.84234064460613, rtol: 1e-12)
        expectClose(e["se"] as! Double, 0.0386441985892821, rtol: 1e-10)
        expectClose(e["deff"] as! Double, 1.23636849347421, rtol: 1e-10)
        #expect(e["n"] as? Int == 813)
    }

    @Test("analyze mean --by canal --compare: the contrast of svyby(covmat = TRUE) + svycontrast")
    func compare() throws {
        let document = try json(["mean", Self.respuestas, "--var", "edad", "--strata", "categoria", "--by", "canal", "--compare", "web,presencial"])
        let comparison = try #require(document["comparison"] as? [String: Any])
        expectClose(comparison["difference"] as! Double, -4.47954095978284, rtol: 1e-12)
        expectClose(comparison["se"] as! Double, 1.10273828096348, rtol: 1e-10)
        #expect((document["estimates"] as! [[String: Any]]).map { ($0["group"] as! [String: String])["canal"] } == ["presencial", "telefono", "web"])
    }

    @Test("analyze proportion --method beta; nps; csat")
    func indicators() throws {
        let beta = first(try json(["proportion", Self.respuestas, "--var", "recomendaria", "--level", "si", "--method", "beta", "--strata", "categoria"]))
        expectClose(beta["ci"] as! [Double], [0.666871028778107, 0.735331148935798], rtol: 1e-9)
        let nps = first(try json(["nps", Self.respuestas, "--var", "nps", "--strata", "categoria"]))
        expectClose(nps["estimate"] as! Double, 21.401005, rtol: 1e-12)
        expectClose(nps["se"] as! Double, 3.0177091903782, rtol: 1e-10)
        expectClose(nps["promoters"] as! Double, 0.4568523, rtol: 1e-12)
        let csat = first(try json(["csat", Self.respuestas, "--var", "csat"] + Self.design))
        expectClose(csat["estimate"] as! Double, 0.652013825471219, rtol: 1e-9)
        expectClose(csat["ci"] as! [Double], [0.615429064687511, 0.686888925393413], rtol: 1e-9)
    }

    @Test("analyze nps --previous: two waves as independent samples (the same file twice differs by 0, p = 1)")
    func waves() throws {
        let document = try json(["nps", Self.respuestas, "--var", "nps", "--strata", "categoria", "--previous", Self.respuestas])
        let comparison = try #require(document["comparison"] as? [String: Any])
        #expect(comparison["difference"] as? Double == 0)
        // V = V₁ + V₂ = 2 · 3.0177091903782²
        expectClose(comparison["se"] as! Double, (2.0).squareRoot() * 3.0177091903782, rtol: 1e-10)
        #expect(comparison["p"] as? Double == 1)
    }

    @Test("analyze crosstab: svychisq's F and the Pearson statistic")
    func crosstab() throws {
        let run = try SondeoRunner.run(["analyze", "crosstab", Self.respuestas, "--rows", "canal", "--cols", "servicio", "--strata", "categoria", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tests = document["tests"] as! [String: [String: Any]]
        expectClose(tests["rao_scott"]!["f"] as! Double, 0.998542840747468, rtol: 1e-9)
        expectClose(tests["pearson"]!["statistic"] as! Double, 11.7262105742159, rtol: 1e-10)
        #expect(document["rows"] as? [String] == ["presencial", "telefono", "web"])
        let text = try SondeoRunner.run(["analyze", "crosstab", Self.respuestas, "--rows", "canal", "--cols", "recomendaria", "--strata", "categoria"])
        #expect(text.stdout.contains("Prueba de independencia de Rao–Scott (segundo orden): F = 1,393 con 2,00 y 1.693,7 gl, p = 0,249."))
        #expect(text.stdout.contains("No hay evidencia de asociación entre «canal» y «recomendaria»."))
    }

    @Test("bad input: a text column for a mean, an absent level, a 99 on a 0–10 scale, a lonely stratum")
    func badInput() throws {
        let text = try SondeoRunner.run(["analyze", "mean", Self.respuestas, "--var", "canal"])
        #expect(text.status == 64)
        #expect(text.stderr == "error[ANALYSIS-001]: la columna «canal» es de tipo categórica, no numérica: no se le puede calcular una media o un total\n")
        let level = try SondeoRunner.run(["analyze", "proportion", Self.respuestas, "--var", "recomendaria", "--level", "sí"])
        #expect(level.stderr == "error[ANALYSIS-002]: el valor «sí» no aparece en la columna «recomendaria»; ¿quiso decir «si»?\n")
        let scale = try SondeoRunner.run(["analyze", "csat", Self.respuestas, "--var", "csat"])
        #expect(scale.status == 65)
        #expect(scale.stderr.hasPrefix("error[ANALYSIS-014]: la columna «csat» tiene el valor 99, fuera de la escala 1–5"))
        let dir = TemporaryDirectory()
        let lonely = dir.file("sola.csv", text: "estrato,peso,y\nA,10,1\nA,10,2\nB,5,3\n")
        let fail = try SondeoRunner.run(["analyze", "mean", lonely, "--var", "y"])
        #expect(fail.status == 65)
        #expect(fail.stderr.hasPrefix("error[ANALYSIS-003]: el estrato «B» tiene una sola unidad primaria de muestreo"))
        let adjusted = try SondeoRunner.run(["analyze", "mean", lonely, "--var", "y", "--lonely-psu", "adjust"])
        #expect(adjusted.status == 0)
    }

    static let apiclus1 = RepositoryFiles.path("Tests/AnalysisTests/Fixtures/apiclus1.csv")
    static let apipop = RepositoryFiles.path("Tests/AnalysisTests/Fixtures/apipop.csv")
    static let cluster = ["--cluster", "dnum", "--weights", "pw", "--fpc", "fpc"]

    @Test("--poststrata with --frame: the weights and the SE of postStratify(dclus1, ~stype, pop) (R: 406,293; as fixed weights it was 1,021,788)")
    func postStratified() throws {
        let document = try json(["total", Self.apiclus1, "--var", "enroll", "--poststrata", "stype", "--frame", Self.apipop] + Self.cluster)
        let e = first(document)
        // Scripts/reference/calibration.R: svytotal(~enroll, postStratify(dclus1, ~stype, pop.types))
        expectClose(e["estimate"] as! Double, 3680892.94511905, rtol: 1e-9)
        expectClose(e["se"] as! Double, 406292.636294802, rtol: 1e-7)
        let calibration = try #require(document["calibration"] as? [[String: Any]])
        #expect(calibration.first?["method"] as? String == "postStratify" && calibration.first?["columns"] as? [String] == ["stype"])
        let text = try SondeoRunner.run(["analyze", "total", Self.apiclus1, "--var", "enroll", "--poststrata", "stype", "--frame", Self.apipop] + Self.cluster)
        #expect(text.stdout.contains("posestratificado por stype según \(Self.apipop), con su efecto en los errores estándar"))
    }

    @Test("--rake to two margins and --calibrate to a totals file, by domain: R's rake and calibrate")
    func rakedAndLinear() throws {
        let raked = first(try json(["mean", Self.apiclus1, "--var", "api00", "--rake", "stype,sch.wide", "--frame", Self.apipop] + Self.cluster))
        expectClose(raked["estimate"] as! Double, 641.23032092682, rtol: 1e-9)
        expectClose(raked["se"] as! Double, 23.7036168879225, rtol: 1e-7)
        let directory = TemporaryDirectory()
        let totals = directory.file("totales.csv", text: "variable,categoria,total\nN,,6194\nstype,E,4421\nstype,H,755\nstype,M,1018\napi99,,3914069\n")
        let document = try json(["mean", Self.apiclus1, "--var", "api00", "--calibrate", "stype,api99", "--totals", totals, "--by", "sch.wide"] + Self.cluster)
        let estimates = document["estimates"] as! [[String: Any]]
        // svyby(~api00, ~sch.wide, calibrate(dclus1, ~stype + api99, totals), svymean)
        expectClose(estimates.map { $0["estimate"] as! Double }, [626.721780184336, 671.581043023697], rtol: 1e-9)
        expectClose(estimates.map { $0["se"] as! Double }, [16.6943685676236, 4.46031458286185], rtol: 1e-7)
    }

    @Test("calibration errors: figures missing (64), a sample value the population lacks (65, file and line)")
    func calibrationErrors() throws {
        let noFigures = try SondeoRunner.run(["analyze", "mean", Self.apiclus1, "--var", "api00", "--poststrata", "stype"] + Self.cluster)
        #expect(noFigures.status == 64 && noFigures.stderr.contains("necesitan las cifras de población: --frame (el marco) o --totals"))
        let directory = TemporaryDirectory()
        let totals = directory.file("totales.csv", text: "variable,categoria,total\nstype,E,4421\nstype,M,1018\n")
        let unknown = try SondeoRunner.run(["analyze", "mean", Self.apiclus1, "--var", "api00", "--poststrata", "stype", "--totals", totals] + Self.cluster)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("error[CALIBRATION-001]: el valor «H» de «stype» no tiene cifra de población"))
        #expect(unknown.stderr.contains("apiclus1.csv:2"))
    }

    @Test("analyze total of a categorical column: how many units have each value, as svytotal(~stype, dclus1, deff = TRUE); --level counts one")
    func categoryTotals() throws {
        let document = try json(["total", Self.apiclus1, "--var", "stype"] + Self.cluster)
        let estimates = document["estimates"] as! [[String: Any]]
        #expect(estimates.map { ($0["group"] as! [String: String])["stype"] } == ["E", "H", "M"])
        // Scripts/reference/calibration.R (cluster_uncalibrated.total_stype)
        expectClose(estimates.map { $0["estimate"] as! Double }, [4873.96746826172, 473.857948303223, 846.174907684326], rtol: 1e-9)
        expectClose(estimates.map { $0["se"] as! Double }, [1333.31940494968, 158.699278792624, 167.54989162139], rtol: 1e-9)
        expectClose(estimates.map { $0["deff"] as! Double }, [51.8199384502804, 1.7425721075518, 1.16344752258619], rtol: 1e-9)
        let high = first(try json(["total", Self.apiclus1, "--var", "stype", "--level", "H"] + Self.cluster))
        expectClose(high["estimate"] as! Double, 473.857948303223, rtol: 1e-9)
        // Post-stratified on the same column, each count is its population figure with no sampling error.
        let fixed = try json(["total", Self.apiclus1, "--var", "stype", "--poststrata", "stype", "--frame", Self.apipop] + Self.cluster)
        expectClose((fixed["estimates"] as! [[String: Any]]).map { $0["estimate"] as! Double }, [4421, 755, 1018], rtol: 1e-12)
        expectClose((fixed["estimates"] as! [[String: Any]]).map { $0["se"] as! Double }, [0, 0, 0], atol: 1e-6)
    }

    @Test("--contrast: the ratio of two channels' NPS by the delta method, as svycontrast(svyby(…, covmat = TRUE), quote(web / telefono))")
    func contrast() throws {
        let document = try json(["nps", Self.respuestas, "--var", "nps", "--strata", "categoria", "--by", "canal", "--contrast", "web / telefono"])
        let contrast = try #require(document["contrast"] as? [String: Any])
        // Scripts/reference/contrasts.R (nps_web_over_telefono)
        expectClose(contrast["estimate"] as! Double, 0.705485875359092, rtol: 1e-10)
        expectClose(contrast["se"] as! Double, 0.253257541029011, rtol: 1e-8)
        expectClose(contrast["ci"] as! [Double], [0.209110216129055, 1.20186153458913], rtol: 1e-8)
        let text = try SondeoRunner.run(["analyze", "mean", Self.apiclus1, "--var", "api00", "--by", "stype", "--contrast", "E - (H + M) / 2"] + Self.cluster)
        #expect(text.stdout.contains("Contraste E - (H + M) / 2 = 23,862, error est. 16,480, IC 95 % [-8,438; 56,163] (método delta)"))
        let bad = try SondeoRunner.run(["analyze", "mean", Self.apiclus1, "--var", "api00", "--by", "stype", "--contrast", "E - X"] + Self.cluster)
        #expect(bad.status == 64 && bad.stderr.contains("el contraste nombra «X», que no es un grupo de --by"))
        let noGroups = try SondeoRunner.run(["analyze", "mean", Self.apiclus1, "--var", "api00", "--contrast", "E - H"] + Self.cluster)
        #expect(noGroups.status == 64 && noGroups.stderr.contains("indique --by"))
    }

    @Test("multistage: --cluster dnum,snum --fpc fpc1,fpc2 is svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2) on apiclus2")
    func multistage() throws {
        let file = RepositoryFiles.path("Tests/AnalysisTests/Fixtures/apiclus2.csv")
        let e = first(try json(["mean", file, "--var", "api00", "--cluster", "dnum,snum", "--fpc", "fpc1,fpc2"]))
        // Scripts/reference/multistage.R: svymean(~api00, dclus2, deff = TRUE)
        expectClose(e["estimate"] as! Double, 670.811808118081, rtol: 1e-12)
        expectClose(e["se"] as! Double, 30.0990273768366, rtol: 1e-10)
        expectClose(e["deff"] as! Double, 6.25051375571258, rtol: 1e-10)
        let text = try SondeoRunner.run(["analyze", "mean", file, "--var", "api00", "--cluster", "dnum,snum", "--fpc", "fpc1,fpc2"])
        #expect(text.stdout.contains("2 etapas: dnum → snum"))
    }

    @Test("--pps brewer|overton with --fpc p: the totals of svydesign(id = ~1, fpc = ~p, pps = …) on election_pps")
    func pps() throws {
        let file = RepositoryFiles.path("Tests/AnalysisTests/Fixtures/election_pps.csv")
        // Scripts/reference/pps.R
        for (method, se) in [("brewer", 2447628.88865615), ("overton", 2939607.84993936)] {
            let e = first(try json(["total", file, "--var", "Bush", "--fpc", "p", "--pps", method]))
            expectClose(e["estimate"] as! Double, 64518472.38054, rtol: 1e-12)
            expectClose(e["se"] as! Double, se, rtol: 1e-10)
        }
        let text = try SondeoRunner.run(["analyze", "total", file, "--var", "Bush", "--pps", "brewer"])
        #expect(text.status == 64 && text.stderr.contains("--pps brewer necesita --fpc con la probabilidad de inclusión"))
    }

    @Test("analyze variance: svyvar(~api00, dclus1)")
    func variance() throws {
        let e = first(try json(["variance", Self.apiclus1, "--var", "api00"] + Self.cluster))
        expectClose(e["estimate"] as! Double, 11182.8227946916, rtol: 1e-12)
        expectClose(e["se"] as! Double, 1386.41394291426, rtol: 1e-10)
    }

    @Test("analyze crosstab --test wald | adj-wald: svychisq's design-based Wald tests")
    func waldTests() throws {
        // Scripts/reference/chisq.R (respuestas_Wald, respuestas_adjWald)
        let wald = try json(["crosstab", Self.respuestas, "--rows", "canal", "--cols", "servicio", "--strata", "categoria", "--test", "wald"])
        let w = (wald["tests"] as! [String: Any])["wald"] as! [String: Any]
        expectClose(w["f"] as! Double, 1.17333394273348, rtol: 1e-10)
        #expect(w["df2"] as? Int == 847)
        let text = try SondeoRunner.run(["analyze", "crosstab", Self.respuestas, "--rows", "canal", "--cols", "servicio", "--strata", "categoria", "--test", "adj-wald"])
        #expect(text.stdout.contains("Prueba de Wald ajustada de independencia: F = 1,161 con 10 y 838 gl, p = 0,314."))
    }

    @Test("analyze quantile --rule hf7 --interval xlogit: svyquantile(qrule = \"hf7\", interval.type = \"xlogit\") on apiclus1")
    func quantileRules() throws {
        let document = try json(["quantile", Self.apiclus1, "--var", "api00", "--quantiles", "0.25,0.9", "--rule", "hf7", "--interval", "xlogit"] + Self.cluster)
        #expect(document["rule"] as? String == "hf7" && document["interval"] as? String == "xlogit")
        let estimates = document["estimates"] as! [[String: Any]]
        // Scripts/reference/quantiles.R
        expectClose(estimates.map { $0["estimate"] as! Double }, [552.5, 780.8], rtol: 1e-12)
        expectClose(estimates.map { ($0["ci"] as! [Double])[0] }, [506.388809298499, 724.958379551874], rtol: 1e-10)
        expectClose(estimates.map { ($0["ci"] as! [Double])[1] }, [631.261811952769, 823.462645337422], rtol: 1e-10)
    }

    @Test("analyze crosstab --test lincom | saddlepoint: X² against its exact distribution, as svychisq (apiclus1)")
    func exactTests() throws {
        // Scripts/reference/chisq.R (apiclus1_lincom, apiclus1_saddlepoint)
        for (test, p) in [("lincom", 0.0254717629926265), ("saddlepoint", 0.0264411277096375)] {
            let document = try json(["crosstab", Self.apiclus1, "--rows", "stype", "--cols", "sch.wide", "--test", test] + Self.cluster)
            let result = (document["tests"] as! [String: Any])[test] as! [String: Any]
            expectClose(result["p"] as! Double, p, rtol: 1e-6)
        }
    }

    @Test("analyze themes: comments by theme with the example codeframe, by channel, with NPS; uncoded comments listed")
    func themes() throws {
        let temas = RepositoryFiles.exampleData("temas.csv")
        let document = try json(["themes", Self.respuestas, "--var", "comentario", "--themes", temas, "--strata", "categoria", "--nps", "nps"])
        #expect(document["commented"] as? Int == 357 && document["uncoded"] as? Int == 98)
        let espera = (document["themes"] as! [[String: Any]]).first { $0["theme"] as? String == "Tiempo de espera y demoras" }!
        // Scripts/reference/themes.R (espera)
        expectClose(espera["share"] as! Double, 0.187805393578581, rtol: 1e-10)
        expectClose(espera["nps"] as! Double, -56.2785181867459, rtol: 1e-10)
        let text = try SondeoRunner.run(["analyze", "themes", Self.respuestas, "--var", "comentario", "--themes", temas, "--strata", "categoria", "--by", "canal"])
        #expect(text.status == 0 && text.stdout.contains("Tiempo de espera y demoras  presencial") && text.stdout.contains("Sin tema (para revisar el libro de códigos):"))
        let bad = try SondeoRunner.run(["analyze", "themes", Self.respuestas, "--var", "comentario", "--themes", Self.respuestas])
        #expect(bad.status == 65 && bad.stderr.contains("error[THEMES-001]: el archivo de temas debe tener las columnas tema y patron"))
    }
}

import Foundation
import SondeoTestSupport
import Testing

/// `sondeo report`: the HTML a person reads, with figures R printed for the same data
/// (Tests/AnalysisTests/Fixtures/r_reference.json and r_regression.json).
@Suite struct ReportCLITests {
    static let respuestas = RepositoryFiles.exampleData("respuestas.csv")
    static let questionnaire = RepositoryFiles.exampleData("respuestas.encuesta")
    static let arguments = ["--strata", "categoria", "--by", "canal", "--outcome", "satisf_general",
                            "--drivers", "amabilidad,tiempo_espera,claridad_info,instalaciones,precio"]

    @Test("HTML report of respuestas.csv: R's NPS, CSAT, share recommending and Rao–Scott test; drivers; precision notes")
    func html() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("reporte.html")
        let run = try SondeoRunner.run(["report", Self.respuestas, "--questionnaire", Self.questionnaire, "--out", out] + Self.arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("Escrito \(out): 10 preguntas, 8 cruces"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && !html.contains("http://") && !html.contains("https://"))
        // NPS: svymean of (nps >= 9) − (nps <= 6) × 100 = 21.401005, CI 15.486–27.316; by canal 23.28, 24.88, 17.55.
        #expect(html.contains("<div class=\"value\">21,4</div>") && html.contains("IC 95 %: 15,5 – 27,3"))
        #expect(html.contains(">23,3</text>") && html.contains(">24,9</text>") && html.contains(">17,6</text>"))
        // CSAT: svyciprop(~I(csat >= 4), method = "logit") with 99 as missing = 0.6520, CI 0.6154–0.6869.
        #expect(html.contains("<div class=\"value\">65,2 %</div>") && html.contains("IC 95 %: 61,5 % – 68,7 %"))
        // recomendaria = si: svyciprop logit 0.70194, CI 0.66726–0.73445; svychisq(~canal + recomendaria): F = 1.393, p = 0.249.
        #expect(html.contains(">70,2 %</text>"))
        #expect(html.contains("Rao–Scott F = 1,39, p = 0,249"))
        // Key drivers with the weighted relative weights (R: 0.1775 of R² 0.6083 for claridad_info = 29.2 %).
        // Named by the question's words that set it apart, the column as small secondary text (issue 21: texts, not ids).
        #expect(html.contains("Factores clave") && html.contains("<td>La claridad de la información <code class=\"small\">claridad_info</code></td><td>29,2 %</td>"))
        #expect(html.contains("la respuesta de «¿Qué tan satisfecho está con Confa en general?» <code>satisf_general</code>"))
        #expect(html.contains(">El tiempo de espera</text>"))   // the chart, shortened to 24 characters where longer
        #expect(html.contains("Notas sobre la precisión"))
    }

    @Test("--themes adds «Comentarios por tema»: each theme's share of commenters overall and by channel, its NPS and examples")
    func themes() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("reporte.html")
        let run = try SondeoRunner.run(["report", Self.respuestas, "--questionnaire", Self.questionnaire, "--themes", RepositoryFiles.exampleData("temas.csv"),
                                        "--out", out] + Self.arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h2>Comentarios por tema</h2>") && html.contains("De 357 comentarios de «comentario», 98 no tocan ningún tema"))
        // Scripts/reference/themes.R (espera): 18.78 %, logit CI 14.78 %–23.56 %, NPS −56.28.
        #expect(html.contains("<td>Tiempo de espera y demoras</td><td class=\"n\">69</td><td class=\"n\">18,8 %</td><td>14,8 % – 23,6 %</td>"))
        #expect(html.contains("<td class=\"n\">-56,3</td>"))
    }

    @Test("--wave ola on a stacked file: NPS and CSAT wave by wave with the change and its test, as R (Scripts/reference/waves.R)")
    func waves() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("olas.html")
        let run = try SondeoRunner.run(["report", RepositoryFiles.exampleData("respuestas_olas.csv"), "--questionnaire", Self.questionnaire,
                                        "--strata", "estrato_ola", "--wave", "ola", "--trend", "satisf_general", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h2>Evolución por ola</h2>"))
        // R: NPS 21.40 → 29.65, change 8.249, SE 4.2495, p 0.0522; CSAT 65.20 % → 70.23 %, change 5.03 pp, p 0.0468.
        #expect(html.contains("<td>2026-2</td><td class=\"n\">29,6</td><td>23,8 – 35,5</td><td class=\"n\">850</td><td>+8,2 (p = 0,052)</td>"))
        #expect(html.contains("<td>+5,0 pp (p = 0,047) ▲</td>"))
        // A chosen column as its mean: the second wave leaves satisf_general as it was, so the change is 0 and p = 1.
        #expect(html.contains("Media de «¿Qué tan satisfecho está con Confa en general?»") && html.contains("<td>0,00 (p = 1,000)</td>"))
    }

    @Test("Markdown report; the store's export (grids, multiple choice, NS/NR) reads too; a file without the questions is refused")
    func markdownAndExport() throws {
        let dir = TemporaryDirectory()
        let md = dir.path("reporte.md")
        let run = try SondeoRunner.run(["report", Self.respuestas, "--questionnaire", Self.questionnaire, "--out", md] + Self.arguments)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: md, encoding: .utf8)
        #expect(text.hasPrefix("# Satisfacción con Confa (datos de ejemplo)"))
        #expect(text.contains("| Sí | 70,2 % | 66,7 % – 73,4 % | 850 |"))

        // The web answers through the store and back out, as the demo does.
        let store = dir.path("campo.sqlite"), sample = dir.path("muestra.csv"), export = dir.path("entrevistas.csv")
        let satisfaccion = RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta")
        _ = try SondeoRunner.run(["questionnaire", "publish", satisfaccion, "--store", store])
        _ = try SondeoRunner.run(["sample", "draw", RepositoryFiles.exampleData("afiliados.csv"), "--strata", "categoria", "--total", "850",
                                  "--seed", "20261129", "--reserve", "0.5", "--out", sample])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
        _ = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", RepositoryFiles.exampleData("respuestas_web.csv"), "--store", store])
        _ = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", export])
        let html = dir.path("campo.html")
        let fromStore = try SondeoRunner.run(["report", export, "--questionnaire", satisfaccion, "--by", "estrato", "--out", html])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("¿Qué tan satisfecho está con…") && page.contains("Varias respuestas"))
        #expect(page.contains("No sabe:"))

        // Straight from the store, with the published version: the same report as from its export
        // (only the line naming the source differs), and --questionnaire may name the published id.
        let direct = dir.path("directo.html"), byID = dir.path("id.html")
        let fromID = try SondeoRunner.run(["report", "satisfaccion_servicios", "--store", store, "--by", "estrato", "--out", direct])
        #expect(fromID.status == 0, "\(fromID.stderr)")
        let published = try SondeoRunner.run(["report", export, "--questionnaire", "satisfaccion_servicios", "--store", store, "--by", "estrato", "--out", byID])
        #expect(published.status == 0, "\(published.stderr)")
        func body(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
                .filter { !$0.contains("entrevistas.csv") && !$0.contains("satisfaccion_servicios versión") && !$0.contains("Generado") }
        }
        #expect(try body(direct).count > 50)
        #expect(try body(direct) == body(html))
        #expect(try body(byID) == body(html))
        #expect(try String(contentsOfFile: direct, encoding: .utf8).contains("satisfaccion_servicios versión 2026.12"))
        let fileWithoutQuestionnaire = try SondeoRunner.run(["report", export, "--out", dir.path("y.html")])
        #expect(fileWithoutQuestionnaire.status == 64 && fileWithoutQuestionnaire.stderr.contains("indique su cuestionario con --questionnaire"))

        let wrong = try SondeoRunner.run(["report", RepositoryFiles.exampleData("afiliados.csv"), "--questionnaire", satisfaccion, "--out", dir.path("x.html")])
        #expect(wrong.status == 65 && wrong.stderr.contains("no tiene ninguna columna de las preguntas"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.html")))
    }
}

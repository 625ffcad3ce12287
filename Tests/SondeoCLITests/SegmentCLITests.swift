import Foundation
import SondeoTestSupport
import Testing

/// `sondeo segment`, `map` and `cluster` on the example base (figures from pandas, as in SegmentationTests).
@Suite struct SegmentCLITests {
    static let afiliados = RepositoryFiles.exampleData("afiliados.csv")
    static let expression = "categoria == \"A\" and usa_subsidio == 1 and edad < 35"

    @Test("segment --by municipio: DESIGN.md's JSON (base, count, share, groups with means)")
    func segment() throws {
        let run = try SondeoRunner.run(["segment", Self.afiliados, "--where", Self.expression, "--by", "municipio", "--mean", "edad", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["base"] as? Int == 20_000 && json["count"] as? Int == 2_696)
        expectClose(json["share"] as! Double, 0.1348, rtol: 1e-12)
        let groups = json["groups"] as! [[String: Any]]
        let manizales = try #require(groups.first { ($0["group"] as! [String: String])["municipio"] == "Manizales" })
        #expect(manizales["count"] as? Int == 1_114)
        expectClose((manizales["means"] as! [String: Double])["edad"]!, 28.743268, rtol: 1e-7)
    }

    @Test("named segments from segmentos.txt beside the data; a misspelt name is suggested")
    func namedSegments() throws {
        let dir = TemporaryDirectory()
        let data = dir.file("base.csv", text: "edad,zona\n20,rural\n40,urbana\n30,rural\n")
        dir.file("segmentos.txt", text: "# prueba\nrurales: zona == \"rural\"\n")
        let run = try SondeoRunner.run(["segment", data, "--segment", "rurales"])
        #expect(run.stdout.hasPrefix("Segmento «rurales»: zona == \"rural\"\n2 de 3 filas (66,7 % de la base)"))
        let wrong = try SondeoRunner.run(["segment", data, "--segment", "rural"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.hasPrefix("error[SEGMENT-003]: no hay un segmento llamado «rural»; ¿quiso decir «rurales»?"))
    }

    @Test("map: the six questions in text and a self-contained HTML file with SVG charts")
    func map() throws {
        let text = try SondeoRunner.run(["map", Self.afiliados, "--where", Self.expression])
        #expect(text.status == 0)
        for question in ["¿Quién es?", "¿Qué es?", "¿Cómo es? (composición)", "¿Dónde está?", "¿Qué experiencia ha tenido?", "¿Cómo le fue con esa experiencia?"] {
            #expect(text.stdout.contains(question), "\(question)")
        }
        // pandas: (d[seg].zona == 'rural').mean() = 638/2696 = 23.66 %; the rest (3933 − 638)/17304 = 19.04 %;
        // index 23.66 / 19.665 × 100 = 120
        #expect(text.stdout.contains("    rural     23,7 %  19,0 %   120 ▲"))
        let dir = TemporaryDirectory()
        let html = try SondeoRunner.run(["map", Self.afiliados, "--where", Self.expression, "--format", "html", "--out", dir.path("mapa.html")])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: dir.path("mapa.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg") && page.contains("Municipios de Caldas"))
        // One comparison on the page (issue 21): the grey bars, the legend and the headings all say «the rest of the base»;
        // a 0/1 column reads sí.
        #expect(page.contains("</span>resto de la base") && !page.contains("base completa"))
        #expect(page.contains("text-anchor=\"end\">sí</text>"))
        // Columns by their words, the name small beside (issue 21); a --profile file can give its own.
        #expect(page.contains("<h4>Usa los servicios de salud <code class=\"small\">usa_salud</code></h4>"))
        let profile = dir.file("perfil.txt", text: "quien: sexo\netiqueta sexo: Sexo del afiliado\n")
        let relabelled = try SondeoRunner.run(["map", Self.afiliados, "--where", Self.expression, "--profile", profile])
        #expect(relabelled.status == 0 && relabelled.stdout.contains("Sexo del afiliado (sexo)"), "\(relabelled.stderr)")
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
    }

    @Test("cluster: rows with missing values are dropped and counted, or completed with --impute mean")
    func missing() throws {
        let dir = TemporaryDirectory()
        let data = dir.file("m.csv", text: "a,b\n1,1\n1.2,0.9\n9,9\n9.1,8.8\n,5\n")
        let dropped = try SondeoRunner.run(["cluster", data, "--columns", "a,b", "--k", "2", "--format", "json"])
        #expect(dropped.stderr == "aviso: se dejó fuera 1 fila con datos faltantes en a, b (use --impute mean para conservarlas)\n")
        #expect(dropped.stdout.contains("\"rows\": 4"))
        let imputed = try SondeoRunner.run(["cluster", data, "--columns", "a,b", "--k", "2", "--impute", "mean", "--format", "json"])
        #expect(imputed.stdout.contains("\"rows\": 5"))
    }

    @Test("cluster: JSON of DESIGN.md; --out then map --cluster; bad columns")
    func cluster() throws {
        let dir = TemporaryDirectory()
        let columns = "edad,salario_smmlv,visitas_12m,personas_a_cargo"
        let run = try SondeoRunner.run(["cluster", Self.afiliados, "--columns", columns, "--k", "4", "--seed", "2026", "--restarts", "10",
                                        "--out", dir.path("asignacion.csv"), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // scikit-learn KMeans(n_clusters=4, n_init=20).inertia_ = 40596.65891337683 (see SegmentationTests)
        #expect(abs((json["inertia"] as! Double) - 40_596.65891337683) / 40_596.65891337683 < 0.01)
        #expect((json["sizes"] as! [Int]).reduce(0, +) == 20_000)
        #expect((json["centers"] as! [[String: Double]]).count == 4)
        let map = try SondeoRunner.run(["map", "--cluster", dir.path("asignacion.csv")])
        #expect(map.status == 0 && map.stdout.contains("Mapa de «grupo 1»") && map.stdout.contains("Mapa de «grupo 4»"))
        let text = try SondeoRunner.run(["cluster", Self.afiliados, "--columns", "edad,municipio", "--k", "3"])
        #expect(text.status == 64)
        #expect(text.stderr.hasPrefix("error[SEGMENT-005]: la columna «municipio» es de tipo categórica"))
        let k = try SondeoRunner.run(["cluster", Self.afiliados, "--columns", columns, "--k", "1"])
        #expect(k.stderr.hasPrefix("error[SEGMENT-008]: --k debe ser un entero ≥ 2 o un rango como 2..8, no «1»"))
    }
}

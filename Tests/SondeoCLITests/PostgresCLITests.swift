import Foundation
import SondeoTestSupport
import Testing

/// The survey commands with `--store postgres://…` (skipped, saying so, without SONDEO_TEST_POSTGRES):
/// publish, load the sample, import the web answers, fieldwork status and export, as with SQLite.
@Suite struct PostgresCLITests {
    @Test("publish, sample load, import, status and export on PostgreSQL give what they give on SQLite", .enabled(if: TestPostgres.isConfigured))
    func surveyOnPostgres() throws {
        let postgres = try #require(try TestPostgres.newDatabase(for: "PostgresCLITests"))
        let dir = TemporaryDirectory()
        let sample = dir.path("muestra.csv")
        _ = try SondeoRunner.run(["sample", "draw", RepositoryFiles.exampleData("afiliados.csv"), "--strata", "categoria", "--total", "850",
                                  "--seed", "20261129", "--reserve", "0.5", "--out", sample])
        var outputs: [String: String] = [:]
        for (label, store) in [("sqlite", dir.path("campo.sqlite")), ("postgres", postgres)] {
            let publish = try SondeoRunner.run(["questionnaire", "publish", RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), "--store", store])
            #expect(publish.status == 0, "\(publish.stderr)")
            #expect(!publish.stdout.contains("sondeo:sondeo@"), "the password must not be shown")
            _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", store])
            let imported = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", RepositoryFiles.exampleData("respuestas_web.csv"), "--store", store])
            #expect(imported.stdout.contains("Guardadas 60 entrevistas nuevas"), "\(imported.stderr)")
            let status = try SondeoRunner.run(["responses", "status", "satisfaccion_servicios", "--store", store, "--format", "json"])
            let out = dir.path("\(label).csv")
            _ = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", store, "--out", out])
            outputs[label] = status.stdout + (try String(contentsOfFile: out, encoding: .utf8))
        }
        #expect(outputs["sqlite"] == outputs["postgres"])
        // PQRSL on PostgreSQL: a month imported, its verification sample (the same 100 of 120 as on SQLite,
        // pinned in CasesCLITests from an independent implementation) and a report.
        let imported = try SondeoRunner.run(["cases", "import", RepositoryFiles.exampleData("pqrsl_octubre.csv"), "--store", postgres])
        #expect(imported.stdout.hasSuffix("Guardados 768 casos nuevos; 0 ya estaban.\n"), "\(imported.stderr)")
        let drawn = try SondeoRunner.run(["cases", "verify-sample", "--month", "2026-10", "--seed", "20261101", "--on", "2026-11-03", "--store", postgres])
        #expect(drawn.stdout.contains("100 de 120") && drawn.stdout.contains("huella 50b53a8d1aa58aed") && drawn.stdout.contains("CONFA-2026-000380, CONFA-2026-000293"))
        let opened = try SondeoRunner.run(["cases", "open", "--channel", "web", "--type", "queja", "--service", "salud", "--text", "x", "--received", "2026-11-23",
                                           "--store", postgres])
        #expect(opened.stdout.hasPrefix("Radicado CONFA-2026-000769"), "\(opened.stderr)")
    }
}

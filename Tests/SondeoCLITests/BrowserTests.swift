import Foundation
import SondeoTestSupport
import Testing

/// The web form in a real headless Chromium, driven by Selenium (Tests/Browser/web_form.py): a whole
/// interview with skip logic, a validation error, NS and a typed <script>, with screenshots at phone and
/// desktop widths in .build/browser-screenshots. Skipped, saying why, only where Chromium, its driver
/// or Selenium are missing (`make test` installs them on Debian).
@Suite struct BrowserTests {
    static var missing: String? {
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { return "chromium (apt-get install chromium)" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") { return "chromedriver (apt-get install chromium-driver)" }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import selenium"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "python3" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "Selenium (pip install selenium)"
    }

    @Test("a whole web interview in headless Chromium: required answer, range hint and error, NS, the server killed half-way, skip logic, a one-row 0–10 scale at 390 px, <script> inert, a page kept offline and resent once, the review with «Cambiar», thanks",
          .enabled(if: BrowserTests.missing == nil, "needs chromium, chromedriver and Selenium (make test installs them)"))
    func webInterview() throws {
        let output = RepositoryFiles.path(".build/browser-screenshots")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryFiles.path("Tests/Browser/web_form.py"), SondeoRunner.executable.path, RepositoryFiles.path(""), output]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && text.hasSuffix("OK\n"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: output + "/04-indicadores-390.png") && FileManager.default.fileExists(atPath: output + "/04-indicadores-1100.png"))
    }

    @Test("the PQRSL desk in headless Chromium: the auxiliar files, classifies, keeps the scanned form (SHA-256 checked in the browser), is refused an answer before the filing, answers, closes and routes the call; the aprendiz records it with its time; every page at 390 and 1280 px",
          .enabled(if: BrowserTests.missing == nil, "needs chromium, chromedriver and Selenium (make test installs them)"))
    func desk() throws {
        let output = RepositoryFiles.path(".build/browser-screenshots/desk")
        let check = try Witness.run("python3", [RepositoryFiles.path("Tests/Browser/desk.py"), SondeoRunner.executable.path, RepositoryFiles.path(""), output])
        #expect(check.status == 0 && check.output.hasSuffix("OK\n"), "\(check.output)")
        #expect(FileManager.default.fileExists(atPath: output + "/casos-caso-390.png") && FileManager.default.fileExists(atPath: output + "/casos-verificar-1280.png"))
    }

    @Test("the survey report (themes, waves), the segment map and the PQRSL report at 390 and 1280 px: never wider than the screen, chart text ≥ 9 px",
          .enabled(if: BrowserTests.missing == nil, "needs chromium, chromedriver and Selenium (make test installs them)"))
    func pageWidths() throws {
        let dir = TemporaryDirectory()
        let data = { (name: String) in RepositoryFiles.exampleData(name) }
        let questionnaire = data("respuestas.encuesta")
        let runs: [[String]] = [
            ["report", data("respuestas.csv"), "--questionnaire", questionnaire, "--strata", "categoria", "--by", "canal", "--outcome", "satisf_general",
             "--drivers", "amabilidad,tiempo_espera,claridad_info,instalaciones,precio", "--themes", data("temas.csv"), "--out", dir.path("reporte.html")],
            ["report", data("respuestas_olas.csv"), "--questionnaire", questionnaire, "--strata", "estrato_ola", "--wave", "ola", "--out", dir.path("olas.html")],
            ["map", data("afiliados.csv"), "--where", "zona == \"rural\"", "--out", dir.path("mapa.html")],
            ["cases", "import", data("pqrsl_octubre.csv"), "--store", dir.path("casos.sqlite")],
            ["cases", "report", "--month", "2026-11", "--out", dir.path("pqrsl.html"), "--store", dir.path("casos.sqlite")],
        ]
        for arguments in runs {
            let run = try SondeoRunner.run(arguments)
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
        }
        let pages = ["reporte.html", "olas.html", "mapa.html", "pqrsl.html"].map(dir.path)
        let check = try Witness.run("python3", [RepositoryFiles.path("Tests/Browser/page_widths.py"), RepositoryFiles.path(".build/browser-screenshots/pages")] + pages)
        #expect(check.output.hasSuffix("OK\n"), "\(check.output)")
    }
}

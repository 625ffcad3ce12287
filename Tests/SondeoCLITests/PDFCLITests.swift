import Foundation
import SondeoTestSupport
import Testing

/// `--out x.pdf` of the survey report, the segment map and the PQRSL report: a real PDF printed by
/// headless Chromium, read back by poppler's `pdftotext`/`pdfinfo` (the PDF reader's view: pages,
/// running header, page numbers).
@Suite struct PDFCLITests {
    static let tools: Bool = ["/usr/bin/chromium", "/usr/bin/pdftotext", "/usr/bin/pdfinfo"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    static func text(_ pdf: String) throws -> String { try Witness.run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).output }
    static func pages(_ pdf: String) throws -> Int {
        let info = try Witness.run("/usr/bin/pdfinfo", [pdf]).output
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }!
        return Int(line.split(separator: " ").last!)!
    }

    @Test("sondeo report --out reporte.pdf: a PDF of several A4 pages, the title on each and «Página n de N»",
          .enabled(if: PDFCLITests.tools, "needs chromium and poppler-utils (make test installs them)"))
    func report() throws {
        let directory = TemporaryDirectory()
        let out = directory.path("reporte.pdf")
        let run = try SondeoRunner.run(["report", RepositoryFiles.exampleData("respuestas.csv"), "--questionnaire", RepositoryFiles.exampleData("respuestas.encuesta"),
                                        "--strata", "categoria", "--by", "canal", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        let pages = try Self.pages(out)
        #expect(pages >= 3)
        let text = try Self.text(out)
        #expect(text.contains("Indicadores principales") && text.contains("Página 1 de \(pages)") && text.contains("Página \(pages) de \(pages)"))
        // The running header: the title at the top of every page.
        #expect(text.components(separatedBy: "Satisfacción con Confa (datos de ejemplo)").count - 1 >= pages)
    }

    @Test("sondeo map --out mapa.pdf and sondeo cases report --out pqrsl.pdf print the same pages",
          .enabled(if: PDFCLITests.tools, "needs chromium and poppler-utils (make test installs them)"))
    func mapAndCases() throws {
        let directory = TemporaryDirectory()
        let map = directory.path("mapa.pdf")
        let mapRun = try SondeoRunner.run(["map", RepositoryFiles.exampleData("afiliados.csv"), "--where", "zona == \"rural\"", "--out", map])
        #expect(mapRun.status == 0, "\(mapRun.stderr)")
        #expect(try Self.text(map).contains("¿Quién es?"))
        let store = directory.path("casos.sqlite")
        _ = try SondeoRunner.run(["cases", "import", RepositoryFiles.exampleData("pqrsl_octubre.csv"), "--store", store])
        let cases = directory.path("pqrsl.pdf")
        let casesRun = try SondeoRunner.run(["cases", "report", "--month", "2026-10", "--out", cases, "--store", store])
        #expect(casesRun.status == 0, "\(casesRun.stderr)")
        let text = try Self.text(cases)
        #expect(text.contains("PQRSL de 2026-10") && text.contains("Página 1 de"))
    }

    @Test("without Chromium: a clear message, exit 70, and no file under the .pdf name")
    func noBrowser() throws {
        let directory = TemporaryDirectory()
        let out = directory.path("reporte.pdf")
        let run = try SondeoRunner.run(["report", RepositoryFiles.exampleData("respuestas.csv"), "--questionnaire", RepositoryFiles.exampleData("respuestas.encuesta"),
                                        "--strata", "categoria", "--out", out], environment: ["SONDEO_CHROMIUM": "/no/existe/chromium"])
        #expect(run.status == 70)
        #expect(run.stderr.contains("error[PDF-001]: para escribir un PDF hace falta Chromium y no se encontró"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

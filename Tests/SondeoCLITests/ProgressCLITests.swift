import Foundation
import SondeoTestSupport
import Testing

/// Issue 23: a long command is never silent on a terminal, and writes nothing extra to a log. The
/// terminal is a real pseudo-terminal (util-linux `script`); `SONDEO_PROGRESS_AFTER=0` shows the line
/// at once instead of after a second, so a small base is enough.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script (util-linux)"))
struct ProgressCLITests {
    @Test("cluster --k 2..3 on a terminal: each restart and each silhouette with the share done and the time left, the line cleared at the end; piped, nothing")
    func clusterProgress() throws {
        let dir = TemporaryDirectory()
        let base = dir.file("base.csv", text: "edad,salario_smmlv,visitas_12m\n" + (0..<400).map { i in "\(18 + i % 50),\(1 + Double(i * 7 % 30) / 10),\(i % 13)\n" }.joined())
        let command = "\(SondeoRunner.executable.path) cluster \(base) --columns edad,salario_smmlv,visitas_12m --k 2..3 --restarts 3"
        let terminal = try Witness.run("script", ["-qec", "SONDEO_PROGRESS_AFTER=0 \(command) > \(dir.path("tabla.txt"))", "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.output)")
        let lines = terminal.output.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }.filter { !$0.isEmpty }
        // 2 ks × (3 restarts + 1 silhouette) = 8 units; restarts finish in any order on two cores, so only the count is fixed.
        #expect(lines.contains { $0.hasPrefix("k-medias: k = 2, arranque 1 de 3 — 12 %") }, "\(lines)")
        #expect(lines.contains("k-medias: k = 2, silueta — 50 % · faltan ~") == false)
        #expect(lines.contains { $0.hasPrefix("k-medias: k = 2, silueta — 37 %") && $0.contains(" · faltan ~") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("k-medias: k = 3, silueta — 87 %") }, "\(lines)")
        #expect(terminal.output.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
        let piped = try SondeoRunner.run(["cluster", base, "--columns", "edad,salario_smmlv,visitas_12m", "--k", "2..3", "--restarts", "3"],
                                         environment: ["SONDEO_PROGRESS_AFTER": "0"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        #expect(try String(contentsOfFile: dir.path("tabla.txt"), encoding: .utf8) == piped.stdout)
    }

    @Test("responses import on a terminal: the rows checked in batches of 2,048 and the store's save, the line cleared; piped, nothing")
    func importProgress() throws {
        let dir = TemporaryDirectory()
        // The example web responses, 35 times over with their ids made distinct: 2,100 rows.
        let lines = try String(contentsOfFile: RepositoryFiles.path("Examples/data/respuestas_web.csv"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        var text = String(lines[0]) + "\n"
        for copy in 0..<35 {
            for line in lines.dropFirst() {
                let comma = line.firstIndex(of: ",")!
                text += line[..<comma] + "_\(copy)" + line[comma...] + "\n"
            }
        }
        let file = dir.file("muchas.csv", text: text)
        for store in ["a.sqlite", "b.sqlite"] {
            _ = try SondeoRunner.run(["questionnaire", "publish", RepositoryFiles.path("Questionnaires/satisfaccion-servicios.encuesta"), "--store", dir.path(store)])
        }
        let command = "\(SondeoRunner.executable.path) responses import satisfaccion_servicios \(file) --store \(dir.path("a.sqlite")) --only-valid"
        let terminal = try Witness.run("script", ["-qec", "SONDEO_PROGRESS_AFTER=0 \(command) > \(dir.path("salida.txt")) 2>/dev/null; SONDEO_PROGRESS_AFTER=0 \(command) > /dev/null", "/dev/null"])
        let shown = terminal.output.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }.filter { $0.hasPrefix("Importando") }
        #expect(shown.contains { $0.hasPrefix("Importando \(file): fila 2.048 de 2.100 — 97 %") }, "\(shown)")
        #expect(shown.contains { $0.hasPrefix("Importando \(file): guardando en el almacén — 99 %") }, "\(shown)")
        #expect(terminal.output.hasSuffix("\r\u{1B}[K"))
        let piped = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", file, "--store", dir.path("b.sqlite"), "--only-valid"],
                                         environment: ["SONDEO_PROGRESS_AFTER": "0"])
        #expect(piped.status == 0 && !piped.stderr.contains("Importando"), "\(piped.stderr)")
        #expect(try String(contentsOfFile: dir.path("salida.txt"), encoding: .utf8) == piped.stdout.replacingOccurrences(of: dir.path("b.sqlite"), with: dir.path("a.sqlite")))
    }

    @Test("a computation that cannot count its steps (a cross-table, a report) shows its label and the time taken, then clears it; piped, nothing")
    func workingProgress() throws {
        let dir = TemporaryDirectory()
        let respuestas = RepositoryFiles.exampleData("respuestas.csv")
        let command = "\(SondeoRunner.executable.path) analyze crosstab \(respuestas) --rows canal --cols servicio --strata categoria"
        let terminal = try Witness.run("script", ["-qec", "SONDEO_PROGRESS_AFTER=0 \(command) > \(dir.path("tabla.txt"))", "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.output)")
        let lines = terminal.output.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }.filter { !$0.isEmpty }
        #expect(lines.contains { $0.hasPrefix("Calculando la tabla cruzada… ") && $0.hasSuffix(" s") }, "\(lines)")
        #expect(terminal.output.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
        let piped = try SondeoRunner.run(["analyze", "crosstab", respuestas, "--rows", "canal", "--cols", "servicio", "--strata", "categoria"],
                                         environment: ["SONDEO_PROGRESS_AFTER": "0"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        #expect(try String(contentsOfFile: dir.path("tabla.txt"), encoding: .utf8) == piped.stdout)
    }

    @Test("a workbook written on a terminal says how far it is every 10,000 rows")
    func writingProgress() throws {
        let dir = TemporaryDirectory()
        let out = dir.path("base.xlsx")
        let terminal = try Witness.run("script", ["-qec", "SONDEO_PROGRESS_AFTER=0 \(SondeoRunner.executable.path) data convert \(RepositoryFiles.path("Examples/data/afiliados.csv")) --out \(out)", "/dev/null"])
        let shown = terminal.output.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }
        #expect(shown.contains { $0.hasPrefix("Escribiendo \(out): fila 10.000 de 20.000 — 50 %") }, "\(shown)")
        #expect(FileManager.default.fileExists(atPath: out))
    }
}

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
}

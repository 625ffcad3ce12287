import Foundation
import SondeoTestSupport
import Table
import Testing
@testable import Analysis

/// Open comments coded by a codeframe: the matching rules by hand, and the design-based figures
/// against R (Scripts/reference/themes.R → Fixtures/r_themes.json, where the same codeframe is written
/// as R regular expressions over transliterated text: an independent coder).
@Suite struct ThemeTests {
    nonisolated(unsafe) static let r: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/r_themes", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func codeframe(_ text: String, name: String = "temas.csv") throws -> Codeframe {
        let directory = TemporaryDirectory()
        return try Codeframe(table: try CSVReader.read(path: directory.file(name, text: text)).table, path: name)
    }

    @Test("words match whole, without case or accents; «tard*» any word that starts so; phrases across spaces; /regex/")
    func matching() throws {
        let frame = try Self.codeframe("tema,patron\nEspera,espera|tard*|vuelva mañana\nInformación,informacion|/explica(ro)?n/\nEspera,demora\n")
        #expect(frame.themes == ["Espera", "Información"])
        #expect(frame.themes(of: "Mucha ESPERA") == [0])
        #expect(frame.themes(of: "se tardaron mucho") == [0])
        #expect(frame.themes(of: "siempre dicen «Vuelva   Mañana»") == [0])
        #expect(frame.themes(of: "La INFORMACIÓN no me la explicaron") == [1])
        #expect(frame.themes(of: "qué demora; poca información") == [0, 1])
        // Whole words: «esperanza» is not «espera»; «retardo» does not start with «tard».
        #expect(frame.themes(of: "con esperanza") == [] && frame.themes(of: "un retardo") == [])
    }

    @Test("a codeframe without its columns, with an empty pattern or a bad regex names the file and line")
    func errors() throws {
        #expect(throws: CodeframeError.missingColumns(file: "temas.csv")) { try Self.codeframe("nombre,palabras\nA,b\n") }
        #expect(throws: CodeframeError.empty(file: "temas.csv", line: 3, field: "patron")) { try Self.codeframe("tema,patron\nA,b\nC,\"\"\n") }
        #expect(throws: CodeframeError.badPattern(file: "temas.csv", line: 2, pattern: "/(sin cerrar/")) { try Self.codeframe("tema,patron\nA,/(sin cerrar/\n") }
    }

    @Test("shares of commenters with their logit intervals and the NPS of those who mention each theme, as R on the example survey")
    func figures() throws {
        let frame = try Self.codeframe(try String(contentsOfFile: RepositoryFiles.exampleData("temas.csv"), encoding: .utf8))
        let t = try CSVReader.read(path: RepositoryFiles.exampleData("respuestas.csv")).table
        let data = try AnalysisData(path: "respuestas.csv", table: t, columns: DesignColumns(strata: "categoria", weights: "peso", fpc: "N_estrato"),
                                    by: [], lonelyPSU: .fail)
        let analysis = try ThemeAnalysis(data, variable: "comentario", codeframe: frame, npsVariable: "nps", confidence: 0.95)
        #expect(analysis.commented == Int(Reference.number(Self.r["commented"])))
        for (key, theme) in [("espera", "Tiempo de espera y demoras"), ("costo", "Costo"), ("trato", "Trato del personal")] {
            let o = Self.r[key] as! [String: Any]
            let row = try #require(analysis.rows.first { $0.theme == theme })
            #expect(row.mentions == Int(Reference.number(o["mentions"])))
            expectClose(row.share.estimate, Reference.number(o["share"]), rtol: 1e-10)
            expectClose([row.share.lower, row.share.upper], Reference.numbers(o["ci"]), rtol: 1e-8)
            expectClose(row.nps!.estimate, Reference.number(o["nps"]), rtol: 1e-10)
            expectClose(row.nps!.standardError, Reference.number(o["nps_se"]), rtol: 1e-8)
        }
    }
}

import Foundation
import SondeoTestSupport
import Store
import Survey
import Testing

/// `serve links`: who gets an invitation to the web survey.
@Suite struct WebLinksTests {
    @Test("cases interviewed, refused or not eligible get no link; a case whose phone attempts ran out still does")
    func closedCasesLeftOut() throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("s.sqlite"))
        _ = try store.publish(PublishedVersion(questionnaire: "q", version: "1", sha256: "x", source: "encuesta q \"Q\"\nversión 1\nmodos web\nnota: escala 0..10\n  \"¿Nota?\"\n",
                                               publishedAt: "t"), actor: "t")
        _ = try store.loadSample((1...5).map { (i: Int) in SampleUnit(unit: "AF\(i)", stratum: "A", weight: 1, stratumSize: 100, order: i) }, questionnaire: "q", actor: "t")
        // By hand from the catalogue: rechazo (2.112), completa (1.1) and no_elegible (4.70) end the case;
        // max_intentos (3.90) leaves the affiliate reachable by another channel.
        try store.close(questionnaire: "q", unit: "AF1", disposition: "rechazo", actor: "t")
        try store.close(questionnaire: "q", unit: "AF2", disposition: "max_intentos", actor: "t")
        try store.close(questionnaire: "q", unit: "AF3", disposition: "completa", actor: "t")
        try store.close(questionnaire: "q", unit: "AF4", disposition: "no_elegible", actor: "t")
        let (table, leftOut) = try WebLinks.table(store: store, questionnaire: "q", baseURL: "https://e.confa.co/", includeReserve: false, now: "t") {
            UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        }
        #expect(table["id_afiliado"].map { c in (0..<c.count).compactMap { c.text(at: $0) } } == ["AF2", "AF5"])
        #expect(leftOut == 3)
        #expect(table["enlace"]?.text(at: 0)?.hasPrefix("https://e.confa.co/r/") == true)
        #expect(WebLinks.written(table, leftOut: leftOut, to: "enlaces.csv", questionnaire: "q")
                == "Escrito enlaces.csv: 2 enlaces personales para «q»; 3 casos sin enlace porque ya terminaron (entrevista, rechazo o no elegible).")
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Questionnaire
import SondeoTestSupport
import Store
import Survey
import Testing
@testable import SondeoWeb

/// Issue 16's parity test: one answer plan — a grid whose rows come in random order, NS in a grid row,
/// a warning confirmed, going back and changing an answer — run through the phone interview
/// (`sondeo collect`, typed in), through the web form (its HTTP routes) and through `responses import`
/// (of the web store's export), for the same affiliate in three stores. The stored interviews must hold
/// the same answers, the same order seed and the same disposition.
@Suite struct ChannelParityTests {
    /// The plan: service 2 then, going back, 6; 40 uses (over the warning's 30, confirmed); NPS 9 with a
    /// reason; CSAT 5; the grid row by row, «el tiempo de espera» answered No sabe.
    static let grid: [String: String] = ["amabilidad": "5", "espera": "NS", "informacion": "4", "sedes": "4"]

    static func store(at path: String) throws -> any WebStore {
        let dir = (path as NSString).deletingLastPathComponent
        let sample = (dir as NSString).appendingPathComponent("muestra.csv")
        try "id_afiliado,telefono,estrato,peso,N_estrato,orden,reserva\nAF1,3001,A,20,200,1,0\n".write(toFile: sample, atomically: true, encoding: .utf8)
        _ = try SondeoRunner.run(["questionnaire", "publish", CollectCLITests.satisfaccion, "--store", path])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", path])
        return try SQLStore(sqlite: path)
    }

    /// The answers as stored, by variable, without the web's page counter.
    static func answers(_ store: any SurveyStore) throws -> [String: StoredAnswer] {
        let interview = try #require(try store.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        return Dictionary(uniqueKeysWithValues: interview.answers.filter { $0.variable != "_pagina" }.map { ($0.variable, $0) })
    }

    @Test("the phone interview, the web form and responses import store the same interview: answers, order shown, disposition")
    func parity() async throws {
        let phoneDir = TemporaryDirectory(), webDir = TemporaryDirectory()
        let phonePath = phoneDir.path("campo.sqlite")
        let phoneStore = try Self.store(at: phonePath)
        let webStore = try Self.store(at: webDir.path("web.sqlite"))
        let q = QuestionnaireParser.parse(try String(contentsOfFile: CollectCLITests.satisfaccion, encoding: .utf8), file: "s").file
        let atributos = try #require(q.item("atributos"))
        let order = PresentationOrder(questionnaire: "satisfaccion_servicios", respondent: "AF1", responses: Responses())
        let rows = order.rows(of: atributos).map(\.id)
        #expect(Set(rows) == ["amabilidad", "espera", "informacion", "sedes"])
        // For AF1 the seed does move the rows (so the test sees a shuffle, not the written order).
        #expect(rows != atributos.rows.map(\.id), "\(rows)")

        // By phone: answered; consent; service 2, «<» back, 6; 40 and «s» to the warning; NPS, reason,
        // CSAT; the grid in the order the encuestador reads it; Enter on the closing note.
        let typed = ["1", "1", "2", "<", "6", "40", "s", "9", "Me atendieron rápido", "5"]
            + rows.map { Self.grid[$0]!.lowercased() } + [""]
        let run = try SondeoRunner.run(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", phonePath, "--unit", "AF1"],
                                       input: typed.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("Entrevista terminada: Entrevista completa.\n"), "\(run.stdout.suffix(400))")
        // The rows were read in the order the seed gives, not the written one.
        let texts = rows.map { row in atributos.rows.first { $0.id == row }!.text }
        let positions = texts.map { run.stdout.range(of: "— " + $0)!.lowerBound }
        #expect(positions == positions.sorted())

        // On the web, the respondent's link.
        let link = try #require(try webStore.webLinks(questionnaire: "satisfaccion_servicios", includeReserve: false, now: "t", token: SurveyServer.newToken).first)
        let app = Application(router: try SurveyServer(store: webStore, questionnaire: "satisfaccion_servicios", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            let uri = "/r/\(link.token)"
            let first = try await client.execute(uri: uri, method: .get)
            let cookie = try #require(WebForm.cookie(first.headers[values: .setCookie]))
            let csrf = WebForm.csrf(String(buffer: first.body))
            func send(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                         body: ByteBuffer(string: WebForm.body([("csrf", csrf)] + fields)))
            }
            func page() async throws -> String { String(buffer: try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]).body) }
            #expect(try await send([("pagina", "0"), ("consentimiento", "1")]).status == .seeOther)
            // 40 uses: the warning stops the page until it is confirmed.
            let warned = try await send([("pagina", "1"), ("servicio", "2"), ("usos", "40")])
            #expect(warned.status == .unprocessableContent)
            #expect(String(buffer: warned.body).contains("Confirmo que la respuesta es correcta"))
            #expect(try await send([("pagina", "1"), ("servicio", "2"), ("usos", "40"), ("confirma", "usos")]).status == .seeOther)
            // «Anterior» from the indicators page keeps the answers; service changed to 6.
            let indicators = try await page()
            #expect(indicators.contains(">Anterior</button>"))
            #expect(try await send([("pagina", "2"), ("accion", "anterior")]).status == .seeOther)
            let back = try await page()
            #expect(back.contains("name=\"servicio\" value=\"2\" checked"))
            #expect(back.contains("name=\"usos\"") && back.contains("value=\"40\""))
            #expect(try await send([("pagina", "1"), ("servicio", "6"), ("usos", "40"), ("confirma", "usos")]).status == .seeOther)
            // The grid in the same order as on the phone, with NS per row.
            let gridPage = try await page()
            let webPositions = rows.map { gridPage.range(of: "name=\"atributos_\($0)\"")!.lowerBound }
            #expect(webPositions == webPositions.sorted())
            #expect(gridPage.contains("name=\"atributos_espera__especial\" value=\"NS\""))
            var fields: [(String, String)] = [("pagina", "2"), ("nps", "9"), ("nps_razon", "Me atendieron rápido"), ("csat", "5")]
            for (row, value) in Self.grid {
                fields.append(value == "NS" ? ("atributos_\(row)__especial", "NS") : ("atributos_\(row)", value))
            }
            #expect(try await send(fields).status == .seeOther)
            #expect(try await send([("pagina", "3")]).status == .seeOther)
            #expect(try await page().contains("Gracias"))
        }
        let phone = try Self.answers(phoneStore), web = try Self.answers(webStore)
        #expect(phone == web, "phone only: \(phone.filter { web[$0.key] != $0.value }) · web only: \(web.filter { phone[$0.key] != $0.value })")
        #expect(phone["atributos_espera"]?.status == "NS" && phone["servicio"]?.number == 6 && phone["_orden"] == web["_orden"])
        let a = try #require(try phoneStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        let b = try #require(try webStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        #expect(a.disposition == "completa" && b.disposition == "completa")
        // The export carries the seed of the order shown, the same for both channels.
        let exported = try [phoneStore, webStore].map { store in
            try ResponseExport.table(store: store, questionnaire: q, id: "satisfaccion_servicios", labels: false, anonymize: false)["_orden"]?.text(at: 0)
        }
        #expect(exported[0] != nil && exported[0]?.count == 16 && exported[0] == exported[1])
        #expect(exported[0] == phone["_orden"]?.text)

        // Through `responses import`: the web store's export into a third store.
        let importDir = TemporaryDirectory()
        let importPath = importDir.path("importado.sqlite"), exportFile = importDir.path("web.csv")
        let importStore = try Self.store(at: importPath)
        let export = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", webDir.path("web.sqlite"), "--out", exportFile])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", exportFile, "--store", importPath])
        #expect(imported.status == 0, "\(imported.stdout) \(imported.stderr)")
        let third = try Self.answers(importStore)
        #expect(third == phone, "import only: \(third.filter { phone[$0.key] != $0.value }) · phone only: \(phone.filter { third[$0.key] != $0.value })")
        #expect(try importStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1")?.disposition == "completa")
        // A seed that is not one is refused with its line and column; nothing is saved.
        let seed = try #require(phone["_orden"]?.text)
        let bad = importDir.path("mala.csv")
        try (try String(contentsOfFile: exportFile, encoding: .utf8)).replacingOccurrences(of: seed, with: "no-es-semilla")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let otherPath = importDir.path("otro.sqlite")
        let other = try Self.store(at: otherPath)
        let refused = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", bad, "--store", otherPath])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("mala.csv:2 [_orden]: error: «no-es-semilla» no es una semilla de orden"), "\(refused.stderr)")
        #expect(try other.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1") == nil)
    }
}

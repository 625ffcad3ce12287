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
/// a warning confirmed, going back and changing an answer — and a second affiliate whose «No» to the
/// consent ends the interview (`→ terminar rechazo`), run through the phone interview (`sondeo collect`
/// in a pseudo-terminal, typed as an encuestador types), through the web form (its HTTP routes) and
/// through `responses import` (of the web store's export), in three stores of SQLite and, when a server
/// is given, of PostgreSQL. The stored interviews must hold the same answers, the same order seed and
/// the same disposition.
@Suite struct ChannelParityTests {
    /// The plan: service 2 then, going back, 6; 40 uses (over the warning's 30, confirmed); NPS 9 with a
    /// reason; CSAT 5; the grid row by row, «el tiempo de espera» answered No sabe.
    static let grid: [String: String] = ["amabilidad": "5", "espera": "NS", "informacion": "4", "sedes": "4"]

    enum Backend: String, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static let backends: [Backend] = TestPostgres.isConfigured ? [.sqlite, .postgres] : [.sqlite]

    /// A new, empty store of the backend: its location.
    static func location(_ backend: Backend, _ name: String, in dir: TemporaryDirectory) throws -> String {
        backend == .sqlite ? dir.path("\(name).sqlite") : try #require(try TestPostgres.newDatabase(for: "ChannelParityTests"))
    }

    /// The questionnaire published and a sample of AF1 and AF2 loaded, by the commands a person runs.
    static func store(at location: String, in dir: TemporaryDirectory) throws -> any WebStore {
        let sample = dir.file("muestra.csv", text: "id_afiliado,telefono,estrato,peso,N_estrato,orden,reserva\nAF1,3001,A,20,200,1,0\nAF2,3002,A,20,200,2,0\n")
        _ = try SondeoRunner.run(["questionnaire", "publish", CollectCLITests.satisfaccion, "--store", location])
        _ = try SondeoRunner.run(["sample", "load", sample, "--questionnaire", "satisfaccion_servicios", "--store", location])
        return try SQLStore(location)
    }

    /// The answers as stored, by variable, without the web's page counter.
    static func answers(_ store: any SurveyStore, _ respondent: String = "AF1") throws -> [String: StoredAnswer] {
        let interview = try #require(try store.interview(questionnaire: "satisfaccion_servicios", respondent: respondent))
        // The answers, not how the channel went: the web's page bookmark and the paradata (seconds per page,
        // device) are each channel's own.
        return Dictionary(uniqueKeysWithValues: interview.answers.filter { $0.variable != "_pagina" && !Paradata.isParadata($0.variable) }.map { ($0.variable, $0) })
    }

    @Test("the phone interview (in a terminal), the web form and responses import store the same interviews: answers, order shown, disposition",
          arguments: Self.backends)
    func parity(_ backend: Backend) async throws {
        let dir = TemporaryDirectory()
        let phonePath = try Self.location(backend, "campo", in: dir), webPath = try Self.location(backend, "web", in: dir)
        let phoneStore = try Self.store(at: phonePath, in: dir)
        let webStore = try Self.store(at: webPath, in: dir)
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
        let call = try TerminalSession(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", phonePath, "--unit", "AF1", "--any-day"])
        let run = try call.answer(typed)
        #expect(run.status == 0, "\(run.transcript.suffix(600))")
        #expect(run.transcript.contains("Entrevista terminada: Entrevista completa."), "\(run.transcript.suffix(600))")
        // A terminal: the questions in bold, the stored answer offered on going back.
        #expect(run.transcript.contains("\u{1B}[1m¿Qué servicio de Confa utilizó") && run.transcript.contains("Respuesta guardada: 2 Recreación y turismo"))
        // The rows were read in the order the seed gives, not the written one.
        let texts = rows.map { row in atributos.rows.first { $0.id == row }!.text }
        let positions = texts.map { run.transcript.range(of: "— " + $0)!.lowerBound }
        #expect(positions == positions.sorted())
        // AF2 answers, then says No to the consent: `→ terminar rechazo`.
        let refusal = try TerminalSession(["collect", "satisfaccion_servicios", "--interviewer", "e07", "--store", phonePath, "--unit", "AF2", "--any-day"])
            .answer(["1", "2"])
        #expect(refusal.status == 0 && refusal.transcript.contains("Entrevista terminada: Rechazo"), "\(refusal.transcript.suffix(400))")

        // On the web, the respondents' links.
        let links = try webStore.webLinks(questionnaire: "satisfaccion_servicios", includeReserve: false, now: "t", token: SurveyServer.newToken)
        let link = try #require(links.first { $0.unit == "AF1" })
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
            // The respondent's review, then «Enviar respuestas».
            #expect(try await page().contains("Revise sus respuestas antes de enviarlas"))
            #expect(try await send([("accion", "enviar")]).status == .seeOther)
            #expect(try await page().contains("Gracias"))
            // AF2's link: «No» to the consent ends it.
            let second = "/r/\(try #require(links.first { $0.unit == "AF2" }).token)"
            let opened = try await client.execute(uri: second, method: .get)
            let secondCookie = try #require(WebForm.cookie(opened.headers[values: .setCookie]))
            let refused = try await client.execute(uri: second, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: secondCookie],
                                                   body: ByteBuffer(string: WebForm.body([("csrf", WebForm.csrf(String(buffer: opened.body))),
                                                                                          ("pagina", "0"), ("consentimiento", "2")])))
            #expect(refused.status == .seeOther)
        }
        let phone = try Self.answers(phoneStore), web = try Self.answers(webStore)
        #expect(phone == web, "phone only: \(phone.filter { web[$0.key] != $0.value }) · web only: \(web.filter { phone[$0.key] != $0.value })")
        #expect(phone["atributos_espera"]?.status == "NS" && phone["servicio"]?.number == 6 && phone["_orden"] == web["_orden"])
        let a = try #require(try phoneStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        let b = try #require(try webStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1"))
        #expect(a.disposition == "completa" && b.disposition == "completa")
        #expect(try Self.answers(phoneStore, "AF2") == Self.answers(webStore, "AF2") && Self.answers(phoneStore, "AF2")["consentimiento"]?.number == 2)
        for store in [phoneStore, webStore] {
            #expect(try store.interview(questionnaire: "satisfaccion_servicios", respondent: "AF2")?.disposition == "rechazo")
        }
        // The export carries the seed of the order shown, the same for both channels.
        let exported = try [phoneStore, webStore].map { store in
            try ResponseExport.table(store: store, questionnaire: q, id: "satisfaccion_servicios", labels: false, anonymize: false)["_orden"]?.text(at: 0)
        }
        #expect(exported[0] != nil && exported[0]?.count == 16 && exported[0] == exported[1])
        #expect(exported[0] == phone["_orden"]?.text)

        // Through `responses import`: the web store's export into a third store.
        let importDir = TemporaryDirectory()
        let importPath = try Self.location(backend, "importado", in: importDir), exportFile = importDir.path("web.csv")
        let importStore = try Self.store(at: importPath, in: importDir)
        let export = try SondeoRunner.run(["responses", "export", "satisfaccion_servicios", "--store", webPath, "--out", exportFile])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", exportFile, "--store", importPath])
        #expect(imported.status == 0, "\(imported.stdout) \(imported.stderr)")
        let third = try Self.answers(importStore)
        #expect(third == phone, "import only: \(third.filter { phone[$0.key] != $0.value }) · phone only: \(phone.filter { third[$0.key] != $0.value })")
        #expect(try importStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1")?.disposition == "completa")
        #expect(try Self.answers(importStore, "AF2") == Self.answers(phoneStore, "AF2"))
        #expect(try importStore.interview(questionnaire: "satisfaccion_servicios", respondent: "AF2")?.disposition == "rechazo")
        // A seed that is not one is refused with its line and column; nothing is saved.
        let seed = try #require(phone["_orden"]?.text)
        let bad = importDir.path("mala.csv")
        try (try String(contentsOfFile: exportFile, encoding: .utf8)).replacingOccurrences(of: seed, with: "no-es-semilla")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let otherPath = try Self.location(backend, "otro", in: importDir)
        let other = try Self.store(at: otherPath, in: importDir)
        let refused = try SondeoRunner.run(["responses", "import", "satisfaccion_servicios", bad, "--store", otherPath])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("mala.csv:2 [_orden]: error: «no-es-semilla» no es una semilla de orden"), "\(refused.stderr)")
        #expect(try other.interview(questionnaire: "satisfaccion_servicios", respondent: "AF1") == nil)
    }
}

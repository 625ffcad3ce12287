import Cases
import Foundation
import Hummingbird
import HummingbirdTesting
import SondeoTestSupport
import Store
import Testing
@testable import SondeoWeb

/// The PQRSL desk in the browser (`/casos`), route by route: the auxiliar files, answers and closes a
/// case, the aprendiz makes the verification call and can do nothing else, an encuestador sees none of
/// it; a refused step shows the rule's message and writes nothing.
@Suite struct DeskRoutesTests {
    func session(_ client: any TestClientProtocol, _ code: String) async throws -> (cookie: String, home: String?) {
        let login = try await StaffRoutesTests.login(client, code, "clave-de-prueba-9")
        return (try ChannelRulesTests.session(login), login.headers[.location])
    }

    /// A page's CSRF cookie and field, then the form posted with them.
    func post(_ client: any TestClientProtocol, _ session: String, page: String, to path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let shown = try await client.execute(uri: page, method: .get, headers: [.cookie: session])
        let csrf = try #require(SurveyServerTests.cookie(shown))
        return try await client.execute(uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session + "; " + csrf],
                                        body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(String(buffer: shown.body)))] + fields))
    }

    @Test("file, answer and close from the desk; the aprendiz's call with its time; refusals shown with the rule's words; roles kept apart")
    func desk() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir)
        for (code, role) in [("aux1", "auxiliar"), ("apr1", "aprendiz"), ("e01", "encuestador")] { try StaffRoutesTests.account(store, code, role, "clave-de-prueba-9") }
        let cases = try #require(store as? any CaseStore)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000, caseDesk: CaseDesk()).router())
        try await app.test(.router) { client in
            let (auxiliar, home) = try await session(client, "aux1")
            #expect(home == "/casos")
            // A case without its text is refused, with the rule's message; nothing filed.
            let blank = try await post(client, auxiliar, page: "/casos/nuevo", to: "/casos/nuevo",
                                       [("canal", "web"), ("tipo", "queja"), ("servicio", "salud"), ("texto", " "), ("recibido", "2026-11-03")])
            #expect(blank.status == .unprocessableContent && String(buffer: blank.body).contains("falta el texto de la petición"))
            #expect(try cases.pqrsCases().isEmpty)
            let filed = try await post(client, auxiliar, page: "/casos/nuevo", to: "/casos/nuevo",
                                       [("canal", "web"), ("tipo", "queja"), ("servicio", "salud"), ("texto", "Esperé dos horas"),
                                        ("peticionario", "Ana Ríos, ana@example.co"), ("recibido", "2026-11-03")])
            #expect(filed.status == .seeOther && filed.headers[.location] == "/casos/CONFA-2026-000001?hecho=radicado")
            // Filed Tue 3 Nov 2026: due Wed 25 Nov (holidays 2 and 16 Nov), as the command computes it.
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.deadline == "2026-11-25")
            let page = String(buffer: try await client.execute(uri: "/casos/CONFA-2026-000001", method: .get, headers: [.cookie: auxiliar]).body)
            #expect(page.contains("miércoles 2026-11-25") && page.contains("value=\"responder\"") && !page.contains("value=\"cerrar\""), "\(page)")
            let list = String(buffer: try await client.execute(uri: "/casos?estado=asignado", method: .get, headers: [.cookie: auxiliar]).body)
            #expect(list.contains("<a href=\"/casos/CONFA-2026-000001\">"))

            let early = try await post(client, auxiliar, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001",
                                       [("accion", "responder"), ("fecha", "2026-11-01"), ("canal", "correo")])
            #expect(early.status == .unprocessableContent && String(buffer: early.body).contains("no puede ser anterior a la radicación"))
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.state == "asignado")
            let answered = try await post(client, auxiliar, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001",
                                          [("accion", "responder"), ("fecha", "2026-11-10"), ("canal", "correo")])
            #expect(answered.status == .seeOther)
            _ = try await post(client, auxiliar, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001", [("accion", "cerrar"), ("fecha", "2026-11-10")])
            #expect(try cases.pqrsCase("CONFA-2026-000001").map { "\($0.state) \($0.verification)" } == "en-verificacion pendiente")

            // The aprendiz: the queue, the call, nothing else.
            let (apprentice, apprenticeHome) = try await session(client, "apr1")
            #expect(apprenticeHome == "/casos/verificar")
            let queue = String(buffer: try await client.execute(uri: "/casos/verificar", method: .get, headers: [.cookie: apprentice]).body)
            #expect(queue.contains("1 caso por llamar") && queue.contains("CONFA-2026-000001"), "\(queue)")
            let forbidden = try await post(client, apprentice, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001", [("accion", "cerrar"), ("fecha", "2026-11-12")])
            #expect(forbidden.status == .forbidden)
            #expect(try await client.execute(uri: "/casos/nuevo", method: .get, headers: [.cookie: apprentice]).status == .forbidden)
            let call = try await post(client, apprentice, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001",
                                      [("accion", "verificar"), ("resultado", "contactado"), ("satisfecho", "si"), ("fecha", "2026-11-12"), ("hora", "10:30"),
                                       ("notas", "Quedó conforme")])
            #expect(call.status == .seeOther)
            #expect(try cases.pqrsCase("CONFA-2026-000001").map { "\($0.state) \($0.verification) \($0.satisfied == true)" } == "cerrado contactado true")
            #expect(try cases.verificationAttempts(of: "CONFA-2026-000001").map { "\($0.onDate) \($0.time ?? "") \($0.actor)" } == ["2026-11-12 10:30 apr1"])

            // An encuestador has no business here.
            let (interviewer, _) = try await session(client, "e01")
            #expect(try await client.execute(uri: "/casos", method: .get, headers: [.cookie: interviewer]).status == .forbidden)
            // Nor has anyone without a session.
            #expect(try await client.execute(uri: "/casos", method: .get).headers[.location] == "/ingresar")
        }
    }
}

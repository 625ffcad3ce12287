import Foundation
import Hummingbird
import HummingbirdTesting
import SondeoTestSupport
import Store
import Testing
@testable import SondeoWeb

/// Staff pages: passwords only as PBKDF2, login with a lock after five failures, roles, the
/// encuestador's face-to-face form and the supervisor's fieldwork page.
@Suite struct StaffRoutesTests {
    static func account(_ store: any WebStore, _ code: String, _ role: String, _ password: String) throws {
        let salt = Password.randomSalt()
        try store.saveWebUser(.init(code: code, role: role, salt: Password.hex(salt), hash: Password.hex(Password.derive(password, salt: salt, iterations: 1000)),
                                    iterations: 1000), actor: "t")
    }

    /// A login from `from` (sent as the proxy's `X-Forwarded-For`; ignored unless the server is behind a proxy).
    static func login(_ client: any TestClientProtocol, _ code: String, _ password: String, from: String? = nil) async throws -> TestResponse {
        let page = try await client.execute(uri: "/ingresar", method: .get)
        let cookie = try #require(SurveyServerTests.cookie(page))
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
        if let from { headers[.init("X-Forwarded-For")!] = "10.0.0.1, " + from }
        return try await client.execute(uri: "/ingresar", method: .post, headers: headers,
                                        body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(String(buffer: page.body))), ("codigo", code), ("clave", password)]))
    }

    @Test("an outsider's wrong guesses lock out only the outsider: the supervisor at another computer logs in; spraying many codes stops the outsider; without a proxy the header is not believed")
    func throttlePerClient() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir)
        try Self.account(store, "s01", "supervisor", "clave-de-prueba-2")
        let refused = "Código o contraseña incorrectos."
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000, behindProxy: true).router())
        try await app.test(.router) { client in
            // 203.0.113.9 guesses six times; the sixth (even the right password) is refused for it alone.
            for _ in 1...6 { _ = try await Self.login(client, "s01", "equivocada", from: "203.0.113.9") }
            let outsider = try await Self.login(client, "s01", "clave-de-prueba-2", from: "203.0.113.9")
            #expect(outsider.status == .unauthorized && String(buffer: outsider.body).contains(refused))
            let supervisor = try await Self.login(client, "s01", "clave-de-prueba-2", from: "198.51.100.7")
            #expect(supervisor.status == .seeOther && supervisor.headers[.location] == "/campo")
            #expect(try store.webUser("s01")?.lockedUntil == nil)
            // Spraying: twenty wrong logins on made-up codes from one client stop it, whatever the account.
            for n in 1...20 { _ = try await Self.login(client, "e\(n)", "x", from: "192.0.2.44") }
            let sprayer = try await Self.login(client, "s01", "clave-de-prueba-2", from: "192.0.2.44")
            #expect(sprayer.status == .unauthorized)
        }
        // Not behind a proxy, the header is the client's own word: every request counts as the same peer.
        let direct = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await direct.test(.router) { client in
            for n in 1...5 { _ = try await Self.login(client, "s01", "equivocada", from: "203.0.113.\(n)") }
            #expect(try await Self.login(client, "s01", "clave-de-prueba-2", from: "198.51.100.7").status == .unauthorized)
        }
    }

    @Test("login: the password is not stored; five wrong passwords hold that client back; unknown, wrong and held back read the same; roles open their pages only")
    func login() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 3, in: dir)
        try Self.account(store, "e01", "encuestador", "clave-de-prueba-1")
        try Self.account(store, "s01", "supervisor", "clave-de-prueba-2")
        let user = try #require(try store.webUser("e01"))
        #expect(user.hash.count == 64 && !user.hash.contains("clave") && user.salt.count == 32)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/campo", method: .get).status == .seeOther)
            let unknown = try await Self.login(client, "nadie", "x")
            let refused = "Código o contraseña incorrectos. Tras 5 intentos fallidos desde este equipo, el ingreso se bloquea 15 minutos."
            #expect(unknown.status == .unauthorized && String(buffer: unknown.body).contains(refused))
            for _ in 1...5 { _ = try await Self.login(client, "e01", "equivocada") }
            // The right password on a locked account: refused, with the very words an unknown code gets.
            let locked = try await Self.login(client, "e01", "clave-de-prueba-1")
            #expect(locked.status == .unauthorized && String(buffer: locked.body).contains(refused))
            #expect(locked.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("sondeo_sesion=") })

            let supervisor = try await Self.login(client, "s01", "clave-de-prueba-2")
            #expect(supervisor.status == .seeOther && supervisor.headers[.location] == "/campo")
            let session = try #require(supervisor.headers[values: .setCookie].first { $0.hasPrefix("sondeo_sesion=") }?.split(separator: ";").first.map(String.init))
            let campo = try await client.execute(uri: "/campo", method: .get, headers: [.cookie: session])
            let body = String(buffer: campo.body)
            // Three main-sample cases in stratum A, none tried: target 3, no completes.
            #expect(campo.status == .ok && body.contains("<td>A</td><td class=\"n\">3</td><td class=\"n\">0</td>") && body.contains("RR1"))
        }
    }

    @Test("an encuestador opens a case and fills the face-to-face form; the interview records who did it")
    func interviewer() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 2, in: dir)
        try Self.account(store, "e02", "encuestador", "clave-de-prueba-3")
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            let login = try await Self.login(client, "e02", "clave-de-prueba-3")
            #expect(login.headers[.location] == "/encuestador")
            let session = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("sondeo_sesion=") }?.split(separator: ";").first.map(String.init))
            let list = try await client.execute(uri: "/encuestador", method: .get, headers: [.cookie: session])
            #expect(String(buffer: list.body).contains("<a href=\"/e/AF1\">AF1</a>"))
            #expect(try await client.execute(uri: "/campo", method: .get, headers: [.cookie: session]).status == .forbidden)
            let page = try await client.execute(uri: "/e/AF1", method: .get, headers: [.cookie: session])
            let csrf = try #require(SurveyServerTests.cookie(page))
            let sent = try await client.execute(uri: "/e/AF1", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session + "; " + csrf],
                                                body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(String(buffer: page.body))), ("pagina", "0"), ("acepta", "1")]))
            #expect(sent.status == .seeOther && sent.headers[.location] == "/e/AF1")
            let interview = try #require(try store.interview(questionnaire: "prueba", respondent: "AF1"))
            #expect(interview.interviewer == "e02" && interview.mode == "presencial")
            // The face-to-face form counts as a contact attempt, as a call does: open, then the interview's end.
            #expect(try store.attempts(questionnaire: "prueba", unit: "AF1").map(\.disposition) == ["interrumpida"])
            let next = try await client.execute(uri: "/e/AF1", method: .get, headers: [.cookie: session + "; " + csrf])
            _ = try await client.execute(uri: "/e/AF1", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session + "; " + csrf],
                                         body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(String(buffer: next.body))), ("pagina", "1"), ("nota", "9")]))
            #expect(try store.attempts(questionnaire: "prueba", unit: "AF1").map(\.disposition) == ["completa"])
            #expect(try await client.execute(uri: "/e/AF1", method: .get).status == .seeOther)
        }
    }

    @Test("/encuestador: 50 cases a page, search by id or contact without accents, ids with a space, «Ñ» or a quote open; only the interviewer's and unassigned cases; a supervisor assigns a stratum on /campo")
    func casesListAndAssignments() async throws {
        let dir = TemporaryDirectory()
        let store = try SQLStore(sqlite: dir.path("web.sqlite"))
        _ = try store.publish(PublishedVersion(questionnaire: "prueba", version: "1", sha256: "x", source: SurveyServerTests.source, publishedAt: "t"), actor: "t")
        // 118 cases in stratum A, two in B with awkward ids.
        var units = (1...118).map { SampleUnit(unit: "AF\($0)", stratum: "A", weight: 1, stratumSize: 1000, order: $0, contact: ["nombre": "Persona \($0)"]) }
        units.append(SampleUnit(unit: "AF 119", stratum: "B", weight: 1, stratumSize: 10, order: 119, contact: ["nombre": "María Peña"]))
        units.append(SampleUnit(unit: "O'NEÑA", stratum: "B", weight: 1, stratumSize: 10, order: 120, contact: ["nombre": "Ana"]))
        _ = try store.loadSample(units, questionnaire: "prueba", actor: "t")
        try Self.account(store, "e01", "encuestador", "clave-de-prueba-1")
        try Self.account(store, "e02", "encuestador", "clave-de-prueba-3")
        try Self.account(store, "s01", "supervisor", "clave-de-prueba-2")
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            func session(_ code: String, _ password: String) async throws -> String {
                let login = try await Self.login(client, code, password)
                return try #require(login.headers[values: .setCookie].first { $0.hasPrefix("sondeo_sesion=") }?.split(separator: ";").first.map(String.init))
            }
            let e01 = try await session("e01", "clave-de-prueba-1")
            func list(_ query: String, _ who: String) async throws -> String {
                String(buffer: try await client.execute(uri: "/encuestador" + query, method: .get, headers: [.cookie: who]).body)
            }
            let first = try await list("", e01)
            #expect(first.contains("120 casos sin terminar") && first.contains("Página 1 de 3"))
            #expect(first.components(separatedBy: "<a href=\"/e/").count - 1 == 50)
            let third = try await list("?pagina=3", e01)
            #expect(third.components(separatedBy: "<a href=\"/e/").count - 1 == 20 && third.contains("<a href=\"/e/AF%20119\">AF 119</a>"))
            // «pena» finds «María Peña»; the odd ids open.
            let search = try await list("?q=pena", e01)
            #expect(search.contains("1 de 120 casos con «pena»") && search.contains(">AF 119</a>"))
            #expect(try await client.execute(uri: "/e/AF%20119", method: .get, headers: [.cookie: e01]).status == .ok)
            #expect(try await client.execute(uri: "/e/O%27NE%C3%91A", method: .get, headers: [.cookie: e01]).status == .ok)
            try store.release(questionnaire: "prueba", unit: "AF 119", interviewer: "e01")
            try store.release(questionnaire: "prueba", unit: "O'NEÑA", interviewer: "e01")

            // The supervisor gives stratum B to e02 on /campo.
            let s01 = try await session("s01", "clave-de-prueba-2")
            let campo = try await client.execute(uri: "/campo", method: .get, headers: [.cookie: s01])
            let campoBody = String(buffer: campo.body)
            #expect(campoBody.contains("Asignación de casos") && campoBody.contains("<option>B</option>"))
            let csrf = try #require(SurveyServerTests.cookie(campo))
            let assigned = try await client.execute(uri: "/campo/asignar", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: s01 + "; " + csrf],
                                                    body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(campoBody)), ("estrato", "B"), ("encuestador", "e02")]))
            #expect(assigned.status == .seeOther)
            #expect(try store.cases(of: "prueba").filter { $0.assignedTo == "e02" }.map(\.unit).sorted() == ["AF 119", "O'NEÑA"])
            #expect(String(buffer: try await client.execute(uri: "/campo", method: .get, headers: [.cookie: s01]).body).contains("<td>e02</td><td class=\"n\">2</td>"))
            // e01 no longer sees nor opens them; e02 sees them.
            #expect(try await list("", e01).contains("118 casos sin terminar"))
            #expect(try await client.execute(uri: "/e/AF%20119", method: .get, headers: [.cookie: e01]).status == .conflict)
            let e02 = try await session("e02", "clave-de-prueba-3")
            let mine = try await list("?pagina=3", e02)
            #expect(mine.contains("· 2 asignados a usted") && (mine.contains(">O&#39;NEÑA</a>") || mine.contains(">O'NEÑA</a>")))
        }
    }

    @Test("quotas: once a stratum's completes reach its quota, a respondent's link of that stratum shows a polite closing page and the case closes as cuota_llena; the interviewer's list leaves the stratum out")
    func quotas() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try SurveyServerTests.store(units: 3, in: dir)
        try Self.account(store, "e01", "encuestador", "clave-de-prueba-1")
        try store.setQuotas(questionnaire: "prueba", ["A": 1], actor: "t")
        try store.record(ContactAttempt(unit: "AF1", interviewer: "e01", startedAt: "t", endedAt: "t", disposition: "completa"), questionnaire: "prueba")
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/r/\(links[1].token)", method: .get)
            #expect(String(buffer: page.body).contains("Ya completamos las encuestas que necesitábamos de su grupo"))
            #expect(try store.cases(of: "prueba").first { $0.unit == "AF2" }?.disposition == "cuota_llena")
            #expect(try store.interview(questionnaire: "prueba", respondent: "AF2") == nil)
            let login = try await Self.login(client, "e01", "clave-de-prueba-1")
            let session = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("sondeo_sesion=") }?.split(separator: ";").first.map(String.init))
            let list = String(buffer: try await client.execute(uri: "/encuestador", method: .get, headers: [.cookie: session]).body)
            #expect(list.contains("0 casos sin terminar"))
            #expect(try await client.execute(uri: "/e/AF3", method: .get, headers: [.cookie: session]).status == .conflict)
        }
    }

    @Test("behind an HTTPS proxy: __Host- cookies with Secure, HSTS on every answer, and the session works; without --behind-proxy the header changes nothing")
    func httpsBehindProxy() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try SurveyServerTests.store(units: 1, in: dir)
        try Self.account(store, "s01", "supervisor", "clave-de-prueba-2")
        let https: HTTPFields = [.init("X-Forwarded-Proto")!: "https", .init("X-Forwarded-For")!: "198.51.100.7"]
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000, behindProxy: true).router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/r/\(links[0].token)", method: .get, headers: https)
            #expect(page.headers[.strictTransportSecurity] == "max-age=31536000")
            let csrfCookie = try #require(page.headers[values: .setCookie].first)
            #expect(csrfCookie.hasPrefix("__Host-sondeo_csrf=") && csrfCookie.contains("Secure") && csrfCookie.contains("Path=/") && !csrfCookie.contains("Domain"))
            let form = try await client.execute(uri: "/ingresar", method: .get, headers: https)
            let cookie = try #require(form.headers[values: .setCookie].first?.split(separator: ";").first.map(String.init))
            var headers = https
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.cookie] = cookie
            let login = try await client.execute(uri: "/ingresar", method: .post, headers: headers,
                                                 body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(String(buffer: form.body))), ("codigo", "s01"), ("clave", "clave-de-prueba-2")]))
            let session = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("__Host-sondeo_sesion=") })
            #expect(session.contains("Secure") && session.contains("HttpOnly"))
            var again = https
            again[.cookie] = String(session.split(separator: ";").first!)
            #expect(try await client.execute(uri: "/campo", method: .get, headers: again).status == .ok)
        }
        let direct = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await direct.test(.router) { client in
            let page = try await client.execute(uri: "/r/\(links[0].token)", method: .get, headers: https)
            #expect(page.headers[.strictTransportSecurity] == nil && page.headers[values: .setCookie].first?.hasPrefix("sondeo_csrf=") == true)
        }
    }
}

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
            #expect(try await client.execute(uri: "/e/AF1", method: .get).status == .seeOther)
        }
    }
}

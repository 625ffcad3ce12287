import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SondeoTestSupport
import SondeoWeb
import Store
import Testing

/// The web survey through its routes: links, CSRF, one token one interview, escaping, a page checked
/// on the server, and many submissions at once.
@Suite struct SurveyServerTests {
    /// A small questionnaire: a consent that ends the interview on «No», a score, and a reason shown
    /// only for low scores; a label carries markup that must stay text.
    static let source = """
        encuesta prueba "Prueba <b>web</b>"
        versión 1
        modos web
        lista sino: 1 Sí | 2 No <script>alert(1)</script>
        sección "Inicio"
        acepta: una de sino
          "¿Acepta? <script>alert('pregunta')</script>"
          si acepta = 2 → terminar rechazo
        sección "Opinión"
        nota: escala 0..10 "Nada" .. "Mucho"
          "Califique de 0 a 10"
        porque: texto
          "¿Por qué?"
          mostrar si nota <= 6
        """

    static func store(units: Int, in dir: TemporaryDirectory, postgres: Bool = false, source: String = Self.source) throws -> (any WebStore, [(unit: String, token: String)]) {
        let store: any WebStore
        if postgres {
            store = try SQLStore(postgres: try #require(try TestPostgres.newDatabase(for: "SurveyServerTests")))
        } else {
            store = try SQLStore(sqlite: dir.path("web.sqlite"))
        }
        _ = try store.publish(PublishedVersion(questionnaire: "prueba", version: "1", sha256: "x", source: source, publishedAt: "t"), actor: "t")
        _ = try store.loadSample((1...units).map { SampleUnit(unit: "AF\($0)", stratum: "A", weight: 1, stratumSize: 1000, order: $0) },
                                questionnaire: "prueba", actor: "t")
        let links = try store.webLinks(questionnaire: "prueba", includeReserve: false, now: "t", token: SurveyServer.newToken)
        return (store, links)
    }

    static func cookie(_ response: TestResponse) -> String? { WebForm.cookie(response.headers[values: .setCookie]) }

    static func csrf(_ body: String) -> String { WebForm.csrf(body) }

    static func form(_ fields: [(String, String)]) -> ByteBuffer { ByteBuffer(string: WebForm.body(fields)) }

    @Test("links: one 128-bit token per unit, the same ones again; an unknown token opens nothing; the first opening of a link is noted once, for the invitations' follow-up")
    func links() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try Self.store(units: 20, in: dir)
        #expect(links.count == 20 && Set(links.map(\.token)).count == 20)
        #expect(links.allSatisfy { $0.token.count == 32 && $0.token.allSatisfy(\.isHexDigit) })
        let again = try store.webLinks(questionnaire: "prueba", includeReserve: false, now: "t", token: SurveyServer.newToken)
        #expect(again.map(\.token) == links.map(\.token))
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba").router())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/r/" + String(repeating: "0", count: 32), method: .get)
            #expect(response.status == .notFound && String(buffer: response.body).contains("Enlace no válido"))
            #expect(try store.openedLinks(questionnaire: "prueba").isEmpty)
            _ = try await client.execute(uri: "/r/\(links[3].token)", method: .get)
            let opened = try store.openedLinks(questionnaire: "prueba")
            _ = try await client.execute(uri: "/r/\(links[3].token)", method: .get)
            let later = try store.openedLinks(questionnaire: "prueba")
            #expect(Array(opened.keys) == [links[3].unit] && later == opened)
        }
    }

    @Test("a page: escaped texts, strict headers; a post without the CSRF cookie is refused and nothing is saved")
    func csrfAndEscaping() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try Self.store(units: 2, in: dir)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba").router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/r/\(links[0].token)", method: .get)
            let body = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(!body.contains("<script>alert") && body.contains("&lt;script&gt;alert(&#39;pregunta&#39;)&lt;/script&gt;"))
            #expect(body.contains("Prueba &lt;b&gt;web&lt;/b&gt;"))
            #expect(page.headers[.init("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            #expect(page.headers[.cacheControl] == "no-store")
            let cookie = try #require(Self.cookie(page))
            #expect(page.headers[values: .setCookie].first?.contains("SameSite=Strict") == true)
            // No cookie (a forged cross-site form): refused.
            let forged = try await client.execute(uri: "/r/\(links[0].token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: Self.form([("csrf", Self.csrf(body)), ("pagina", "0"), ("acepta", "1")]))
            #expect(forged.status == .forbidden)
            // A cookie that does not match the form's token: refused too.
            let mismatched = try await client.execute(uri: "/r/\(links[0].token)", method: .post,
                                                      headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "sondeo_csrf=00"],
                                                      body: Self.form([("csrf", Self.csrf(body)), ("pagina", "0"), ("acepta", "1")]))
            #expect(mismatched.status == .forbidden)
            // A cookie planted by someone else with the same value in the form (the double-submit bypass):
            // refused, since the form's token is the cookie's HMAC under the server's key, not the cookie.
            #expect(!body.contains("value=\"\(cookie.dropFirst("sondeo_csrf=".count))\""))
            let planted = try await client.execute(uri: "/r/\(links[0].token)", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "sondeo_csrf=plantada"],
                                                   body: Self.form([("csrf", "plantada"), ("pagina", "0"), ("acepta", "1")]))
            #expect(planted.status == .forbidden)
            // The right cookie and token, but sent from another site's page (a planted cookie): refused.
            let foreign = try await client.execute(uri: "/r/\(links[0].token)", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie, .origin: "https://atacante.example"],
                                                   body: Self.form([("csrf", Self.csrf(body)), ("pagina", "0"), ("acepta", "1")]))
            #expect(foreign.status == .forbidden)
            let opaque = try await client.execute(uri: "/r/\(links[0].token)", method: .post,
                                                  headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie, .origin: "null"],
                                                  body: Self.form([("csrf", Self.csrf(body)), ("pagina", "0"), ("acepta", "1")]))
            #expect(opaque.status == .forbidden)
            #expect(page.headers[.init("Referrer-Policy")!] == "same-origin")
            #expect(try store.interview(questionnaire: "prueba", respondent: links[0].unit) == nil)
            // With the cookie: saved, and on to the next page.
            let sent = try await client.execute(uri: "/r/\(links[0].token)", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                                body: Self.form([("csrf", Self.csrf(body)), ("pagina", "0"), ("acepta", "1")]))
            #expect(sent.status == .seeOther)
            #expect(try store.interview(questionnaire: "prueba", respondent: links[0].unit)?.answers.contains(StoredAnswer(variable: "acepta", number: 1)) == true)
        }
    }

    @Test("the store failing under a page (here its interview table gone): a Spanish 503 page with Retry-After and a log line, not an empty 500")
    func storeFailure() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try Self.store(units: 1, in: dir)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba").router())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/r/\(links[0].token)", method: .get)
            let cookie = try #require(Self.cookie(page))
            try await DatabaseQueue(path: dir.path("web.sqlite")).write { try $0.execute(sql: "DROP TABLE interview") }
            let sent = try await client.execute(uri: "/r/\(links[0].token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                                body: Self.form([("csrf", Self.csrf(String(buffer: page.body))), ("pagina", "0"), ("acepta", "1")]))
            #expect(sent.status == .serviceUnavailable && sent.headers[.retryAfter] == "60")
            #expect(String(buffer: sent.body).contains("No pudimos guardar ni mostrar esta página en este momento. Lo que ya había enviado está guardado."))
        }
    }

    @Test("a connection that goes silent half-way through a request is closed after the idle timeout (here 1 s); a body announced above the limit is refused unread")
    func idleConnectionsClosed() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try Self.store(units: 1, in: dir)
        let app = try SurveyServer(store: store, questionnaire: "prueba").application(host: "127.0.0.1", port: 0, idleTimeout: .seconds(1))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let socket = Socket(port: port)
            defer { socket.close() }
            socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            try await Task.sleep(for: .seconds(2.5))
            // Closed by the server: the read ends (0 bytes) instead of waiting for the rest of the request.
            #expect(socket.receive() == 0)
            // The server still answers a whole request on a new connection.
            let other = Socket(port: port)
            defer { other.close() }
            other.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(other.receive() > 0)
        }
        // Ten megabytes announced: 413 at once, without sending them (with the usual idle timeout, so that a
        // busy machine does not close the connection first).
        let usual = try SurveyServer(store: store, questionnaire: "prueba").application(host: "127.0.0.1", port: 0)
        try await usual.test(.live) { client in
            let port = try #require(client.port)
            let huge = Socket(port: port)
            defer { huge.close() }
            huge.send("POST /r/\(links[0].token) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\ncsrf=x")
            #expect(huge.text().hasPrefix("HTTP/1.1 413"))
        }
    }

    @Test("the server checks what the browser hides: a reason that does not apply is dropped; out of range is refused; a token reaches only its own interview")
    func serverChecks() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try Self.store(units: 2, in: dir)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba").router())
        try await app.test(.router) { client in
            func post(_ token: String, _ fields: [(String, String)]) async throws -> TestResponse {
                let page = try await client.execute(uri: "/r/\(token)", method: .get)
                let cookie = try #require(Self.cookie(page))
                return try await client.execute(uri: "/r/\(token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                                body: Self.form([("csrf", Self.csrf(String(buffer: page.body)))] + fields))
            }
            _ = try await post(links[0].token, [("pagina", "0"), ("acepta", "1")])
            let outOfRange = try await post(links[0].token, [("pagina", "1"), ("nota", "11")])
            #expect(outOfRange.status == .unprocessableContent && String(buffer: outOfRange.body).contains("11 es mayor que el máximo 10."))
            // A high score with a reason: «porque» applies only to scores up to 6, so it is not kept.
            let done = try await post(links[0].token, [("pagina", "1"), ("nota", "9"), ("porque", "no aplica")])
            #expect(done.status == .seeOther)
            // The last page leads to the review; nothing ends until «Enviar respuestas».
            #expect(try store.interview(questionnaire: "prueba", respondent: links[0].unit)?.endedAt == nil)
            _ = try await post(links[0].token, [("accion", "enviar")])
            let interview = try #require(try store.interview(questionnaire: "prueba", respondent: links[0].unit))
            #expect(interview.disposition == "completa" && !interview.answers.contains { $0.variable == "porque" })
            // The other affiliate's link still starts at page 1, with nothing of the first one's answers.
            let other = try await client.execute(uri: "/r/\(links[1].token)", method: .get)
            #expect(String(buffer: other.body).contains("Página 1 de 2") && !String(buffer: other.body).contains("checked"))
            #expect(try store.interview(questionnaire: "prueba", respondent: links[1].unit) == nil)
            // A «No» ends the interview as a refusal.
            _ = try await post(links[1].token, [("pagina", "0"), ("acepta", "2")])
            #expect(try store.interview(questionnaire: "prueba", respondent: links[1].unit)?.disposition == "rechazo")
        }
    }

    @Test("200 submissions at once over loopback lose nothing and make no duplicates, on SQLite and on PostgreSQL (when a server is given)",
          arguments: TestPostgres.isConfigured ? [false, true] : [false])
    func concurrent(postgres: Bool) async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try Self.store(units: 200, in: dir, postgres: postgres)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba").router(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for link in links {
                    group.addTask {
                        let page = try await client.execute(uri: "/r/\(link.token)", method: .get)
                        let cookie = try #require(Self.cookie(page))
                        let body = Self.form([("csrf", Self.csrf(String(buffer: page.body))), ("pagina", "0"), ("acepta", "1")])
                        // The same page sent twice at once (a double click): one interview, one answer.
                        async let a = client.execute(uri: "/r/\(link.token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], body: body)
                        async let b = client.execute(uri: "/r/\(link.token)", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], body: body)
                        _ = try await (a, b)
                    }
                }
                try await group.waitForAll()
            }
        }
        let interviews = try store.interviews(of: "prueba")
        #expect(interviews.count == 200 && Set(interviews.map(\.respondent)).count == 200)
        #expect(interviews.allSatisfy { $0.answers.contains(StoredAnswer(variable: "acepta", number: 1)) })
    }
}

/// A plain TCP client, to send half a request and see whether the server hangs up.
final class Socket {
    let descriptor: Int32

    init(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 20, tv_usec: 0)  // generous: on 2 busy cores (Chromium in the next suite) an answer can take seconds
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    }

    func send(_ text: String) { _ = text.withCString { Foundation.send(descriptor, $0, strlen($0), 0) } }

    /// Bytes read (0: the other side closed; -1: nothing within 5 s).
    func receive() -> Int {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return recv(descriptor, &buffer, buffer.count, 0)
    }

    /// What arrives first, as text.
    func text() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    func close() { Foundation.close(descriptor) }
}

import Cases
import Diagnostics
import Foundation
import Mail
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

    @Test("file, answer and close from the desk; the aprendiz's call with its time; refusals shown with the rule's words; roles kept apart (SQLite, and PostgreSQL when SONDEO_TEST_POSTGRES is set)",
          arguments: TestPostgres.isConfigured ? [false, true] : [false])
    func desk(postgres: Bool) async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir, postgres: postgres)
        for (code, role) in [("aux1", "auxiliar"), ("apr1", "aprendiz"), ("apr2", "aprendiz"), ("e01", "encuestador")] { try StaffRoutesTests.account(store, code, role, "clave-de-prueba-9") }
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
            // The month filter is the command's: «2026-1» is not November (nor October to December), it is said.
            let novembre = String(buffer: try await client.execute(uri: "/casos?mes=2026-11", method: .get, headers: [.cookie: auxiliar]).body)
            #expect(novembre.contains("<a href=\"/casos/CONFA-2026-000001\">"))
            let typed = String(buffer: try await client.execute(uri: "/casos?mes=2026-1&estado=asignado", method: .get, headers: [.cookie: auxiliar]).body)
            #expect(typed.contains("role=\"alert\"><p>«2026-1» no es un mes: escríbalo aaaa-mm (p. ej. 2026-10)</p>") && typed.contains("<a href=\"/casos/CONFA-2026-000001\">"), "\(typed)")

            let early = try await post(client, auxiliar, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001",
                                       [("accion", "responder"), ("fecha", "2026-11-01"), ("canal", "correo")])
            #expect(early.status == .unprocessableContent && String(buffer: early.body).contains("no puede ser anterior a la radicación"))
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.state == "asignado")
            let answered = try await post(client, auxiliar, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001",
                                          [("accion", "responder"), ("fecha", "2026-11-10"), ("canal", "correo")])
            #expect(answered.status == .seeOther)
            _ = try await post(client, auxiliar, page: "/casos/CONFA-2026-000001", to: "/casos/CONFA-2026-000001", [("accion", "cerrar"), ("fecha", "2026-11-10")])
            #expect(try cases.pqrsCase("CONFA-2026-000001").map { "\($0.state) \($0.verification)" } == "en-verificacion pendiente")

            // The aprendiz: nothing to call until the auxiliar routes the case (step 30); then the call, nothing else.
            let (apprentice, apprenticeHome) = try await session(client, "apr1")
            #expect(apprenticeHome == "/casos/verificar")
            let empty = String(buffer: try await client.execute(uri: "/casos/verificar", method: .get, headers: [.cookie: apprentice]).body)
            #expect(empty.contains("0 casos por llamar") && empty.contains("1 caso espera que la auxiliar lo enrute."), "\(empty)")
            #expect(try await client.execute(uri: "/casos/CONFA-2026-000001", method: .get, headers: [.cookie: apprentice]).status == .forbidden)
            let toNobody = try await post(client, auxiliar, page: "/casos/verificar", to: "/casos/verificar", [("radicado", "CONFA-2026-000001"), ("aprendiz", "e01")])
            #expect(toNobody.status == .unprocessableContent && String(buffer: toNobody.body).contains("apr1, apr2"))
            let routed = try await post(client, auxiliar, page: "/casos/verificar", to: "/casos/verificar", [("radicado", "CONFA-2026-000001"), ("aprendiz", "apr1")])
            #expect(routed.status == .seeOther)
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.verifier == "apr1")
            let queue = String(buffer: try await client.execute(uri: "/casos/verificar", method: .get, headers: [.cookie: apprentice]).body)
            #expect(queue.contains("1 caso por llamar") && queue.contains("CONFA-2026-000001"), "\(queue)")
            let (other, _) = try await session(client, "apr2")
            #expect(try await client.execute(uri: "/casos/CONFA-2026-000001", method: .get, headers: [.cookie: other]).status == .forbidden)
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

    /// A multipart body as a browser builds it for the document form.
    func multipart(_ fields: [(String, String)], file: (name: String, bytes: [UInt8]), boundary: String = "----sondeo7MA4YWxkTrZu0gW") -> ByteBuffer {
        var body: [UInt8] = []
        for (name, value) in fields { body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8) }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"archivo\"; filename=\"\(file.name)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    @Test("documents sent from the case page are kept by SHA-256 and given back byte for byte; the extension, suspension and a service's answer from their forms, with the law's dates (SQLite, and PostgreSQL when SONDEO_TEST_POSTGRES is set)",
          arguments: TestPostgres.isConfigured ? [false, true] : [false])
    func documentsAndTerms(postgres: Bool) async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir, postgres: postgres)
        try StaffRoutesTests.account(store, "aux1", "auxiliar", "clave-de-prueba-9")
        try StaffRoutesTests.account(store, "apr1", "aprendiz", "clave-de-prueba-9")
        let cases = try #require(store as? any CaseStore)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000, caseDesk: CaseDesk()).router())
        try await app.test(.router) { client in
            let (auxiliar, _) = try await session(client, "aux1")
            for text in ["Esperé dos horas", "No me devolvieron el subsidio"] {
                _ = try await post(client, auxiliar, page: "/casos/nuevo", to: "/casos/nuevo",
                                   [("canal", "web"), ("tipo", "queja"), ("servicio", "salud"), ("texto", text), ("recibido", "2026-11-03")])
            }
            let one = "/casos/CONFA-2026-000001"
            // The list shows the light: due Wed 25 Nov 2026, long past on any day this test runs.
            let list = String(buffer: try await client.execute(uri: "/casos", method: .get, headers: [.cookie: auxiliar]).body)
            #expect(list.contains("2026-11-25<br><span class=\"semaforo rojo\" aria-hidden=\"true\"></span>vencido"), "\(list)")

            // A scanned form (a few bytes standing for a PDF, with a CR LF and a boundary-like line inside).
            let pdf = Array("%PDF-1.4\r\n--not-the-boundary\r\n\u{00}\u{FF}formato firmado\n%%EOF".utf8)
            let shown = try await client.execute(uri: one, method: .get, headers: [.cookie: auxiliar])
            let csrfCookie = try #require(SurveyServerTests.cookie(shown))
            let token = SurveyServerTests.csrf(String(buffer: shown.body))
            func send(_ kind: String, _ name: String, _ bytes: [UInt8], token: String) async throws -> TestResponse {
                try await client.execute(uri: one + "/documentos", method: .post,
                                         headers: [.contentType: "multipart/form-data; boundary=----sondeo7MA4YWxkTrZu0gW", .cookie: auxiliar + "; " + csrfCookie],
                                         body: multipart([("csrf", token), ("tipo", kind)], file: (name, bytes)))
            }
            let kept = try await send("formato", "formato_escaneado.pdf", pdf, token: token)
            #expect(kept.status == .seeOther && kept.headers[.location] == one + "?hecho=documento")
            // The SHA-256 of those 54 bytes (ÿ is UTF-8 C3 BF), by Python: hashlib.sha256(b'%PDF-1.4\r\n--not-the-boundary\r\n\x00\xc3\xbfformato firmado\n%%EOF').
            let stored = try cases.attachments(of: "CONFA-2026-000001")
            #expect(stored.map { "\($0.kind) \($0.name) \($0.size)" } == ["formato formato_escaneado.pdf \(pdf.count)"])
            let sha = try #require(stored.first?.sha256)
            #expect(pdf.count == 54 && sha == "74a63b18b6bbb0a1e0a1deeb620ff6501674bd36d546f3d12761fa9cf63e2fdf")
            let again = try await send("formato", "otra_copia.pdf", pdf, token: token)
            #expect(again.headers[.location] == one + "?hecho=documento-repetido")
            let badKind = try await send("cedula", "c.pdf", Array("x".utf8), token: token)
            #expect(badKind.status == .unprocessableContent && String(buffer: badKind.body).contains("el tipo de documento"))
            let forged = try await send("formato", "f.pdf", Array("y".utf8), token: "no-es-el-token")
            #expect(forged.status == .forbidden)
            #expect(try cases.attachments(of: "CONFA-2026-000001").count == 1)
            let back = try await client.execute(uri: one + "/documentos/" + sha, method: .get, headers: [.cookie: auxiliar])
            #expect(back.status == .ok && Array(buffer: back.body) == pdf)
            #expect(back.headers[.contentType] == "application/pdf" && back.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"formato_escaneado.pdf\"") == true)
            #expect(try await client.execute(uri: one + "/documentos/abc123", method: .get, headers: [.cookie: auxiliar]).status == .notFound)
            let page = String(buffer: try await client.execute(uri: one, method: .get, headers: [.cookie: auxiliar]).body)
            #expect(page.contains("<a href=\"\(one)/documentos/\(sha)\">formato_escaneado.pdf</a>"))

            // A request to the service on Mon 9 Nov: five business days are 10, 11, 12, 13 and (16 Nov a
            // holiday) 17 → Tue 17 Nov, before the case's reminder (23 Nov), so the 17th.
            _ = try await post(client, auxiliar, page: one, to: one, [("accion", "solicitar"), ("responsable", "salud"), ("que", "Soporte de la cita"), ("fecha", "2026-11-09"), ("vence", "")])
            #expect(try cases.requests(of: "CONFA-2026-000001").map { "\($0.id) \($0.dueOn)" } == ["1 2026-11-17"])
            _ = try await post(client, auxiliar, page: one, to: one, [("accion", "solicitud-respondida"), ("solicitud", "1"), ("fecha", "2026-11-12")])
            #expect(try cases.requests(of: "CONFA-2026-000001").first?.answeredOn == "2026-11-12")

            // Extension (art. 14, parágrafo): twice the 15-day term from Tue 3 Nov ends Thu 17 Dec (8 Dec a
            // holiday); the 18th is refused, the 9th kept.
            let tooLong = try await post(client, auxiliar, page: one, to: one, [("accion", "prorrogar"), ("hasta", "2026-12-18"), ("fecha", "2026-11-20"), ("motivo", "Concepto jurídico")])
            #expect(tooLong.status == .unprocessableContent && String(buffer: tooLong.body).contains("pasa del doble del término inicial (2 × 15 días hábiles: 2026-12-17)"))
            let extended = try await post(client, auxiliar, page: one, to: one, [("accion", "prorrogar"), ("hasta", "2026-12-09"), ("fecha", "2026-11-20"), ("motivo", "Concepto jurídico")])
            #expect(extended.status == .seeOther)
            #expect(try cases.pqrsCase("CONFA-2026-000001").map { "\($0.state) \($0.deadline)" } == "prorrogado 2026-12-09")

            // Suspension (art. 17): asked within 10 days of filing; resumed when the petitioner completes.
            let two = "/casos/CONFA-2026-000002"
            _ = try await post(client, auxiliar, page: two, to: two, [("accion", "suspender"), ("fecha", "2026-11-05"), ("motivo", "Falta la copia del documento")])
            #expect(try cases.pqrsCase("CONFA-2026-000002")?.state == "suspendido")
            let resumed = try await post(client, auxiliar, page: two, to: two, [("accion", "reanudar"), ("fecha", "2026-11-10")])
            #expect(resumed.status == .seeOther)
            #expect(try cases.pqrsCase("CONFA-2026-000002")?.state == "asignado")

            // The aprendiz neither reads the documents of a case not routed to them nor adds one.
            let (apprentice, _) = try await session(client, "apr1")
            #expect(try await client.execute(uri: one + "/documentos/" + sha, method: .get, headers: [.cookie: apprentice]).status == .forbidden)
            #expect(try await client.execute(uri: one + "/documentos", method: .post, headers: [.cookie: apprentice]).status == .forbidden)

            // The monthly report is a document of its own: its inline stylesheet allowed, no script.
            let report = try await client.execute(uri: "/casos/informe?mes=2026-11", method: .get, headers: [.cookie: auxiliar])
            #expect(report.status == .ok && String(buffer: report.body).contains("PQRSL de 2026-11"))
            #expect(String(buffer: report.body).contains("<a href=\"/casos/informe?mes=2026-10\">← 2026-10</a> · <a href=\"/casos\">volver a los casos</a> · <a href=\"/casos/informe?mes=2026-12\">2026-12 →</a>"))
            #expect(report.headers[.init("Content-Security-Policy")!]?.contains("style-src 'unsafe-inline'") == true)
            #expect(report.headers[.init("Content-Security-Policy")!]?.contains("script") == false)
        }
    }

    @Test("the day's notices sent from the desk through a real SMTP server (aiosmtpd): the acknowledgement with the radicado and due day, the assignment to the owner's people; pressing again sends nothing; without a mail server the page says how to set one",
          .enabled(if: Witness.hasPython("aiosmtpd"), "needs aiosmtpd (make test installs it with pip)"))
    func notices() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir)
        try StaffRoutesTests.account(store, "aux1", "auxiliar", "clave-de-prueba-9")
        let standard = try String(contentsOfFile: RepositoryFiles.path("Examples/data/catalogo_pqrsl.csv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("responsable,") }.joined(separator: "\n")
        let catalog = try Catalog(text: standard + "\nresponsable,salud,Luisa Marín <luisa.marin@confa.example>\n", source: "catalogo.csv")
        let sink = try SMTPSink(in: dir)
        defer { sink.stop() }
        let mailer = SMTPClient(server: try SMTPServer(url: "smtp://encuestas@localhost:\(sink.port)",
                                                       environment: ["SONDEO_SMTP_PASSWORD": "clave-smtp", "SONDEO_SMTP_CA": sink.certificate]),
                                from: "pqrsl@confa.co", fromName: "Confa PQRSL")
        for mail in [nil, mailer] {
            let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000, caseDesk: CaseDesk(catalog: catalog),
                                                           caseMailer: mail).router())
            try await app.test(.router) { client in
                let (auxiliar, _) = try await session(client, "aux1")
                guard mail != nil else {
                    _ = try await post(client, auxiliar, page: "/casos/nuevo", to: "/casos/nuevo",
                                       [("canal", "web"), ("tipo", "queja"), ("servicio", "salud"), ("texto", "Esperé dos horas"),
                                        ("peticionario", "Ana Ríos, ana@example.co"), ("recibido", "2026-11-03")])
                    let day = String(buffer: try await client.execute(uri: "/casos/pendientes", method: .get, headers: [.cookie: auxiliar]).body)
                    #expect(day.contains("Avisos pendientes: 1 acuse al peticionario, 1 asignación.") && day.contains("no tiene correo configurado") && !day.contains("/casos/avisos"),
                            "\(day)")
                    return
                }
                // Another sender (`cases notify` on another machine) holds the assignment right now, and left the
                // acknowledgement held 20 minutes ago (it stopped half-way): this one takes over the stale hold only.
                let cases = try #require(store as? any CaseStore)
                let now = Diagnostics.Clock.system
                #expect(try cases.claimNotices([("acuse:CONFA-2026-000001", "ana@example.co")], at: now.timestamp(after: -1200),
                                               staleBefore: now.timestamp(after: -2100)) == [true])
                #expect(try cases.claimNotices([("asignacion:CONFA-2026-000001:salud", "luisa.marin@confa.example")], at: now.timestamp,
                                               staleBefore: now.timestamp(after: -900)) == [true])
                let first = String(buffer: try await post(client, auxiliar, page: "/casos/pendientes", to: "/casos/avisos", []).body)
                #expect(first.contains("1 correo recibido por el servidor; 0 fallidos"), "\(first)")
                #expect(try sink.messages().map { ($0["to"] as! [String]).joined() } == ["ana@example.co"])
                // The other sender's message failed (logged, hold let go): the next press sends it.
                try cases.logNotices([CaseNoticeEntry(radicado: "CONFA-2026-000001", notice: "asignacion:CONFA-2026-000001:salud", address: "luisa.marin@confa.example",
                                                      at: now.timestamp, status: "fallido", detail: "421 ocupado")], actor: "otro")
                let sent = try await post(client, auxiliar, page: "/casos/pendientes", to: "/casos/avisos", [])
                let page = String(buffer: sent.body)
                #expect(page.contains("1 correo recibido por el servidor; 0 fallidos"), "\(page)")
                let arrived = try sink.messages()
                #expect(arrived.map { ($0["to"] as! [String]).joined() } == ["ana@example.co", "luisa.marin@confa.example"])
                #expect(arrived.contains { ($0["subject"] as? String) == "Confa recibió su queja: radicado CONFA-2026-000001"
                    && ($0["body"] as? String)?.contains("Le responderemos a más tardar el miércoles 2026-11-25") == true })
                // Nothing left to send: the day's page has no button; pressed anyway (the form of another page), nothing goes.
                let day = String(buffer: try await client.execute(uri: "/casos/pendientes", method: .get, headers: [.cookie: auxiliar]).body)
                #expect(day.contains("No hay avisos pendientes.") && !day.contains("action=\"/casos/avisos\""))
                let again = String(buffer: try await post(client, auxiliar, page: "/casos/nuevo", to: "/casos/avisos", []).body)
                #expect(again.contains("0 correos recibidos por el servidor"), "\(again)")
                #expect(try sink.messages().count == 2)
                _ = cases
            }
        }
    }

    @Test("the month's verification sample drawn from the desk (step 32): a month not over refused with the rule's words, drawn once with its seed, the drawn reclamo waits for its call")
    func monthlyDraw() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir)
        try StaffRoutesTests.account(store, "aux1", "auxiliar", "clave-de-prueba-9")
        let cases = try #require(store as? any CaseStore)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000, caseDesk: CaseDesk()).router())
        try await app.test(.router) { client in
            let (auxiliar, _) = try await session(client, "aux1")
            _ = try await post(client, auxiliar, page: "/casos/nuevo", to: "/casos/nuevo",
                               [("canal", "web"), ("tipo", "reclamo"), ("servicio", "subsidio"), ("subsidio", "si"), ("texto", "No me llegó la cuota"),
                                ("recibido", "2026-10-05")])
            let one = "/casos/CONFA-2026-000001"
            _ = try await post(client, auxiliar, page: one, to: one, [("accion", "responder"), ("fecha", "2026-10-20"), ("canal", "correo")])
            _ = try await post(client, auxiliar, page: one, to: one, [("accion", "cerrar"), ("fecha", "2026-10-20")])
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.verification == "pendiente-muestreo")
            // This month is not over on any day the test runs.
            let format = DateFormatter()
            format.timeZone = TimeZone(identifier: "America/Bogota")
            format.dateFormat = "yyyy-MM"
            let early = try await post(client, auxiliar, page: "/casos/verificar", to: "/casos/verificar/sorteo", [("mes", format.string(from: Date())), ("semilla", "7")])
            #expect(early.status == .unprocessableContent && String(buffer: early.body).contains("no ha terminado"))
            let badSeed = try await post(client, auxiliar, page: "/casos/verificar", to: "/casos/verificar/sorteo", [("mes", "2026-10"), ("semilla", "siete")])
            #expect(badSeed.status == .unprocessableContent && String(buffer: badSeed.body).contains("no es un número entero positivo"))
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.verification == "pendiente-muestreo")
            let drawn = String(buffer: try await post(client, auxiliar, page: "/casos/verificar", to: "/casos/verificar/sorteo", [("mes", "2026-10"), ("semilla", "7")]).body)
            #expect(drawn.contains("Muestra de verificación de 2026-10: 1 de 1 reclamos sobre subsidios (semilla 7") && drawn.contains("CONFA-2026-000001"), "\(drawn)")
            #expect(try cases.pqrsCase("CONFA-2026-000001")?.verification == "pendiente")
            let again = String(buffer: try await post(client, auxiliar, page: "/casos/verificar", to: "/casos/verificar/sorteo", [("mes", "2026-10"), ("semilla", "8")]).body)
            #expect(again.contains("La muestra de 2026-10 ya se sorteó") && again.contains("semilla 7"), "\(again)")
        }
    }
}

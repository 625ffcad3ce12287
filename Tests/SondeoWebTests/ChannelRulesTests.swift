import Foundation
import Questionnaire
import Hummingbird
import HummingbirdTesting
import SondeoTestSupport
import Store
import Survey
import Testing
@testable import SondeoWeb

/// Issue 16: the rules the web pages share with `sondeo collect` — one claim per case across
/// channels — and a last page whose answers and end are one transaction.
@Suite struct ChannelRulesTests {
    static func session(_ login: TestResponse) throws -> String {
        try #require(login.headers[values: .setCookie].first { $0.hasPrefix("sondeo_sesion=") }?.split(separator: ";").first.map(String.init))
    }

    @Test("a case claimed by a phone interviewer is neither listed nor opened nor writable on the web, until released (SQLite)")
    func claimedCaseSQLite() async throws { try await claimedCase(postgres: false) }

    @Test("the same on PostgreSQL", .enabled(if: TestPostgres.isConfigured))
    func claimedCasePostgres() async throws { try await claimedCase(postgres: true) }

    func claimedCase(postgres: Bool) async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 3, in: dir, postgres: postgres)
        try StaffRoutesTests.account(store, "e02", "encuestador", "clave-de-prueba-3")
        // e01 works AF1 by phone: `sondeo collect` takes this same claim.
        let phone = CaseClaims(store: store, questionnaire: "prueba")
        #expect(try phone.take("AF1", for: "e01"))
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            let session = try Self.session(try await StaffRoutesTests.login(client, "e02", "clave-de-prueba-3"))
            let list = String(buffer: try await client.execute(uri: "/encuestador", method: .get, headers: [.cookie: session]).body)
            #expect(!list.contains("/e/AF1\"") && list.contains("/e/AF2\"") && list.contains("/e/AF3\""))
            let opened = try await client.execute(uri: "/e/AF1", method: .get, headers: [.cookie: session])
            #expect(opened.status == .conflict && String(buffer: opened.body).contains("Otro encuestador está atendiendo el caso AF1"))
            // A form kept from before, sent with a valid CSRF pair: refused, nothing written.
            let other = try await client.execute(uri: "/e/AF2", method: .get, headers: [.cookie: session])
            let csrf = try #require(SurveyServerTests.cookie(other))
            let refusal = try await client.execute(uri: "/e/AF1", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session + "; " + csrf],
                                                   body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(String(buffer: other.body))), ("pagina", "0"), ("acepta", "2")]))
            #expect(refusal.status == .conflict)
            #expect(try store.interview(questionnaire: "prueba", respondent: "AF1") == nil)
            #expect(try store.cases(of: "prueba").first { $0.unit == "AF1" }?.disposition == nil)
            // And the web interviewer's own claim keeps the phone away from AF2.
            #expect(try !phone.take("AF2", for: "e01"))
            try phone.release("AF1", by: "e01")
            #expect(try await client.execute(uri: "/e/AF1", method: .get, headers: [.cookie: session]).status == .ok)
        }
    }

    @Test("idiomas: the interviewer's form /e/AF1?idioma=en reads the English texts (face to face in the respondent's language), keeps the language when sent, and links back to Spanish")
    func staffFormInEnglish() async throws {
        let dir = TemporaryDirectory()
        let (store, _) = try SurveyServerTests.store(units: 1, in: dir, source: """
            encuesta prueba "Prueba"
            versión 1
            modos presencial, web
            idiomas es, en
            lista sino: 1 Sí @en Yes | 2 No @en No
            sección "Inicio" @en "Start"
            acepta: una de sino
              "¿Acepta participar?"
              @en "Do you agree to take part?"
            sección "Opinión" @en "Opinion"
            nota: escala 0..10 "Nada" .. "Mucho"
              "Califique de 0 a 10"
              @en "Rate from 0 to 10"
            """)
        try StaffRoutesTests.account(store, "e02", "encuestador", "clave-de-prueba-3")
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            let session = try Self.session(try await StaffRoutesTests.login(client, "e02", "clave-de-prueba-3"))
            let english = try await client.execute(uri: "/e/AF1?idioma=en", method: .get, headers: [.cookie: session])
            let page = String(buffer: english.body)
            #expect(english.status == .ok && page.contains("Do you agree to take part?") && page.contains(">Yes<") && !page.contains("¿Acepta participar?"), "\(page)")
            #expect(page.contains("action=\"/e/AF1?idioma=en\"") && page.contains("<a href=\"/e/AF1\" lang=\"es\" hreflang=\"es\">Español</a>"), "\(page)")
            let csrf = try #require(SurveyServerTests.cookie(english))
            let sent = try await client.execute(uri: "/e/AF1?idioma=en", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session + "; " + csrf],
                                                body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(page)), ("pagina", "0"), ("acepta", "1")]))
            // Saved, and sent back to the same page in English: the next question.
            #expect(sent.status == .seeOther && sent.headers[.location] == "/e/AF1?idioma=en", "\(sent.status) \(String(buffer: sent.body))")
            #expect(try store.interview(questionnaire: "prueba", respondent: "AF1") != nil)
            let following = String(buffer: try await client.execute(uri: "/e/AF1?idioma=en", method: .get, headers: [.cookie: session]).body)
            #expect(following.contains("Rate from 0 to 10"), "\(following)")
            let spanish = String(buffer: try await client.execute(uri: "/e/AF1", method: .get, headers: [.cookie: session]).body)
            #expect(spanish.contains("Califique de 0 a 10") && !spanish.contains("Rate from"), "\(spanish)")
        }
    }

    @Test("the last page's answers and the interview's end are one transaction; a link whose answers are all in but never sent shows the review, and «Enviar» closes it")
    func atomicClosing() async throws {
        let dir = TemporaryDirectory()
        let (store, links) = try SurveyServerTests.store(units: 2, in: dir)
        // AF1's interview as a server killed between the two writes of the old code left it: every
        // answer stored, no end (consent Sí on page 0, score 9 on page 1; «porque» does not apply).
        _ = try store.startInterview(InterviewRecord(questionnaire: "prueba", version: "1", respondent: "AF1", mode: "web", interviewer: nil,
                                                     startedAt: "2026-12-01T10:00:00.000Z", endedAt: nil, disposition: nil, source: "web", answers: []),
                                     actor: "web")
        for (variable, answer) in [("acepta", Answer.number(1)), ("nota", .number(9)), ("_pagina", .number(1))] {
            try store.saveAnswer(StoredAnswer(variable: variable, answer: answer), variable: variable, questionnaire: "prueba", respondent: "AF1")
        }
        #expect(try store.interview(questionnaire: "prueba", respondent: "AF1")?.endedAt == nil)
        let app = Application(router: try SurveyServer(store: store, questionnaire: "prueba", dummyIterations: 1000).router())
        try await app.test(.router) { client in
            let token = links.first { $0.unit == "AF1" }!.token
            let page = try await client.execute(uri: "/r/\(token)", method: .get)
            let review = String(buffer: page.body)
            #expect(review.contains("Revise sus respuestas antes de enviarlas") && review.contains("<dd>Sí</dd>") && review.contains("<dd>9</dd>"))
            #expect(try store.interview(questionnaire: "prueba", respondent: "AF1")?.endedAt == nil)
            let sent = try await client.execute(uri: "/r/\(token)", method: .post,
                                                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: try #require(SurveyServerTests.cookie(page))],
                                                body: SurveyServerTests.form([("csrf", SurveyServerTests.csrf(review)), ("accion", "enviar")]))
            #expect(sent.status == .seeOther)
            let closed = try #require(try store.interview(questionnaire: "prueba", respondent: "AF1"))
            #expect(closed.endedAt != nil && closed.disposition == "completa")
            #expect(try store.cases(of: "prueba").first { $0.unit == "AF1" }?.disposition == "completa")
        }
        // savePage on the last page: answers and end together; a page that fails writes nothing.
        let record = InterviewRecord(questionnaire: "prueba", version: "1", respondent: "AF2", mode: "web", interviewer: nil,
                                     startedAt: "2026-12-01T10:00:00.000Z", endedAt: nil, disposition: nil, source: "web", answers: [])
        try store.savePage(record, answers: [StoredAnswer(variable: "acepta", answer: .number(2))],
                           closing: InterviewClosing(disposition: "rechazo", endedAt: "2026-12-01T10:01:00.000Z"), actor: "web")
        let refused = try #require(try store.interview(questionnaire: "prueba", respondent: "AF2"))
        #expect(refused.disposition == "rechazo" && refused.endedAt == "2026-12-01T10:01:00.000Z" && refused.answers.count == 1)
        #expect(throws: (any Error).self) {
            try store.savePage(record, answers: [], closing: nil, actor: "web")   // closed: no open interview to write
        }
        #expect(try store.interview(questionnaire: "prueba", respondent: "AF2")?.answers.count == 1)
    }
}

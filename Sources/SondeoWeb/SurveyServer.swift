import Diagnostics
import Foundation
import Pages
import Hummingbird
import HummingbirdCore
import Questionnaire
import Store
import Survey

/// `sondeo serve`: the self-administered web survey on Hummingbird. Each sampled affiliate opens
/// `/r/TOKEN` (a personal link of 128 random bits, from `sondeo serve links`); the token opens that
/// affiliate's interview and nobody else's. One page per section; every submitted page is checked with
/// the questionnaire's rules and saved whole, so a closed browser resumes on the next page. Forms carry a
/// CSRF token matched against a same-site cookie; pages are sent with a strict content-security policy
/// and no caching; no request is logged (a link is a secret, and answers are personal data).
public struct SurveyServer: Sendable {
    let store: any WebStore
    let questionnaireID: String
    let version: String
    let form: SurveyForm
    /// The same questionnaire with the interviewer's wording, for face-to-face interviews.
    let staffForm: SurveyForm
    /// PBKDF2 rounds spent on a login for an unknown code (as many as a real account's).
    let dummyIterations: Int
    let clock: Clock
    /// The claims on cases the interviewer's pages share with `sondeo collect`.
    let claims: CaseClaims
    /// Failed logins per client.
    let throttle = LoginThrottle()
    /// The forms' tokens, under the store's secret key.
    let csrf: CSRF
    /// HTTPS through the reverse proxy: `__Host-` cookies and HSTS.
    let transport: SecureTransport
    /// Whether a reverse proxy stands in front (its `X-Forwarded-For` names the client).
    let behindProxy: Bool

    public init(store: any WebStore, questionnaire id: String, dummyIterations: Int = Password.iterations, behindProxy: Bool = false,
                clock: Clock = .system) throws {
        self.dummyIterations = dummyIterations
        self.behindProxy = behindProxy
        self.clock = clock
        claims = CaseClaims(store: store, questionnaire: id, clock: clock)
        guard let latest = try store.versions(of: id).last else {
            throw StoreError.unknownQuestionnaire(id, suggestion: nil)
        }
        self.store = store
        transport = SecureTransport(behindProxy: behindProxy)
        csrf = CSRF(key: Password.bytes(try store.webSecret { Password.hex(Password.randomSalt() + Password.randomSalt()) }), transport: transport)
        questionnaireID = id
        version = latest.version
        let questionnaire = QuestionnaireParser.parse(latest.source, file: id).file
        form = SurveyForm(questionnaire, mode: .web)
        staffForm = SurveyForm(questionnaire, mode: .presencial)
    }

    /// A new link token: 128 random bits as 32 hexadecimal digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// The routes, for `run` and for the tests.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: FailurePage())
        router.add(middleware: StrictTransport(transport: transport))
        router.get("/") { _, _ in Self.html(FormHTML.message("Encuesta de Confa", "Para responder, abra el enlace personal que le enviamos por correo o WhatsApp."), status: .ok) }
        router.get("/static/form.js") { _, _ in Self.asset(ConditionScript.formJS + OfflineScript.js, type: "text/javascript; charset=utf-8") }
        router.get("/static/sondeo.css") { _, _ in Self.asset(Stylesheet.css, type: "text/css; charset=utf-8") }
        router.get("/r/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            guard let unit = try self.unit(token, opening: true) else { return Self.notFound() }
            return try await self.show(unit: unit, action: "/r/\(token)", form: self.form, request: request)
        }
        router.post("/r/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            guard let unit = try self.unit(token) else { return Self.notFound() }
            return try await self.submit(unit: unit, action: "/r/\(token)", form: self.form, staff: nil, request: request)
        }
        staffRoutes(router)
        return router
    }

    /// How long a connection may stay silent (half a request included) before it is closed: idle
    /// connections are what knocked the form over for everyone (1,100 half-sent requests).
    public static let idleTimeout: Duration = .seconds(20)

    /// The server: the routes over HTTP/1.1 with an idle timeout and headers of at most 16 KiB.
    public func application(host: String, port: Int, idleTimeout: Duration = SurveyServer.idleTimeout) -> some ApplicationProtocol {
        // No request logging middleware: links are secrets and answers are personal data.
        let nanoseconds: Int64 = idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100)
        let channel = HTTP1Channel.Configuration(idleTimeout: .nanoseconds(nanoseconds), httpDecoderConfiguration: decoder)
        return Application(router: router(), server: .http1(configuration: channel),
                           // A campaign sent at once brings hundreds of connections in the same second: queue them
                           // (the kernel caps this at net.core.somaxconn) rather than refuse them.
                           configuration: .init(address: .hostname(host, port: port), serverName: "Sondeo", backlog: 4096))
    }

    /// Serves until the process is stopped.
    public func run(host: String, port: Int) async throws {
        try await application(host: host, port: port).runService()
    }

    /// Serves until stopped, from a caller that is not async (the command line).
    public func runUntilStopped(host: String, port: Int) throws {
        try waitFor { try await run(host: host, port: port) }
    }

    // MARK: - Pages


    /// What `{_encuestador}` reads on an interviewer's form: the name on the staff record, else the code.
    static func pipes(_ staff: WebUser?) -> [String: String] {
        staff.map { ["_encuestador": $0.name ?? $0.code] } ?? [:]
    }

    /// The polite closing page of a case whose stratum's quota is full.
    static func quotaPage(staff: WebUser?) -> Response {
        staff == nil
            ? html(FormHTML.message("Gracias", "Ya completamos las encuestas que necesitábamos de su grupo, así que no hace falta que responda. ¡Gracias por su tiempo y por ser parte de Confa!"), status: .ok)
            : html(FormHTML.message("Cuota llena", "La cuota del estrato de este caso ya está completa: no se empiezan más entrevistas allí. Vuelva a la lista y elija otro caso."), status: .conflict)
    }

    /// The next page of a unit's interview (or the thanks); `staff` is the interviewer's account on `/e/…`.
    func show(unit: String, action: String, form: SurveyForm, request: Request, staff: WebUser? = nil) async throws -> Response {
        let banner = staff.map { "Encuestador \($0.name ?? $0.code) · caso \(unit)" }
        let csrf = self.csrf.pair(request)
        let thanks = Self.html(FormHTML.message("Gracias", "Sus respuestas ya quedaron registradas. ¡Gracias por ayudarnos a mejorar!"), status: .ok)
        let interview = try store.interview(questionnaire: questionnaireID, respondent: unit)
        if interview?.endedAt != nil { return thanks }
        if interview == nil, try StratumQuotas.stopsCase(unit, store: store, questionnaire: questionnaireID, actor: staff?.code ?? "web") {
            return Self.quotaPage(staff: staff)
        }
        let responses = interview.map { Responses(stored: $0.answers, of: form.questionnaire) } ?? Responses()
        if form.atReview(responses) {
            var response = Self.html(FormHTML.review(form, action: action, csrf: csrf.field, responses: responses), status: .ok)
            response.setCookie(self.csrf.cookie(csrf.cookie, request))
            return response
        }
        guard let page = form.nextPage(after: SurveyForm.submitted(responses), responses) else {
            // Every answer is in but the interview was never closed (a store written by an older
            // version in two steps): close it now, so that status and the export count it.
            if let interview, let closing = form.closing(after: SurveyForm.submitted(responses), responses, at: clock.timestamp) {
                try store.savePage(interview, answers: interview.answers, closing: closing, actor: interview.interviewer ?? "web")
            }
            return thanks
        }
        let order = PresentationOrder(questionnaire: questionnaireID, respondent: unit, responses: responses)
        var response = Self.html(FormHTML.form(form, page: page, action: action, csrf: csrf.field, responses: responses, problems: [], order: order, banner: banner,
                                                system: Self.pipes(staff)),
                                 status: .ok)
        response.setCookie(self.csrf.cookie(csrf.cookie, request))
        return response
    }

    /// A submitted page: checked, saved whole, and on to the next page (or the same with its problems).
    func submit(unit: String, action: String, form: SurveyForm, staff: WebUser?, request: Request) async throws -> Response {
        let interviewer = staff?.code
        let fields = try await Self.fields(request)
        guard let cookie = csrf.check(request, fields) else {
            return Self.html(FormHTML.message("Formulario vencido", "Por seguridad, vuelva a abrir su enlace personal e intente de nuevo."), status: .forbidden)
        }
        if let interview = try store.interview(questionnaire: questionnaireID, respondent: unit), interview.endedAt != nil {
            return Self.redirect(action)
        }
        let stored = try self.stored(unit)
        if stored.values.isEmpty, try StratumQuotas.stopsCase(unit, store: store, questionnaire: questionnaireID, actor: interviewer ?? "web") {
            return Self.quotaPage(staff: staff)
        }
        let button = fields.first { $0.0 == SurveyForm.actionField }?.1 ?? ""
        let record = InterviewRecord(questionnaire: questionnaireID, version: version, respondent: unit, mode: form.mode.rawValue,
                                     interviewer: interviewer, startedAt: clock.timestamp, endedAt: nil, disposition: nil,
                                     source: interviewer == nil ? "web" : "web-encuestador", answers: [])
        func answers(_ r: Responses) -> [StoredAnswer] { r.values.keys.sorted().map { StoredAnswer(variable: $0, answer: r[$0]!) } }
        // The review: «Enviar respuestas» ends the interview; «Cambiar» reopens a page with its answers.
        if form.atReview(stored) {
            if button == SurveyForm.sendAction {
                let closing = form.closing(after: SurveyForm.submitted(stored), stored, at: clock.timestamp)
                try store.savePage(record, answers: answers(stored), closing: closing, actor: interviewer ?? "web")
            } else if button.hasPrefix(SurveyForm.changePrefix), let target = Int(button.dropFirst(SurveyForm.changePrefix.count)), form.pages.indices.contains(target) {
                try store.savePage(record, answers: answers(form.change(to: target, stored)), closing: nil, actor: interviewer ?? "web")
            }
            return Self.redirect(action)
        }
        guard let pageText = fields.first(where: { $0.0 == "pagina" })?.1, let page = Int(pageText),
              page == form.nextPage(after: SurveyForm.submitted(stored), stored) else {
            // A page sent twice (back button, double click): show where the interview really is.
            return Self.redirect(action)
        }
        let order = PresentationOrder(questionnaire: questionnaireID, respondent: unit, responses: stored)
        if fields.contains(where: { $0.0 == SurveyForm.actionField && $0.1 == SurveyForm.backAction }) {
            var responses = form.back(from: page, fields: fields, into: stored)
            order.stamp(&responses, of: form.questionnaire)
            try store.savePage(record, answers: answers(responses), closing: nil, actor: interviewer ?? "web")
            return Self.redirect(action)
        }
        var (responses, problems) = form.read(page: page, fields: fields, into: stored)
        if !problems.isEmpty {
            return Self.html(FormHTML.form(form, page: page, action: action, csrf: csrf.field(cookie), responses: responses, problems: problems, order: order,
                                           system: Self.pipes(staff)),
                             status: .unprocessableContent)
        }
        order.stamp(&responses, of: form.questionnaire)
        responses[SurveyForm.pageKey] = .number(Double(page))
        // The page's answers and, on the last page, the interview's end (a respondent's goes to the review
        // first): one transaction.
        let closing = form.closing(after: page, responses, at: record.startedAt)
        try store.savePage(record, answers: answers(responses), closing: form.reviewsBeforeSending(closing) ? nil : closing, actor: interviewer ?? "web")
        return Self.redirect(action)
    }
}

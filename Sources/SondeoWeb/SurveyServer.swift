import Diagnostics
import Foundation
import Pages
import Hummingbird
import HummingbirdCore
import Questionnaire
import Store
import Survey
import Cases
import Mail

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
    /// The respondent's form in each other language of `idiomas` (`/r/TOKEN?idioma=en`).
    let translatedForms: [String: SurveyForm]
    /// The interviewer's form (`/e/UNIT?idioma=en`) in each other language: a face-to-face interview
    /// read in the respondent's language, as `collect --language` does by phone.
    let translatedStaffForms: [String: SurveyForm]
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
    /// The PQRSL desk's rules (calendar and catalogue), when the server also serves the desk (`/casos`).
    let caseDesk: CaseDesk?
    /// The mail server the desk sends the cases' notices through (nil: not configured; `cases notify` then).
    let caseMailer: SMTPClient?
    let noticeGate = NoticeGate()

    public init(store: any WebStore, questionnaire id: String, dummyIterations: Int = Password.iterations, behindProxy: Bool = false,
                clock: Clock = .system, caseDesk: CaseDesk? = nil, caseMailer: SMTPClient? = nil) throws {
        self.caseDesk = store is any CaseStore ? caseDesk : nil
        self.caseMailer = caseMailer
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
        translatedForms = Dictionary(questionnaire.languages.dropFirst().map { ($0, SurveyForm(questionnaire.translated(to: $0), mode: .web)) },
                                     uniquingKeysWith: { a, _ in a })
        translatedStaffForms = Dictionary(questionnaire.languages.dropFirst().map { ($0, SurveyForm(questionnaire.translated(to: $0), mode: .presencial)) },
                                          uniquingKeysWith: { a, _ in a })
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
            let (form, action, language) = self.localized("/r/\(token)", request, staff: false)
            return try await Language.$request.withValue(language) {
                try await self.show(unit: unit, action: action, form: form, request: request)
            }
        }
        router.post("/r/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            guard let unit = try self.unit(token) else { return Self.notFound() }
            let (form, action, language) = self.localized("/r/\(token)", request, staff: false)
            return try await Language.$request.withValue(language) {
                try await self.submit(unit: unit, action: action, form: form, staff: nil, request: request)
            }
        }
        staffRoutes(router)
        if caseDesk != nil { deskRoutes(router) }
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

    /// The respondent's form (or, for `staff`, the interviewer's) in the language the link asks
    /// (`?idioma=en`, one of `idiomas`), the page's action `base` keeping it, and the language of the
    /// page's own words (English for `en`, else Spanish).
    func localized(_ base: String, _ request: Request, staff: Bool) -> (SurveyForm, String, Language?) {
        guard let asked = request.uri.queryParameters.get("idioma")?.lowercased(), let translated = (staff ? translatedStaffForms : translatedForms)[asked] else {
            return (staff ? staffForm : form, base, nil)
        }
        return (translated, base + "?idioma=" + asked, asked == "en" ? .en : .es)
    }
}

import BusinessDays
import Cases
import Foundation
import Hummingbird
import Mail
import Store
import Synchronization
import Diagnostics
import Table

/// The procedure's e-mails about cases sent from the desk (`/casos/pendientes`): the same plan and the
/// same sending as `sondeo cases notify` (``CaseNotices``), with the server's mail settings
/// (`sondeo serve run --smtp … --from …`). One sending at a time in this server (two auxiliares
/// pressing the button together wait for nothing twice); across servers and `cases notify`, each message
/// is held in the store before it goes (``CaseStore/claimNotices(_:at:staleBefore:)``).
final class NoticeGate: Sendable {
    private let busy = Mutex(false)

    /// Runs `body` unless another sending is under way (then nil).
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T? {
        guard busy.withLock({ taken in
            if taken { return false }
            taken = true
            return true
        }) else { return nil }
        defer { busy.withLock { $0 = false } }
        return try await body()
    }
}

extension SurveyServer {
    /// Today's notices: what would go, and the owners nobody can be written to.
    func noticePlan() throws -> (notices: [CaseNotice], ownersWithoutAddress: [String: [String]]) {
        let desk = caseDesk!
        return CaseNotices.plan(cases: try caseStore.pqrsCases(), sent: try caseStore.notices(), reminders: try caseStore.reminders(),
                                catalog: desk.catalog, calendar: desk.calendar, on: CivilDate.colombianToday(clock))
    }

    /// The notices section of the day's page: what is due, to whom, and the button that sends it.
    func noticeSection(csrf: String, result: String?) throws -> String {
        let desk = caseDesk!
        let (notices, without) = try noticePlan()
        var html = "<h2>Avisos por correo · \(notices.count)</h2>"
        if let result { html += "<p class=\"aviso\" role=\"status\">\(esc(result))</p>" }
        html += CaseNotices.said(notices, ownersWithoutAddress: without, catalog: desk.catalog).split(separator: "\n").map { "<p>\(esc(String($0)))</p>" }.joined()
        guard !notices.isEmpty else { return html }
        let kinds: [CaseNotice.Kind: String] = [.acuse: "acuse", .asignacion: "asignación", .felicitacion: "felicitación", .recordatorio: "recordatorio"]
        html += "<div class=\"tabla\"><table class=\"lista\"><thead><tr><th>Aviso</th><th>Radicado</th><th>Para</th><th>Asunto</th></tr></thead><tbody>"
            + notices.prefix(100).map { "<tr><td>\(kinds[$0.kind]!)</td><td><a href=\"/casos/\(esc($0.radicado))\">\(esc($0.radicado))</a></td><td>\(esc($0.to.joined(separator: ", ")))</td><td>\(esc($0.subject))</td></tr>" }.joined()
            + "</tbody></table></div>"
        if caseMailer == nil {
            html += "<p class=\"pista\">Este servidor no tiene correo configurado: arránquelo con <code>sondeo serve run … --smtp smtp://usuario@servidor:587 --from pqrsl@confa.co</code> (contraseña en SONDEO_SMTP_PASSWORD), o envíe con <code>sondeo cases notify</code>.</p>"
        } else {
            html += "<form method=\"post\" action=\"/casos/avisos\"><input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">"
                + "<div class=\"acciones\"><button type=\"submit\">Enviar \(NumberText.count(notices.count, "aviso", "avisos"))</button></div></form>"
        }
        return html
    }

    /// Sends today's notices and shows the day's page with what happened.
    func sendNotices(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.expiredForm() }
        guard let mailer = caseMailer else { return Self.notFound() }
        let store = caseStore, today = CivilDate.colombianToday(clock), clock = self.clock
        let entries = try await noticeGate.run { () async throws -> [CaseNoticeEntry] in
            let (notices, _) = try noticePlan()
            return notices.isEmpty ? [] : try await CaseNotices.send(notices, client: mailer, store: store, on: today, actor: user.code, clock: clock)
        }
        let said: String
        if let entries {
            let failed = entries.filter { $0.status != "enviado" }, refused = failed.filter { $0.status == "rechazado" }.count
            said = "\(NumberText.count(entries.count - failed.count, "correo recibido", "correos recibidos")) por el servidor; \(failed.count - refused) fallidos (se intentan otra vez en el próximo envío); \(refused) rechazados (la dirección no existe: no se intentan más)."
                + failed.prefix(10).map { " \($0.radicado) <\($0.address)>: \($0.detail ?? "")." }.joined()
        } else {
            said = "Otra persona está enviando los avisos en este momento; vuelva a abrir la página en un minuto."
        }
        return try withCSRF(request) { csrf in try duePage(user: user, csrf: csrf, noticeResult: said) }
    }
}

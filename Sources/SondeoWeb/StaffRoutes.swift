import Diagnostics
import Survey
import Foundation
import Hummingbird
import Questionnaire
import Store

/// The pages for Confa's staff: login (hashed passwords; 5 failed attempts from one client hold that
/// client back 15 minutes, ``LoginThrottle``), the encuestador's list of cases with the face-to-face form (`/e/UNIT`, the
/// interviewer's wording), and the supervisor's fieldwork page (progress per stratum and AAPOR rates,
/// as `sondeo responses status`).
extension SurveyServer {
    static let sessionCookie = "sondeo_sesion"
    static let sessionHours = 10.0

    func staffRoutes(_ router: Router<ServerContext>) {
        router.get("/ingresar") { request, _ in self.loginPage(request: request, problem: nil) }
        router.post("/ingresar") { request, context in try await self.login(request: request, client: self.client(request, context)) }
        router.get("/salir") { request, _ in
            if let token = self.transport.value(Self.sessionCookie, request) { try self.store.closeSession(token) }
            var response = Self.redirect("/ingresar")
            response.setCookie(self.transport.cookie(Self.sessionCookie, "", request, maxAge: 0))
            return response
        }
        router.get("/campo") { request, _ in
            guard let user = try self.user(request), user.role == "supervisor" else { return self.denied(request) }
            let csrf = self.csrf.pair(request)
            var response = Self.html(try self.fieldworkPage(user: user, csrf: csrf.field), status: .ok)
            response.setCookie(self.csrf.cookie(csrf.cookie, request))
            return response
        }
        router.get("/encuestador") { request, _ in
            guard let user = try self.user(request) else { return self.denied(request) }
            let query = FormFields.parse(request.uri.query ?? "")
            return Self.html(try self.casesPage(user: user, search: query.first { $0.0 == "q" }?.1 ?? "",
                                                page: Int(query.first { $0.0 == "pagina" }?.1 ?? "") ?? 1), status: .ok)
        }
        router.post("/campo/asignar") { request, _ in
            guard let user = try self.user(request), user.role == "supervisor" else { return self.denied(request) }
            return try await self.assign(request: request, user: user)
        }
        router.get("/e/:unit") { request, context in
            guard let user = try self.user(request) else { return self.denied(request) }
            switch try self.opening(context.parameters.get("unit") ?? "", for: user) {
            case .refused(let page): return page
            case .open(let unit):
                let (form, action, language) = self.localized("/e/\(unit)", request, staff: true)
                return try await Language.$request.withValue(language) {
                    try await self.show(unit: unit, action: action, form: form, request: request, staff: user)
                }
            }
        }
        router.post("/e/:unit") { request, context in
            guard let user = try self.user(request) else { return self.denied(request) }
            // Nothing is written to a case another interviewer holds (by phone or on the web) or was given.
            switch try self.opening(context.parameters.get("unit") ?? "", for: user) {
            case .refused(let page): return page
            case .open(let unit):
                let (form, action, language) = self.localized("/e/\(unit)", request, staff: true)
                return try await Language.$request.withValue(language) {
                    try await self.submit(unit: unit, action: action, form: form, staff: user, request: request)
                }
            }
        }
    }

    /// The account of the request's session, or nil.
    func user(_ request: Request) throws -> WebUser? {
        guard let token = transport.value(Self.sessionCookie, request), token.count == 32 else { return nil }
        return try store.session(token, now: clock.timestamp)
    }

    func denied(_ request: Request) -> Response {
        (try? user(request)) != nil
            ? Self.html(FormHTML.message("Sin permiso", "Esta página es para supervisores."), status: .forbidden)
            : Self.redirect("/ingresar")
    }

    /// A case another interviewer is working: nothing shown, nothing written.
    func heldPage(_ unit: String) -> Response {
        Self.html(FormHTML.message("Caso ocupado", "Otro encuestador está atendiendo el caso \(unit) en este momento. Vuelva a la lista y elija otro caso."),
                  status: .conflict)
    }

    /// Whether an interviewer may work the case a path names, or the page that says why not.
    enum Opening { case open(String), refused(Response) }

    /// The case of a path (percent-decoded: ids with spaces, «Ñ» or quotes), read once: in the sample, not
    /// given to another interviewer, and claimed for this one.
    func opening(_ path: String, for user: WebUser) throws -> Opening {
        let unit = path.removingPercentEncoding ?? path
        guard let found = try store.cases(of: questionnaireID).first(where: { $0.unit == unit }) else { return .refused(Self.notFound()) }
        if !CaseClaims.mayWork(found, user.code), let other = found.assignedTo { return .refused(assignedPage(unit, to: other)) }
        guard try claims.take(unit, for: user.code) else { return .refused(heldPage(unit)) }
        return .open(unit)
    }

    func assignedPage(_ unit: String, to other: String) -> Response {
        Self.html(FormHTML.message("Caso de otro encuestador", "El supervisor asignó el caso \(unit) a \(other). Vuelva a la lista: ahí están los suyos."),
                  status: .conflict)
    }

    /// Progress per stratum and the AAPOR rates of the whole sample.
    func fieldworkPage(user: WebUser, csrf: String) throws -> String {
        let progress = try FieldworkProgress(store: store, questionnaire: questionnaireID, by: .estrato)
        let quotas = try store.quotas(questionnaire: questionnaireID)
        func percent(_ x: Double?) -> String { x.map { String(format: "%.1f %%", $0 * 100).replacingOccurrences(of: ".", with: ",") } ?? "—" }
        var body = "<p class=\"banner\">Supervisor \(FormHTML.esc(user.code)) · <a href=\"/salir\">salir</a></p>"
        body += "<header><p class=\"marca\">Confa</p><h1>Trabajo de campo: \(FormHTML.esc(form.questionnaire.title ?? questionnaireID))</h1></header>"
        body += "<table class=\"lista\"><thead><tr><th>Estrato</th><th>Meta</th><th>Completas</th><th>Avance</th><th>Parciales</th><th>Sin intentar</th><th>RR1</th><th>COOP1</th>\(quotas.isEmpty ? "" : "<th>Cuota</th>")</tr></thead><tbody>"
        for s in progress.groups + [progress.total] {
            body += "<tr><td>\(FormHTML.esc(s.group ?? "Total"))</td><td class=\"n\">\(s.target)</td><td class=\"n\">\(s.completes)</td>"
            body += "<td class=\"n\">\(s.target > 0 ? percent(Double(s.completes) / Double(s.target)) : "—")</td><td class=\"n\">\(s.partials)</td>"
            body += "<td class=\"n\">\(s.notTried)</td><td class=\"n\">\(percent(s.rates.rates["RR1"] ?? nil))</td><td class=\"n\">\(percent(s.rates.rates["COOP1"] ?? nil))</td>"
            if !quotas.isEmpty {
                let full = s.group.map { quotas[$0].map { q in s.completes >= q } ?? false } ?? false
                body += "<td>\(s.group == nil ? "" : (full ? "<strong>llena</strong>" : "abierta"))</td>"
            }
            body += "</tr>"
        }
        body += "</tbody></table><h2>Tasas AAPOR (toda la muestra)</h2><table class=\"lista\"><tbody>"
        for name in OutcomeRates.names {
            body += "<tr><th scope=\"row\">\(name)</th><td class=\"n\">\(percent(progress.total.rates.rates[name] ?? nil))</td></tr>"
        }
        body += "</tbody></table><p class=\"paso\">Como «sondeo responses status». Completas = entrevistas completas; RR1 = completas sobre elegibles y de elegibilidad desconocida.</p>"
        body += assignmentSection(try store.cases(of: questionnaireID), csrf: csrf)
        return FormHTML.page(title: "Trabajo de campo", body: body)
    }

}

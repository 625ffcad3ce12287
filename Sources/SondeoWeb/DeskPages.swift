import BusinessDays
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// The PQRSL desk's pages (``deskRoutes(_:)``): the case list with filters, a case with its history,
/// documents, requests and the forms of the actions its state allows, the day's pending work, the
/// verification queue and a new case. Spanish, as the auxiliar reads them; one column on a phone.
extension SurveyServer {
    func esc(_ s: String) -> String { FormHTML.esc(s) }

    func deskHeader(_ user: WebUser, title: String) -> String {
        let links = user.role == "aprendiz" ? "<a href=\"/casos/verificar\">por verificar</a>"
            : "<a href=\"/casos\">casos</a> · <a href=\"/casos/pendientes\">pendientes</a> · <a href=\"/casos/verificar\">por verificar</a> · "
                + "<a href=\"/casos/nuevo\">radicar</a> · <a href=\"/casos/informe\">informe</a>"
        return "<p class=\"banner\">\(esc(user.name ?? user.code)) (\(esc(user.role))) · \(links) · <a href=\"/salir\">salir</a></p>"
            + "<header><p class=\"marca\">Confa · PQRSL</p><h1>\(esc(title))</h1></header>"
    }

    func caseRows(_ cases: [PQRSCaseRecord], catalog: Catalog) -> String {
        var html = "<table class=\"lista\"><thead><tr><th>Radicado</th><th>Tipo</th><th>Servicio</th><th>Recibido</th><th>Vence</th><th>Responsable</th><th>Estado</th></tr></thead><tbody>"
        for c in cases {
            html += "<tr><td><a href=\"/casos/\(esc(c.radicado))\">\(esc(c.radicado))</a></td><td>\(esc(PQRSType(rawValue: c.type)?.label ?? c.type))</td>"
                + "<td>\(esc(catalog.name(c.service, in: .service)))</td><td>\(esc(c.received))</td><td>\(c.hasTerm ? esc(c.deadline) : "—")</td>"
                + "<td>\(esc(c.owner))</td><td>\(esc(c.state))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    func caseListPage(user: WebUser, state: String, owner: String, month: String) throws -> String {
        let desk = caseDesk!
        let all = try caseStore.pqrsCases()
        let shown = all.filter { (state.isEmpty || $0.state == state) && (owner.isEmpty || $0.owner == owner) && (month.isEmpty || $0.received.hasPrefix(month)) }
            .sorted { $0.radicado > $1.radicado }
        var body = deskHeader(user, title: "Casos")
        body += "<form class=\"buscar\" method=\"get\" action=\"/casos\">"
        body += "<label class=\"campo\" for=\"estado\">Estado</label><select id=\"estado\" name=\"estado\"><option value=\"\">Todos</option>"
            + PQRSState.allCases.map { "<option\($0.rawValue == state ? " selected" : "")>\($0.rawValue)</option>" }.joined() + "</select>"
        body += "<label class=\"campo\" for=\"responsable\">Responsable</label><select id=\"responsable\" name=\"responsable\"><option value=\"\">Todos</option>"
            + desk.knownOwners.map { "<option value=\"\(esc($0))\"\($0 == owner ? " selected" : "")>\(esc(desk.catalog.ownerName($0)))</option>" }.joined() + "</select>"
        body += "<label class=\"campo\" for=\"mes\">Mes de recibo</label><input class=\"texto\" id=\"mes\" name=\"mes\" type=\"month\" value=\"\(esc(month))\">"
        body += " <button type=\"submit\">Filtrar</button></form>"
        body += "<p class=\"paso\">\(NumberText.count(shown.count, "caso", "casos")) de \(all.count)\(shown.count > 200 ? "; se muestran los 200 más recientes" : "")</p>"
        body += caseRows(Array(shown.prefix(200)), catalog: desk.catalog)
        return FormHTML.page(title: "Casos PQRSL", body: body)
    }

    func newCasePage(user: WebUser, csrf: String, problem: String?) -> String {
        let desk = caseDesk!
        let today = CivilDate.colombianToday(clock).iso
        var body = deskHeader(user, title: "Radicar un caso")
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(esc(problem))</p></div>" }
        body += "<form method=\"post\" action=\"/casos/nuevo\"><input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">"
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            "<label class=\"campo\" for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\">"
                + options.map { "<option value=\"\(esc($0.0))\">\(esc($0.1))</option>" }.joined() + "</select>"
        }
        body += select("canal", "Canal", PQRSChannel.allCases.map { ($0.rawValue, $0.label) })
        body += select("tipo", "Tipo", PQRSType.allCases.map { ($0.rawValue, $0.label) })
        body += select("servicio", "Servicio", desk.catalog.services.map { ($0.code, $0.name) })
        body += "<label class=\"campo\" for=\"texto\">Texto de la petición</label><textarea class=\"texto\" id=\"texto\" name=\"texto\" rows=\"4\"></textarea>"
        body += "<label class=\"campo\" for=\"peticionario\">Peticionario (nombre, correo, teléfono)</label><input class=\"texto\" id=\"peticionario\" name=\"peticionario\">"
        body += "<label class=\"campo\" for=\"recibido\">Recibido el</label><input class=\"texto\" id=\"recibido\" name=\"recibido\" type=\"date\" value=\"\(today)\" max=\"\(today)\">"
        body += "<label class=\"opcion\"><input type=\"checkbox\" name=\"subsidio\" value=\"si\"> <span>Es sobre subsidios</span></label>"
        body += "<label class=\"opcion\"><input type=\"checkbox\" name=\"desde_ssf\" value=\"si\"> <span>Llegó de la Superintendencia del Subsidio Familiar</span></label>"
        body += "<div class=\"acciones\"><button type=\"submit\">Radicar</button></div></form>"
        return FormHTML.page(title: "Radicar", body: body)
    }

    /// A case: its term, text, requests, documents, history, and a form per action its state allows.
    func casePage(_ radicado: String, user: WebUser, csrf: String, notice: String?, problem: String?) throws -> String {
        let desk = caseDesk!
        let c = try CaseDesk.load(radicado, from: caseStore)
        var body = deskHeader(user, title: "\(c.radicado) · \(PQRSType(rawValue: c.type)?.label ?? c.type)")
        if let notice { body += "<p class=\"aviso\" role=\"status\">Hecho: \(esc(notice)).</p>" }
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(esc(problem))</p></div>" }
        let people = desk.catalog.people[c.owner].map { " (" + $0.map(\.name).joined(separator: ", ") + ")" } ?? ""
        let rows: [(String, String)] = [
            ("Estado", c.state), ("Canal", PQRSChannel(rawValue: c.channel)?.label ?? c.channel), ("Servicio", desk.catalog.name(c.service, in: .service)),
            ("Responsable", c.owner + people), ("Recibido", CivilDate(parsing: c.received)!.withWeekday),
            ("Vence", c.hasTerm ? CivilDate(parsing: c.deadline)!.withWeekday + " (\(c.termDays) días hábiles)" : "sin término (felicitación)"),
            ("Respuesta", c.responseDate.map { "\($0) por \(c.responseChannel ?? "—")" } ?? "—"), ("Verificación", c.verification),
            ("Peticionario", c.petitioner ?? "—"),
        ]
        body += "<table class=\"lista\"><tbody>" + rows.map { "<tr><th>\($0.0)</th><td>\(esc($0.1))</td></tr>" }.joined() + "</tbody></table>"
        body += "<h2>Texto</h2><p>\(esc(c.text))</p>"
        let requests = try caseStore.requests(of: c.radicado)
        if !requests.isEmpty {
            body += "<h2>Solicitudes a servicios</h2><ul>" + requests.map { r in
                "<li>\(r.id). \(esc(r.owner)): \(esc(r.what)) — vence el \(esc(r.dueOn))" + (r.answeredOn.map { ", respondida el \(esc($0))" } ?? ", <strong>sin respuesta</strong>") + "</li>"
            }.joined() + "</ul>"
        }
        let documents = try caseStore.attachments(of: c.radicado)
        if !documents.isEmpty {
            body += "<h2>Documentos</h2><ul>" + documents.map { "<li>\(esc($0.kind)): \(esc($0.name)) (SHA-256 \(esc(String($0.sha256.prefix(16))))…)</li>" }.joined() + "</ul>"
        }
        body += actionForms(c, user: user, csrf: csrf, desk: desk)
        body += "<h2>Historia</h2><table class=\"lista\"><thead><tr><th>Cuándo</th><th>Quién</th><th>Paso</th><th>Detalle</th></tr></thead><tbody>"
        for e in try caseStore.history(of: c.radicado) {
            body += "<tr><td>\(esc(CivilDate.colombianLocal(e.at)))</td><td>\(esc(e.actor))</td><td>\(esc(e.action)) → \(esc(e.to))</td><td>\(esc(e.details))</td></tr>"
        }
        body += "</tbody></table>"
        return FormHTML.page(title: c.radicado, body: body)
    }

    /// The forms of the actions the transition table allows in the case's state (the aprendiz: the call only).
    func actionForms(_ c: PQRSCaseRecord, user: WebUser, csrf: String, desk: CaseDesk) -> String {
        let state = PQRSState(rawValue: c.state) ?? .cerrado
        let today = CivilDate.colombianToday(clock).iso
        func form(_ action: PQRSAction, _ value: String, _ title: String, _ inner: String) -> String {
            guard CaseDesk.transitions[action]?.contains(state) == true, user.role != "aprendiz" || action == .verify else { return "" }
            return "<form method=\"post\" action=\"/casos/\(esc(c.radicado))\" class=\"accion\"><h3>\(title)</h3>"
                + "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\"><input type=\"hidden\" name=\"accion\" value=\"\(value)\">" + inner
                + "<div class=\"acciones\"><button type=\"submit\">\(title)</button></div></form>"
        }
        func date(_ name: String = "fecha", _ label: String = "Fecha") -> String {
            "<label class=\"campo\" for=\"\(name)-\(label.count)\">\(label)</label><input class=\"texto\" id=\"\(name)-\(label.count)\" name=\"\(name)\" type=\"date\" value=\"\(today)\" max=\"\(today)\">"
        }
        func text(_ name: String, _ label: String) -> String {
            "<label class=\"campo\" for=\"\(name)\">\(label)</label><input class=\"texto\" id=\"\(name)\" name=\"\(name)\">"
        }
        func owners(_ id: String) -> String {
            "<label class=\"campo\" for=\"\(id)\">Responsable</label><select id=\"\(id)\" name=\"responsable\">"
                + desk.knownOwners.map { "<option value=\"\(esc($0))\">\(esc(desk.catalog.ownerName($0)))</option>" }.joined() + "</select>"
        }
        var html = "<h2>Acciones</h2>"
        html += form(.respond, "responder", "Responder", date() + text("canal", "Canal de la respuesta (correo, carta, telefono…)"))
        html += form(.uploadSSF, "cargar-ssf", "Cargar en la SSF", date() + text("certificado", "Certificado de cargue"))
        html += form(.close, "cerrar", "Cerrar", date())
        html += form(.route, "asignar", "Asignar a otro responsable", owners("asignar-responsable") + text("motivo", "Motivo"))
        html += form(.request, "solicitar", "Pedir información a un servicio", owners("solicitar-responsable") + text("que", "Qué se pide") + date())
        html += form(.classify, "clasificar", "Clasificar", "<label class=\"campo\" for=\"servicio\">Servicio</label><select id=\"servicio\" name=\"servicio\"><option value=\"\">(igual)</option>"
            + desk.catalog.services.map { "<option value=\"\(esc($0.code))\">\(esc($0.name))</option>" }.joined() + "</select>"
            + "<label class=\"campo\" for=\"atributo\">Atributo de calidad</label><select id=\"atributo\" name=\"atributo\"><option value=\"\">(igual)</option>"
            + desk.catalog.attributes.map { "<option value=\"\(esc($0.code))\">\(esc($0.name))</option>" }.joined() + "</select>")
        if c.verification == VerificationStatus.pendiente.rawValue {
            html += form(.verify, "verificar", "Registrar la llamada de verificación",
                         "<label class=\"campo\" for=\"resultado\">Resultado</label><select id=\"resultado\" name=\"resultado\"><option value=\"contactado\">Contactado</option><option value=\"no-contesta\">No contesta</option></select>"
                         + "<label class=\"campo\" for=\"satisfecho\">¿Quedó satisfecho? (si se le contactó)</label><select id=\"satisfecho\" name=\"satisfecho\"><option value=\"\">—</option><option value=\"si\">Sí</option><option value=\"no\">No</option></select>"
                         + date() + "<label class=\"campo\" for=\"hora\">Hora de la llamada</label><input class=\"texto\" id=\"hora\" name=\"hora\" type=\"time\">"
                         + text("notas", "Observaciones"))
        }
        return html
    }

    /// The day's work (`cases due`): reminders, due today, overdue, and internal requests due.
    func duePage(user: WebUser) throws -> String {
        let desk = caseDesk!
        let today = CivilDate.colombianToday(clock)
        let due = DueList(try caseStore.pqrsCases(), on: today, calendar: desk.calendar)
        var body = deskHeader(user, title: "Pendientes del \(today.withWeekday)")
        for (title, items) in [("Recordatorios (vencen en 2 días hábiles o menos)", due.reminders), ("Vencen hoy", due.dueToday), ("Vencidos sin respuesta", due.overdue)] {
            body += "<h2>\(title) · \(items.count)</h2>"
            if !items.isEmpty { body += caseRows(items.map(\.record), catalog: desk.catalog) }
        }
        let requests = DueList.requestsDue(try caseStore.requests(of: nil), on: today)
        body += "<h2>Solicitudes a servicios vencidas o que vencen hoy · \(requests.count)</h2>"
        if !requests.isEmpty {
            body += "<table class=\"lista\"><thead><tr><th>Radicado</th><th>Responsable</th><th>Qué se pidió</th><th>Vence</th></tr></thead><tbody>"
                + requests.map { "<tr><td><a href=\"/casos/\(esc($0.radicado))\">\(esc($0.radicado))</a></td><td>\(esc($0.owner))</td><td>\(esc($0.what))</td><td>\(esc($0.dueOn))</td></tr>" }.joined()
                + "</tbody></table>"
        }
        return FormHTML.page(title: "Pendientes", body: body)
    }

    /// The cases waiting for their verification call, oldest answer first, with the attempts made.
    func verificationQueuePage(user: WebUser) throws -> String {
        let desk = caseDesk!
        let waiting = try caseStore.pqrsCases().filter { $0.verification == VerificationStatus.pendiente.rawValue && $0.state == PQRSState.enVerificacion.rawValue }
            .sorted { ($0.responseDate ?? "", $0.radicado) < ($1.responseDate ?? "", $1.radicado) }
        var body = deskHeader(user, title: "Llamadas de verificación")
        body += "<p class=\"paso\">\(NumberText.count(waiting.count, "caso por llamar", "casos por llamar")): hasta tres intentos en días distintos.</p>"
        body += "<table class=\"lista\"><thead><tr><th>Radicado</th><th>Tipo</th><th>Servicio</th><th>Respondido</th><th>Intentos</th><th>Peticionario</th></tr></thead><tbody>"
        for c in waiting {
            let attempts = try caseStore.verificationAttempts(of: c.radicado)
            body += "<tr><td><a href=\"/casos/\(esc(c.radicado))\">\(esc(c.radicado))</a></td><td>\(esc(PQRSType(rawValue: c.type)?.label ?? c.type))</td>"
                + "<td>\(esc(desk.catalog.name(c.service, in: .service)))</td><td>\(esc(c.responseDate ?? "—"))</td>"
                + "<td>\(attempts.map { "\($0.onDate) \($0.time ?? "")" }.joined(separator: "; ").isEmpty ? "0" : esc(attempts.map { "\($0.onDate) \($0.time ?? "")" }.joined(separator: "; ")))</td>"
                + "<td>\(esc(c.petitioner ?? "—"))</td></tr>"
        }
        body += "</tbody></table>"
        return FormHTML.page(title: "Verificación", body: body)
    }
}

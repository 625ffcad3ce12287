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

    /// The traffic light of a case whose term runs (assigned or extended): the monthly report's, as of today.
    func light(_ c: PQRSCaseRecord) -> String {
        guard let desk = caseDesk, c.hasTerm, PQRSState(rawValue: c.state)?.termRuns == true else { return "" }
        return "<br>" + MonthlyReport.OpenCase.Urgency(deadline: c.deadline, on: CivilDate.colombianToday(clock), calendar: desk.calendar).html
    }

    func caseRows(_ cases: [PQRSCaseRecord], catalog: Catalog) -> String {
        var html = "<div class=\"tabla\"><table class=\"lista\"><thead><tr><th>Radicado</th><th>Tipo</th><th>Servicio</th><th>Recibido</th><th>Vence</th><th>Responsable</th><th>Estado</th></tr></thead><tbody>"
        for c in cases {
            html += "<tr><td><a href=\"/casos/\(esc(c.radicado))\">\(esc(c.radicado))</a></td><td>\(esc(PQRSType(rawValue: c.type)?.label ?? c.type))</td>"
                + "<td>\(esc(catalog.name(c.service, in: .service)))</td><td class=\"fecha\">\(esc(c.received))</td><td class=\"fecha\">\(c.hasTerm ? esc(c.deadline) + light(c) : "—")</td>"
                + "<td>\(esc(caseDesk?.catalog.ownerLabel(c.owner) ?? c.owner))</td><td>\(esc(PQRSState(rawValue: c.state)?.label ?? c.state))</td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    func caseListPage(user: WebUser, state: String, owner: String, month: String) throws -> String {
        let desk = caseDesk!
        let all = try caseStore.pqrsCases()
        let shown = all.filter { (state.isEmpty || $0.state == state) && (owner.isEmpty || $0.owner == owner) && (month.isEmpty || $0.received.hasPrefix(month)) }
            .sorted { $0.radicado > $1.radicado }
        var body = deskHeader(user, title: "Casos")
        body += "<form class=\"buscar\" method=\"get\" action=\"/casos\">"
        body += "<label class=\"campo\" for=\"estado\">Estado</label><select id=\"estado\" name=\"estado\"><option value=\"\">Todos</option>"
            + PQRSState.allCases.map { "<option value=\"\($0.rawValue)\"\($0.rawValue == state ? " selected" : "")>\($0.label)</option>" }.joined() + "</select>"
        body += "<label class=\"campo\" for=\"responsable\">Responsable</label><select id=\"responsable\" name=\"responsable\"><option value=\"\">Todos</option>"
            + desk.knownOwners.map { "<option value=\"\(esc($0))\"\($0 == owner ? " selected" : "")>\(esc(desk.catalog.ownerLabel($0)))</option>" }.joined() + "</select>"
        body += "<label class=\"campo\" for=\"mes\">Mes de recibo</label><input class=\"texto\" id=\"mes\" name=\"mes\" type=\"month\" value=\"\(esc(month))\">"
        body += " <button type=\"submit\">Filtrar</button></form>"
        body += "<p class=\"paso\">\(NumberText.count(shown.count, "caso", "casos")) de \(all.count)\(shown.count > 200 ? "; se muestran los 200 más recientes" : "")</p>"
        body += caseRows(Array(shown.prefix(200)), catalog: desk.catalog)
        return FormHTML.page(wide: true, title: "Casos PQRSL", body: body)
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
        body += "<details class=\"mas\"><summary>Buzón, atributo y Superintendencia</summary>"
        body += "<label class=\"campo\" for=\"depositado\">Día en que se depositó en el buzón (si llegó por buzón)</label><input class=\"texto\" id=\"depositado\" name=\"depositado\" type=\"date\" max=\"\(today)\">"
        body += select("atributo", "Atributo de calidad", [("", "(sin clasificar)")] + desk.catalog.attributes.map { ($0.code, $0.name) })
        body += select("tipo_ssf", "Tipo según la SSF", [("", "—")] + desk.catalog.ssfTypes.map { ($0.code, $0.name) })
        body += "<label class=\"campo\" for=\"termino_ssf\">Término que fija la SSF (días hábiles, de 1 a 30)</label><input class=\"texto\" id=\"termino_ssf\" name=\"termino_ssf\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"30\">"
        body += "</details>"
        body += "<div class=\"acciones\"><button type=\"submit\">Radicar</button></div></form>"
        return FormHTML.page(wide: true, title: "Radicar", body: body)
    }

    /// A case: its term, text, requests, documents, history, and a form per action its state allows.
    func casePage(_ radicado: String, user: WebUser, csrf: String, notice: String?, problem: String?) throws -> String {
        let desk = caseDesk!
        let c = try CaseDesk.load(radicado, from: caseStore)
        var body = deskHeader(user, title: "\(c.radicado) · \(PQRSType(rawValue: c.type)?.label ?? c.type)")
        if let notice { body += "<p class=\"aviso\" role=\"status\">\(esc(notice.prefix(1).uppercased() + notice.dropFirst())).</p>" }
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(esc(problem))</p></div>" }
        let rows: [(String, String)] = [
            ("Estado", PQRSState(rawValue: c.state)?.label ?? c.state), ("Canal", PQRSChannel(rawValue: c.channel)?.label ?? c.channel), ("Servicio", desk.catalog.name(c.service, in: .service)),
            ("Responsable", desk.catalog.ownerLabel(c.owner)), ("Recibido", CivilDate(parsing: c.received)!.withWeekday),
            ("Vence", c.hasTerm ? CivilDate(parsing: c.deadline)!.withWeekday + " (\(c.termDays) días hábiles)" : "sin término (felicitación)"),
            ("Respuesta", c.responseDate.map { "\($0) por \(c.responseChannel ?? "—")" } ?? "—"), ("Verificación", c.verification.replacingOccurrences(of: "-", with: " ") + (c.verifier.map { "; llama \($0)" } ?? "")),
            ("Peticionario", c.petitioner ?? "—"),
        ]
        body += "<div class=\"tabla\"><table class=\"lista\"><tbody>" + rows.map { "<tr><th>\($0.0)</th><td>\(esc($0.1))</td></tr>" }.joined() + "</tbody></table></div>"
        body += "<h2>Texto</h2><p>\(esc(c.text))</p>"
        body += requestList(c, try caseStore.requests(of: c.radicado), user: user, csrf: csrf)
        body += documentList(c, try caseStore.attachments(of: c.radicado), user: user, csrf: csrf)
        body += actionForms(c, user: user, csrf: csrf, desk: desk)
        body += "<h2>Historia</h2><div class=\"tabla\"><table class=\"lista\"><thead><tr><th>Cuándo</th><th>Quién</th><th>Paso</th><th>Detalle</th></tr></thead><tbody>"
        for e in try caseStore.history(of: c.radicado) {
            body += "<tr><td>\(esc(CivilDate.colombianLocal(e.at)))</td><td>\(esc(e.actor))</td><td>\(esc(e.action)) → \(esc(e.to))</td><td>\(esc(e.details))</td></tr>"
        }
        body += "</tbody></table></div>"
        return FormHTML.page(wide: true, title: c.radicado, body: body)
    }

    /// The forms of the actions the transition table allows in the case's state (the aprendiz: the call only).
    func actionForms(_ c: PQRSCaseRecord, user: WebUser, csrf: String, desk: CaseDesk) -> String {
        let state = PQRSState(rawValue: c.state) ?? .cerrado
        let today = CivilDate.colombianToday(clock).iso
        // Each action folds under its title (a phone shows the list, not a dozen open forms); the usual next
        // step — answering, closing, the verification call — comes open.
        func form(_ action: PQRSAction, _ value: String, _ title: String, _ fields: [String]) -> String {
            guard CaseDesk.transitions[action]?.contains(state) == true, user.role != "aprendiz" || action == .verify else { return "" }
            let open = [PQRSAction.respond, .close, .verify, .uploadSSF].contains(action)
            return "<details class=\"mas\"\(open ? " open" : "")><summary>\(title)</summary>"
                + "<form method=\"post\" action=\"/casos/\(esc(c.radicado))\" class=\"accion\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\"><input type=\"hidden\" name=\"accion\" value=\"\(value)\">"
                + fields.map { $0.replacingOccurrences(of: "@", with: value) }.joined()
                + "<div class=\"acciones\"><button type=\"submit\">\(title)</button></div></form></details>"
        }
        // Field ids carry the form's action («@»), so that each label points at its own field.
        func date(_ name: String = "fecha", _ label: String = "Fecha", value: String? = nil, max: Bool = true) -> String {
            "<label class=\"campo\" for=\"@-\(name)\">\(label)</label><input class=\"texto\" id=\"@-\(name)\" name=\"\(name)\" type=\"date\" value=\"\(value ?? today)\"\(max ? " max=\"\(today)\"" : "")>"
        }
        func text(_ name: String, _ label: String) -> String {
            "<label class=\"campo\" for=\"@-\(name)\">\(label)</label><input class=\"texto\" id=\"@-\(name)\" name=\"\(name)\">"
        }
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            "<label class=\"campo\" for=\"@-\(name)\">\(label)</label><select id=\"@-\(name)\" name=\"\(name)\">"
                + options.map { "<option value=\"\(esc($0.0))\">\(esc($0.1))</option>" }.joined() + "</select>"
        }
        let owners = desk.knownOwners.map { ($0, desk.catalog.ownerLabel($0)) }
        var html = ""
        html += form(.respond, "responder", "Responder", [date(), text("canal", "Canal de la respuesta (correo, carta, telefono…)")])
        html += form(.uploadSSF, "cargar-ssf", "Cargar en la SSF", [date(), text("certificado", "Certificado de cargue")])
        html += form(.close, "cerrar", "Cerrar", [date()])
        html += form(.route, "asignar", "Asignar a otro responsable", [select("responsable", "Responsable", owners), text("motivo", "Motivo")])
        html += form(.request, "solicitar", "Pedir información a un servicio",
                     [select("responsable", "Servicio", owners), text("que", "Qué se pide"), date(),
                      date("vence", "Fecha límite (vacía: cinco días hábiles, nunca después del recordatorio)", value: "", max: false)])
        html += form(.classify, "clasificar", "Clasificar",
                     [select("servicio", "Servicio", [("", "(igual)")] + desk.catalog.services.map { ($0.code, $0.name) }),
                      select("atributo", "Atributo de calidad", [("", "(igual)")] + desk.catalog.attributes.map { ($0.code, $0.name) })])
        html += form(.extend, "prorrogar", "Prorrogar el término (una vez)",
                     [date("hasta", "Nueva fecha de vencimiento (hasta el doble del término)", value: "", max: false), date("fecha", "Aviso al peticionario (antes del vencimiento)"),
                      text("motivo", "Motivo")])
        html += form(.suspend, "suspender", "Suspender: pedir al peticionario que complete", [date(), text("motivo", "Qué debe completar")])
        html += form(.resume, "reanudar", "Reanudar: el peticionario completó", [date()])
        html += form(.desist, "desistir", "Desistimiento tácito (no completó en el plazo)", [date()])
        html += form(.transfer, "trasladar", "Trasladar por competencia", [text("entidad", "Entidad competente"), date()])
        if c.verification == VerificationStatus.pendiente.rawValue {
            html += form(.verify, "verificar", "Registrar la llamada de verificación",
                         [select("resultado", "Resultado", [("contactado", "Contactado"), ("no-contesta", "No contesta")]),
                          select("satisfecho", "¿Quedó satisfecho? (si se le contactó)", [("", "—"), ("si", "Sí"), ("no", "No")]),
                          date(), "<label class=\"campo\" for=\"@-hora\">Hora de la llamada</label><input class=\"texto\" id=\"@-hora\" name=\"hora\" type=\"time\">",
                          text("notas", "Observaciones")])
        }
        return html.isEmpty ? "" : "<h2>Acciones</h2>" + html
    }

    /// The requests made to services, each with the form that records its answer while it is due.
    func requestList(_ c: PQRSCaseRecord, _ requests: [CaseRequestRecord], user: WebUser, csrf: String) -> String {
        guard !requests.isEmpty else { return "" }
        let today = CivilDate.colombianToday(clock).iso
        return "<h2>Solicitudes a servicios</h2><ul>" + requests.map { r in
            var item = "<li>\(r.id). \(esc(r.owner)): \(esc(r.what)) — pedida el \(esc(r.askedOn)), vence el \(esc(r.dueOn))"
            if let answered = r.answeredOn { return item + ", respondida el \(esc(answered)).</li>" }
            item += ", <strong>sin respuesta</strong>."
            if user.role != "aprendiz" {
                item += "<form method=\"post\" action=\"/casos/\(esc(c.radicado))\" class=\"accion\"><input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">"
                    + "<input type=\"hidden\" name=\"accion\" value=\"solicitud-respondida\"><input type=\"hidden\" name=\"solicitud\" value=\"\(r.id)\">"
                    + "<label class=\"campo\" for=\"solicitud-\(r.id)\">Respondida el</label><input class=\"texto\" id=\"solicitud-\(r.id)\" name=\"fecha\" type=\"date\" value=\"\(today)\" max=\"\(today)\">"
                    + "<div class=\"acciones\"><button type=\"submit\">Registrar la respuesta del servicio</button></div></form>"
            }
            return item + "</li>"
        }.joined() + "</ul>"
    }

    /// The documents kept with the case (each a download checked against its SHA-256), and the form that adds one.
    func documentList(_ c: PQRSCaseRecord, _ documents: [CaseAttachmentRecord], user: WebUser, csrf: String) -> String {
        var html = "<h2>Documentos</h2>"
        html += documents.isEmpty ? "<p>Ninguno todavía.</p>" : "<ul>" + documents.map { d in
            "<li>\(esc(d.kind)): <a href=\"/casos/\(esc(c.radicado))/documentos/\(esc(d.sha256))\">\(esc(d.name))</a> (\(NumberText.count(d.size, "byte", "bytes")), "
                + "guardado el \(esc(CivilDate.colombianLocal(d.at))) por \(esc(d.actor)); SHA-256 \(esc(String(d.sha256.prefix(16))))…)</li>"
        }.joined() + "</ul>"
        guard Self.deskRoles.contains(user.role) else { return html }
        html += "<form method=\"post\" action=\"/casos/\(esc(c.radicado))/documentos\" enctype=\"multipart/form-data\" class=\"accion\"><h3>Guardar un documento</h3>"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">"
            + "<label class=\"campo\" for=\"documento-tipo\">Qué es</label><select id=\"documento-tipo\" name=\"tipo\">"
            + [("formato", "Formato escaneado"), ("respuesta", "Respuesta enviada"), ("certificado", "Certificado de la SSF"), ("otro", "Otro")]
                .map { "<option value=\"\($0.0)\">\($0.1)</option>" }.joined() + "</select>"
            + "<label class=\"campo\" for=\"documento-archivo\">Archivo (hasta \(CaseDesk.attachmentLimit / 1_048_576) MB)</label>"
            + "<input class=\"texto\" id=\"documento-archivo\" name=\"archivo\" type=\"file\" required>"
            + "<div class=\"acciones\"><button type=\"submit\">Guardar el documento</button></div></form>"
        return html
    }

    /// The day's work (`cases due`): reminders, due today, overdue, and internal requests due.
    func duePage(user: WebUser, csrf: String, noticeResult: String?) throws -> String {
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
            body += "<div class=\"tabla\"><table class=\"lista\"><thead><tr><th>Radicado</th><th>Responsable</th><th>Qué se pidió</th><th>Vence</th></tr></thead><tbody>"
                + requests.map { "<tr><td><a href=\"/casos/\(esc($0.radicado))\">\(esc($0.radicado))</a></td><td>\(esc($0.owner))</td><td>\(esc($0.what))</td><td>\(esc($0.dueOn))</td></tr>" }.joined()
                + "</tbody></table></div>"
        }
        body += try noticeSection(csrf: csrf, result: noticeResult)
        return FormHTML.page(wide: true, title: "Pendientes", body: body)
    }

    /// The cases waiting for their verification call, oldest answer first, with the attempts made. The
    /// auxiliar routes them to an aprendiz (step 30); the aprendiz sees the calls routed to them.
    func verificationQueuePage(user: WebUser, csrf: String, problem: String? = nil, drawn: String? = nil) throws -> String {
        let desk = caseDesk!
        let all = try caseStore.pqrsCases().filter { $0.verification == VerificationStatus.pendiente.rawValue && $0.state == PQRSState.enVerificacion.rawValue }
            .sorted { ($0.responseDate ?? "", $0.radicado) < ($1.responseDate ?? "", $1.radicado) }
        let apprentice = user.role == "aprendiz"
        let waiting = apprentice ? all.filter { $0.verifier == user.code } : all
        var body = deskHeader(user, title: apprentice ? "Mis llamadas de verificación" : "Llamadas de verificación")
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(esc(problem))</p></div>" }
        if let drawn { body += "<div class=\"aviso\" role=\"status\">" + drawn.split(separator: "\n").map { "<p>\(esc(String($0)))</p>" }.joined() + "</div>" }
        body += "<p class=\"paso\">\(NumberText.count(waiting.count, "caso por llamar", "casos por llamar")): hasta tres intentos en días distintos."
        if apprentice {
            let unrouted = all.filter { $0.verifier == nil }.count
            if unrouted > 0 { body += " \(NumberText.count(unrouted, "caso espera", "casos esperan")) que la auxiliar lo\(unrouted == 1 ? "" : "s") enrute." }
        }
        body += "</p>"
        let aprendices = apprentice ? [] : try store.webUsers(role: "aprendiz")
        if !apprentice {
            body += "<form method=\"post\" action=\"/casos/verificar\"><input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">"
        }
        body += "<div class=\"tabla\"><table class=\"lista\"><thead><tr>" + (apprentice ? "" : "<th>Enrutar</th>")
            + "<th>Radicado</th><th>Tipo</th><th>Servicio</th><th>Respondido</th><th>Intentos</th><th>Peticionario</th>" + (apprentice ? "" : "<th>Llama</th>") + "</tr></thead><tbody>"
        for c in waiting {
            let attempts = try caseStore.verificationAttempts(of: c.radicado).map { "\($0.onDate) \($0.time ?? "")" }.joined(separator: "; ")
            body += "<tr>" + (apprentice ? "" : "<td><input type=\"checkbox\" name=\"radicado\" value=\"\(esc(c.radicado))\" aria-label=\"Enrutar \(esc(c.radicado))\"></td>")
                + "<td><a href=\"/casos/\(esc(c.radicado))\">\(esc(c.radicado))</a></td><td>\(esc(PQRSType(rawValue: c.type)?.label ?? c.type))</td>"
                + "<td>\(esc(desk.catalog.name(c.service, in: .service)))</td><td class=\"fecha\">\(esc(c.responseDate ?? "—"))</td>"
                + "<td>\(attempts.isEmpty ? "0" : esc(attempts))</td><td>\(esc(c.petitioner ?? "—"))</td>"
                + (apprentice ? "" : "<td>\(esc(c.verifier.map { code in aprendices.first { $0.code == code }?.name ?? code } ?? "sin enrutar"))</td>") + "</tr>"
        }
        body += "</tbody></table></div>"
        if !apprentice {
            if aprendices.isEmpty {
                body += "<p class=\"pista\">No hay cuentas de aprendiz: créelas con <code>sondeo serve user CÓDIGO --role aprendiz</code>.</p></form>"
            } else {
                body += "<label class=\"campo\" for=\"aprendiz\">Enrutar los casos marcados a</label><select id=\"aprendiz\" name=\"aprendiz\">"
                    + aprendices.map { "<option value=\"\(esc($0.code))\">\(esc($0.name ?? $0.code)) (\(esc($0.code)))</option>" }.joined() + "</select>"
                    + "<div class=\"acciones\"><button type=\"submit\">Enrutar</button></div></form>"
            }
        }
        if !apprentice {
            // Step 32: the reclamos about subsidies are verified on a monthly sample, drawn once the month is over.
            let today = CivilDate.colombianToday(clock)
            let lastMonth = today.month == 1 ? String(format: "%04d-12", today.year - 1) : String(format: "%04d-%02d", today.year, today.month - 1)
            body += "<form method=\"post\" action=\"/casos/verificar/sorteo\" class=\"accion\"><h2>Sorteo del mes: reclamos sobre subsidios</h2>"
                + "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(csrf))\">"
                + "<p class=\"pista\">Se verifican \(desk.catalog.subsidySampleSize) al mes (todos si son menos), elegidos al azar entre los respondidos en el mes; el sorteo se hace una vez, cuando el mes terminó, y queda con su semilla y su huella.</p>"
                + "<label class=\"campo\" for=\"sorteo-mes\">Mes de la respuesta</label><input class=\"texto\" id=\"sorteo-mes\" name=\"mes\" type=\"month\" value=\"\(lastMonth)\" required>"
                + "<label class=\"campo\" for=\"sorteo-semilla\">Semilla (vacía: una al azar, que queda guardada)</label><input class=\"texto\" id=\"sorteo-semilla\" name=\"semilla\" inputmode=\"numeric\">"
                + "<div class=\"acciones\"><button type=\"submit\">Sortear</button></div></form>"
        }
        return FormHTML.page(wide: true, title: "Verificación", body: body)
    }
}

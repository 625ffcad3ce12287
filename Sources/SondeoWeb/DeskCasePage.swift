import BusinessDays
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// A case's page on the desk: its term, text, requests, documents, the forms of the actions its state
/// allows (each folded under its title), and its history.
extension SurveyServer {
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
}

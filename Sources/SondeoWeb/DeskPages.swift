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
        // A month typed by hand into the address that is not aaaa-mm is said, and the other filters kept.
        var problem: String?
        let filter: CaseFilter
        do throws(CaseError) {
            filter = try CaseFilter(state: state, owner: owner, month: month)
        } catch {
            problem = error.message(.es)
            filter = try CaseFilter(state: state, owner: owner)
        }
        let shown = filter.apply(all).sorted { $0.radicado > $1.radicado }
        var body = deskHeader(user, title: "Casos")
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(esc(problem))</p></div>" }
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

}

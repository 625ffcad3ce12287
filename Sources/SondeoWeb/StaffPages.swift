import Diagnostics
import Foundation
import Hummingbird
import Pages
import Store
import Survey

/// The staff pages' bodies: the encuestador's list of cases (only theirs and the unassigned ones, 50 a
/// page, searchable) and the supervisor's assignment of cases (by stratum, with a count).
extension SurveyServer {
    static let casesPerPage = 50

    /// A case id as a path segment: letters and digits as they are, the rest percent-encoded.
    static func pathSegment(_ unit: String) -> String {
        unit.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? unit
    }

    /// The encuestador's cases (``CaseClaims/offered(_:to:quotas:)``), filtered by `search` (the id or a
    /// contact field, without regard to accents or capitals), page `page`.
    func casesPage(user: WebUser, search: String, page: Int) throws -> String {
        let states = try store.cases(of: questionnaireID)
        let open = claims.offered(states, to: user.code, quotas: try StratumQuotas.load(store, questionnaire: questionnaireID, cases: states))
        let needle = String(Suggestion.fold(search.trimmingCharacters(in: .whitespaces)))
        let found = needle.isEmpty ? open : open.filter { c in
            ([c.unit] + c.contact.values).contains { String(Suggestion.fold($0)).contains(needle) }
        }
        let pages = max(1, (found.count + Self.casesPerPage - 1) / Self.casesPerPage), current = min(max(1, page), pages)
        let shown = found.dropFirst((current - 1) * Self.casesPerPage).prefix(Self.casesPerPage)
        let mine = open.filter { $0.assignedTo == user.code }.count
        var body = "<p class=\"banner\">Encuestador \(FormHTML.esc(user.name ?? user.code)) · <a href=\"/salir\">salir</a></p>"
        body += "<header><p class=\"marca\">Confa</p><h1>Casos por entrevistar</h1><p class=\"paso\">\(open.count) casos sin terminar de «\(FormHTML.esc(questionnaireID))»"
            + (mine > 0 ? " · \(mine) asignados a usted" : "") + "</p></header>"
        body += "<form class=\"buscar\" method=\"get\" action=\"/encuestador\"><label class=\"campo\" for=\"q\">Buscar por código, nombre o teléfono</label>"
            + "<input class=\"texto\" id=\"q\" name=\"q\" type=\"search\" value=\"\(FormHTML.esc(search))\"> <button type=\"submit\">Buscar</button></form>"
        if !needle.isEmpty { body += "<p class=\"paso\">\(found.count) de \(open.count) casos con «\(FormHTML.esc(search))»</p>" }
        body += "<table class=\"lista\"><thead><tr><th>Caso</th><th>Estrato</th><th>Intentos</th><th>Estado</th></tr></thead><tbody>"
        for c in shown {
            let state = c.disposition.flatMap { Disposition.named($0)?.spanish } ?? "sin intentar"
            body += "<tr><td><a href=\"/e/\(FormHTML.esc(Self.pathSegment(c.unit)))\">\(FormHTML.esc(c.unit))</a></td><td>\(FormHTML.esc(c.stratum ?? ""))</td>"
                + "<td class=\"n\">\(c.attempts)</td><td>\(FormHTML.esc(state))</td></tr>"
        }
        body += "</tbody></table>"
        if pages > 1 {
            func link(_ n: Int, _ text: String) -> String {
                "<a href=\"/encuestador?pagina=\(n)" + (search.isEmpty ? "" : "&amp;q=" + FormHTML.esc(Self.pathSegment(search))) + "\">\(text)</a>"
            }
            body += "<nav class=\"paginas\" aria-label=\"Páginas de casos\">" + (current > 1 ? link(current - 1, "« Anterior") + " " : "")
                + "Página \(current) de \(pages)" + (current < pages ? " " + link(current + 1, "Siguiente »") : "") + "</nav>"
        }
        return FormHTML.page(title: "Casos", body: body)
    }

    /// The supervisor's assignment form under the fieldwork table: a stratum (or all), an interviewer,
    /// how many; and who has how many open cases.
    func assignmentSection(_ states: [CaseState], csrf: String) -> String {
        let open = states.filter { !$0.reserve && !($0.disposition.flatMap { Disposition.named($0)?.final } ?? false) }
        var counts: [String: Int] = [:]
        for c in open { counts[c.assignedTo ?? "", default: 0] += 1 }
        var html = "<h2>Asignación de casos</h2><table class=\"lista\"><thead><tr><th>Encuestador</th><th>Casos abiertos</th></tr></thead><tbody>"
        for (who, n) in counts.sorted(by: { $0.key < $1.key }) {
            html += "<tr><td>\(FormHTML.esc(who.isEmpty ? "(sin asignar: cualquiera)" : who))</td><td class=\"n\">\(n)</td></tr>"
        }
        html += "</tbody></table>"
        let strata = Set(states.compactMap(\.stratum)).sorted()
        html += "<form method=\"post\" action=\"/campo/asignar\" class=\"asignar\"><input type=\"hidden\" name=\"csrf\" value=\"\(FormHTML.esc(csrf))\">"
        html += "<label class=\"campo\" for=\"estrato\">Estrato</label><select id=\"estrato\" name=\"estrato\"><option value=\"\">Todos</option>"
            + strata.map { "<option>\(FormHTML.esc($0))</option>" }.joined() + "</select>"
        html += "<label class=\"campo\" for=\"encuestador\">Código del encuestador (vacío: sin asignar)</label><input class=\"texto\" id=\"encuestador\" name=\"encuestador\">"
        html += "<label class=\"campo\" for=\"cantidad\">Cuántos casos (vacío: todos los del estrato)</label><input class=\"texto\" id=\"cantidad\" name=\"cantidad\" type=\"number\" inputmode=\"numeric\" min=\"1\">"
        html += "<div class=\"acciones\"><button type=\"submit\">Asignar</button></div></form>"
        return html
    }

    /// A posted assignment: the same choice as `sondeo sample assign` (``CaseAssignment``).
    func assign(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else {
            return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página de trabajo de campo."), status: .forbidden)
        }
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) ?? "" }
        let stratum = field("estrato"), interviewer = field("encuestador"), count = Int(field("cantidad"))
        let states = try store.cases(of: questionnaireID)
        let chosen: [String]
        do {
            chosen = try CaseAssignment.select(states, strata: stratum.isEmpty ? [] : [stratum], units: [],
                                               count: count ?? (stratum.isEmpty ? states.count : nil))
        } catch {
            return Self.html(FormHTML.message("No se pudo asignar", error.message(.es)), status: .unprocessableContent)
        }
        _ = try store.assign(questionnaire: questionnaireID, units: chosen, to: interviewer.isEmpty ? nil : interviewer, actor: user.code)
        return Self.redirect("/campo")
    }
}

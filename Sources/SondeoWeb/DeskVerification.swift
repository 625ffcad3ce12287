import BusinessDays
import Cases
import Diagnostics
import Foundation
import Hummingbird
import Store
import Table

/// The verification calls on the desk (procedure steps 30–32): the queue, routing the calls to an
/// aprendiz, and the month's sample of reclamos about subsidies.
extension SurveyServer {
    /// The cases waiting for their verification call, oldest answer first, with the attempts made. The
    /// auxiliar routes them to an aprendiz (step 30); the aprendiz sees the calls routed to them.
    func verificationQueuePage(user: WebUser, csrf: String, problem: String? = nil, drawn: String? = nil) throws -> String {
        let desk = caseDesk!
        let all = CaseFilter.verificationQueue(try caseStore.pqrsCases())
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

    /// Enrutar a aprendiz (step 30) from the queue: the marked cases to one aprendiz account, each by the
    /// rule of `sondeo cases route-call`; the first refusal stops and is shown (the cases before it stay routed).
    func routeCalls(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.expiredForm() }
        guard let desk = caseDesk else { return Self.notFound() }
        let person = fields.first { $0.0 == "aprendiz" }?.1 ?? ""
        do {
            guard let account = try store.webUser(person), account.role == "aprendiz" else {
                throw CaseError.unknownValue(field: "el aprendiz", value: person, valid: try store.webUsers(role: "aprendiz").map(\.code), suggestion: nil)
            }
            for radicado in fields.filter({ $0.0 == "radicado" }).map(\.1) {
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.routeCall(c, to: account.code, at: now, actor: user.code) }
            }
            return Self.redirect("/casos/verificar")
        } catch let problem as any Diagnostic {
            return try withCSRF(request) { csrf in try verificationQueuePage(user: user, csrf: csrf, problem: problem.message(.es)) }.with(status: .unprocessableContent)
        }
    }

    /// The month's verification sample (`sondeo cases verify-sample`): drawn once, after the month.
    func drawMonth(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.expiredForm() }
        guard let desk = caseDesk else { return Self.notFound() }
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) ?? "" }
        func refused(_ message: String) throws -> Response {
            try withCSRF(request) { csrf in try verificationQueuePage(user: user, csrf: csrf, problem: message) }.with(status: .unprocessableContent)
        }
        let month = field("mes")
        guard month.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil else { return try refused("el mes del sorteo: «\(month)» no es un mes (aaaa-mm)") }
        var random = SystemRandomNumberGenerator()
        guard let seed = field("semilla").isEmpty ? random.next() : UInt64(field("semilla")) else {
            return try refused("la semilla: «\(field("semilla"))» no es un número entero positivo")
        }
        do {
            let (sample, drawnNow) = try desk.monthlySample(in: caseStore, month: month, seed: seed, on: CivilDate.colombianToday(clock), clock: clock, actor: user.code)
            return try withCSRF(request) { csrf in try verificationQueuePage(user: user, csrf: csrf, drawn: sample.report(drawnNow: drawnNow)) }
        } catch let problem as any Diagnostic {
            return try refused(problem.message(.es))
        }
    }
}

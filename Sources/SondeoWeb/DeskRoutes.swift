import BusinessDays
import Cases
import Diagnostics
import Foundation
import Hummingbird
import Store
import Table

/// The PQRSL desk in the browser (`/casos`), for the staff accounts of the same login as `/campo`: the
/// auxiliar and the supervisor work every case (file, classify, route, answer, close, ask a service,
/// verify), the aprendiz makes the verification calls. Every action runs the same ``CaseDesk`` rule as
/// `sondeo cases`, on the same store (PostgreSQL for several auxiliares at once); a refusal shows the
/// rule's own message and writes nothing.
extension SurveyServer {
    static let deskRoles: Set<String> = ["auxiliar", "supervisor"]
    static let verifierRoles: Set<String> = ["auxiliar", "supervisor", "aprendiz"]

    /// The store's cases (the server opens one store that keeps both).
    var caseStore: any CaseStore { store as! any CaseStore }

    func deskRoutes(_ router: Router<ServerContext>) {
        router.get("/casos") { request, _ in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            if user.role == "aprendiz" { return Self.redirect("/casos/verificar") }
            let query = FormFields.parse(request.uri.query ?? "")
            func value(_ name: String) -> String { query.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) ?? "" }
            return Self.html(try self.caseListPage(user: user, state: value("estado"), owner: value("responsable"), month: value("mes")), status: .ok)
        }
        router.get("/casos/nuevo") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return self.withCSRF(request) { csrf in self.newCasePage(user: user, csrf: csrf, problem: nil) }
        }
        router.post("/casos/nuevo") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.fileCase(request: request, user: user)
        }
        router.get("/casos/pendientes") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return try self.withCSRF(request) { csrf in try self.duePage(user: user, csrf: csrf, noticeResult: nil) }
        }
        router.post("/casos/avisos") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.sendNotices(request: request, user: user)
        }
        router.get("/casos/verificar") { request, _ in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            return try self.withCSRF(request) { csrf in try self.verificationQueuePage(user: user, csrf: csrf) }
        }
        router.post("/casos/verificar/sorteo") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.drawMonth(request: request, user: user)
        }
        router.post("/casos/verificar") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.routeCalls(request: request, user: user)
        }
        router.get("/casos/informe") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role), let desk = self.caseDesk else { return self.deskDenied(request) }
            let asked = FormFields.parse(request.uri.query ?? "").first { $0.0 == "mes" }?.1 ?? ""
            let today = CivilDate.colombianToday(self.clock)
            let month = asked.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil ? asked : String(today.iso.prefix(7))
            let report = MonthlyReport(cases: try self.caseStore.pqrsCases(), reminders: try self.caseStore.reminders(), month: month, asOf: today,
                                       calendar: desk.calendar, events: try self.caseStore.histories())
            // The way back to the desk and to the months around this one (the document itself has no forms).
            let (year, number) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
            let previous = number == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, number - 1)
            let next = number == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, number + 1)
            let links = "<p class=\"small\"><a href=\"/casos/informe?mes=\(previous)\">← \(previous)</a> · <a href=\"/casos\">volver a los casos</a> · "
                + "<a href=\"/casos/informe?mes=\(next)\">\(next) →</a></p>"
            return Self.document(report.html(catalog: desk.catalog).replacingOccurrences(of: "<body class=\"documento\">", with: "<body class=\"documento\">" + links))
        }
        router.post("/casos/:radicado/documentos") { request, context in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.attachDocument(context.parameters.get("radicado") ?? "", request: request, user: user)
        }
        router.get("/casos/:radicado/documentos/:sha") { request, context in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            guard try self.mayRead(user, context.parameters.get("radicado") ?? "") else { return self.notRouted() }
            do {
                let (found, bytes) = try CaseDesk.document(context.parameters.get("radicado") ?? "", sha256: context.parameters.get("sha") ?? "", from: self.caseStore)
                return Self.download(bytes, name: found.name)
            } catch is CaseError {
                return Self.html(FormHTML.message("Documento no encontrado", "Este caso no guarda ese documento."), status: .notFound)
            }
        }
        router.get("/casos/:radicado") { request, context in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            let radicado = context.parameters.get("radicado") ?? ""
            guard try self.caseStore.pqrsCase(radicado) != nil else { return Self.notFound() }
            guard try self.mayRead(user, radicado) else { return self.notRouted() }
            let done = FormFields.parse(request.uri.query ?? "").first { $0.0 == "hecho" }.flatMap { Self.doneWords[$0.1] }
            return try self.withCSRF(request) { csrf in try self.casePage(radicado, user: user, csrf: csrf, notice: done, problem: nil) }
        }
        router.post("/casos/:radicado") { request, context in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.caseAction(context.parameters.get("radicado") ?? "", request: request, user: user)
        }
    }

    /// What the case page says after each action («Hecho: respuesta registrada.»).
    static let doneWords = [
        "radicado": "caso radicado", "responder": "respuesta registrada", "cerrar": "cierre registrado", "clasificar": "clasificación guardada",
        "asignar": "caso asignado", "solicitar": "solicitud al servicio registrada", "cargar-ssf": "cargue en la SSF registrado",
        "verificar": "llamada de verificación registrada", "trasladar": "traslado registrado", "suspender": "término suspendido",
        "reanudar": "término reanudado", "desistir": "desistimiento registrado", "prorrogar": "prórroga registrada",
        "solicitud-respondida": "respuesta del servicio registrada", "documento": "documento guardado",
        "documento-repetido": "ese documento ya estaba guardado con el caso",
    ]

    /// The aprendiz reads and calls only the cases routed to them (step 30), not every petitioner's data;
    /// the auxiliar and the supervisor, every case.
    func mayRead(_ user: WebUser, _ radicado: String) throws -> Bool {
        guard user.role == "aprendiz" else { return true }
        return try caseStore.pqrsCase(radicado)?.verifier == user.code
    }

    func notRouted() -> Response {
        Self.html(FormHTML.message("Caso de otra persona", "Esta llamada no está enrutada a usted; pida a la auxiliar que se la enrute."), status: .forbidden)
    }

    /// A desk form whose token no longer matches (an old page, or one not from here): nothing done.
    static func expiredForm() -> Response {
        html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página."), status: .forbidden)
    }

    func deskDenied(_ request: Request) -> Response {
        (try? user(request)) != nil
            ? Self.html(FormHTML.message("Sin permiso", "Estas páginas son para la auxiliar de servicio al cliente, el aprendiz y el supervisor."), status: .forbidden)
            : Self.redirect("/ingresar")
    }

    /// A page whose forms carry a fresh CSRF token (and its cookie).
    func withCSRF(_ request: Request, _ body: (String) throws -> String) rethrows -> Response {
        let pair = csrf.pair(request)
        var response = Self.html(try body(pair.field), status: .ok)
        response.setCookie(csrf.cookie(pair.cookie, request))
        return response
    }

}

extension Response {
    /// The same response with another status (a page shown again with its problem).
    func with(status: HTTPResponse.Status) -> Response {
        var copy = self
        copy.status = status
        return copy
    }
}

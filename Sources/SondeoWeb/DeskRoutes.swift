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
            return Self.html(try self.duePage(user: user), status: .ok)
        }
        router.get("/casos/verificar") { request, _ in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            return Self.html(try self.verificationQueuePage(user: user), status: .ok)
        }
        router.get("/casos/informe") { request, _ in
            guard let user = try self.user(request), Self.deskRoles.contains(user.role), let desk = self.caseDesk else { return self.deskDenied(request) }
            let asked = FormFields.parse(request.uri.query ?? "").first { $0.0 == "mes" }?.1 ?? ""
            let today = CivilDate.colombianToday(self.clock)
            let month = asked.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil ? asked : String(today.iso.prefix(7))
            let report = MonthlyReport(cases: try self.caseStore.pqrsCases(), reminders: try self.caseStore.reminders(), month: month, asOf: today,
                                       calendar: desk.calendar)
            return Self.html(report.html(catalog: desk.catalog), status: .ok)
        }
        router.get("/casos/:radicado") { request, context in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            let radicado = context.parameters.get("radicado") ?? ""
            guard try self.caseStore.pqrsCase(radicado) != nil else { return Self.notFound() }
            let done = FormFields.parse(request.uri.query ?? "").first { $0.0 == "hecho" }?.1
            return try self.withCSRF(request) { csrf in try self.casePage(radicado, user: user, csrf: csrf, notice: done, problem: nil) }
        }
        router.post("/casos/:radicado") { request, context in
            guard let user = try self.user(request), Self.verifierRoles.contains(user.role) else { return self.deskDenied(request) }
            return try await self.caseAction(context.parameters.get("radicado") ?? "", request: request, user: user)
        }
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

    /// Radicar from the browser: the same intake as `sondeo cases open`.
    func fileCase(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página."), status: .forbidden) }
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) ?? "" }
        func refused(_ message: String) -> Response {
            withCSRF(request) { csrf in newCasePage(user: user, csrf: csrf, problem: message) }.with(status: .unprocessableContent)
        }
        guard let desk = caseDesk else { return Self.notFound() }
        do {
            let channel = try CaseImport.value(field("canal"), PQRSChannel.self, field: "el canal")
            let type = try CaseImport.value(field("tipo"), PQRSType.self, field: "el tipo")
            guard let received = CivilDate(parsing: field("recibido")) else { throw CaseError.badDate(field: "la fecha de recibo", text: field("recibido")) }
            let intake = CaseDesk.Intake(channel: channel, type: type, service: field("servicio"), attribute: nil, ssfType: nil, subsidy: field("subsidio") == "si",
                                         fromSSF: field("desde_ssf") == "si", text: field("texto"), petitioner: field("peticionario").isEmpty ? nil : field("peticionario"),
                                         received: received, deposited: nil, ssfTermDays: nil)
            let saved = try desk.file(intake, in: caseStore, clock: clock, actor: user.code)
            return Self.redirect("/casos/\(saved.radicado)?hecho=radicado")
        } catch let problem as any Diagnostic {
            return refused(problem.message(.es))
        }
    }

    /// One action on a case from its page: the same rule as the command of the same name.
    func caseAction(_ radicado: String, request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir el caso."), status: .forbidden) }
        guard let desk = caseDesk, try caseStore.pqrsCase(radicado) != nil else { return Self.notFound() }
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) ?? "" }
        let action = field("accion")
        guard user.role != "aprendiz" || action == "verificar" else { return deskDenied(request) }
        do {
            func day(_ name: String = "fecha") throws -> CivilDate {
                guard let d = CivilDate(parsing: field(name)) else { throw CaseError.badDate(field: "la fecha", text: field(name)) }
                return d
            }
            let who = user.code
            switch action {
            case "responder":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.respond(c, on: try day(), channel: field("canal"), at: now, actor: who) }
            case "cerrar":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.close(c, on: try day(), at: now, actor: who) }
            case "clasificar":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in
                    try desk.classify(c, service: field("servicio").isEmpty ? nil : field("servicio"), attribute: field("atributo").isEmpty ? nil : field("atributo"),
                                      ssfType: field("tipo_ssf").isEmpty ? nil : field("tipo_ssf"), subsidy: nil, at: now, actor: who)
                }
            case "asignar":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.route(c, to: field("responsable"), reason: field("motivo"), at: now, actor: who) }
            case "solicitar":
                _ = try desk.request(radicado, to: field("responsable"), what: field("que"), on: try day(), due: CivilDate(parsing: field("vence")), in: caseStore,
                                     clock: clock, actor: who)
            case "cargar-ssf":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.uploadSSF(c, certificate: field("certificado"), on: try day(), at: now, actor: who) }
            case "verificar":
                let satisfied: Bool? = field("satisfecho").isEmpty ? nil : field("satisfecho") == "si"
                _ = try desk.verify(radicado, in: caseStore, outcome: field("resultado"), satisfied: satisfied, notes: field("notas").isEmpty ? nil : field("notas"),
                                    on: try day(), time: field("hora").isEmpty ? nil : field("hora"), clock: clock, actor: who)
            default:
                return Self.html(FormHTML.message("Acción desconocida", "Vuelva a abrir el caso."), status: .badRequest)
            }
            return Self.redirect("/casos/\(radicado)?hecho=\(action)")
        } catch let problem as any Diagnostic {
            // A rule refused the step (or someone changed the case meanwhile): its own message, nothing written.
            return try withCSRF(request) { csrf in try casePage(radicado, user: user, csrf: csrf, notice: nil, problem: problem.message(.es)) }
                .with(status: .unprocessableContent)
        }
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

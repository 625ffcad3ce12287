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
            func optional(_ name: String) -> String? { field(name).isEmpty ? nil : field(name) }
            let deposited = try optional("depositado").map { text throws(CaseError) -> CivilDate in
                guard let day = CivilDate(parsing: text) else { throw CaseError.badDate(field: "el día del depósito en el buzón", text: text) }
                return day
            }
            // Not a whole number: 0, which the intake refuses with its 1…30 message.
            let term = optional("termino_ssf").map { Int($0) ?? 0 }
            let intake = CaseDesk.Intake(channel: channel, type: type, service: field("servicio"), attribute: optional("atributo"), ssfType: optional("tipo_ssf"),
                                         subsidy: field("subsidio") == "si", fromSSF: field("desde_ssf") == "si", text: field("texto"), petitioner: optional("peticionario"),
                                         received: received, deposited: deposited, ssfTermDays: term)
            let saved = try desk.file(intake, in: caseStore, clock: clock, actor: user.code)
            return Self.redirect("/casos/\(saved.radicado)?hecho=radicado")
        } catch let problem as any Diagnostic {
            return refused(problem.message(.es))
        }
    }

    /// A document sent from the case page (multipart form): kept with the case as `sondeo cases attach`
    /// keeps it, by its SHA-256.
    func attachDocument(_ radicado: String, request: Request, user: WebUser) async throws -> Response {
        let limit = CaseDesk.attachmentLimit + 64 * 1024
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return try withCSRF(request) { csrf in
                try casePage(radicado, user: user, csrf: csrf, notice: nil,
                             problem: "El documento pasa de \(CaseDesk.attachmentLimit / 1_048_576) MB; guarde una versión más liviana (un PDF escaneado en blanco y negro, por ejemplo).")
            }.with(status: .contentTooLarge)
        }
        let body = try await request.body.collect(upTo: limit)
        guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: Array(buffer: body)) else {
            return Self.html(FormHTML.message("Formulario incompleto", "Vuelva a abrir el caso y elija el archivo otra vez."), status: .badRequest)
        }
        guard csrf.check(request, form.fields) != nil else { return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir el caso."), status: .forbidden) }
        guard let desk = caseDesk, try caseStore.pqrsCase(radicado) != nil else { return Self.notFound() }
        do {
            guard let file = form.file("archivo") else { throw CaseError.emptyFile(name: "(ningún archivo elegido)") }
            let (_, added) = try desk.attach(radicado, kind: form.field("tipo"), name: file.filename!, content: file.bytes, in: caseStore, clock: clock, actor: user.code)
            return Self.redirect("/casos/\(radicado)?hecho=" + (added ? "documento" : "documento-repetido"))
        } catch let problem as any Diagnostic {
            return try withCSRF(request) { csrf in try casePage(radicado, user: user, csrf: csrf, notice: nil, problem: problem.message(.es)) }
                .with(status: .unprocessableContent)
        }
    }

    /// Enrutar a aprendiz (step 30) from the queue: the marked cases to one aprendiz account, each by the
    /// rule of `sondeo cases route-call`; the first refusal stops and is shown (the cases before it stay routed).
    func routeCalls(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página."), status: .forbidden) }
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
        guard csrf.check(request, fields) != nil else { return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página."), status: .forbidden) }
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

    /// One action on a case from its page: the same rule as the command of the same name.
    func caseAction(_ radicado: String, request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir el caso."), status: .forbidden) }
        guard let desk = caseDesk, try caseStore.pqrsCase(radicado) != nil else { return Self.notFound() }
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) ?? "" }
        let action = field("accion")
        guard user.role != "aprendiz" || action == "verificar" else { return deskDenied(request) }
        guard try mayRead(user, radicado) else { return notRouted() }
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
            case "trasladar":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.transfer(c, to: field("entidad"), on: try day(), at: now, actor: who) }
            case "suspender":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.suspend(c, on: try day(), reason: field("motivo"), at: now, actor: who) }
            case "reanudar":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.resume(c, on: try day(), at: now, actor: who) }
            case "desistir":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in try desk.desist(c, on: try day(), at: now, actor: who) }
            case "prorrogar":
                _ = try desk.step(radicado, in: caseStore, clock: clock) { c, now in
                    try desk.extend(c, until: try day("hasta"), notified: try day(), reason: field("motivo"), at: now, actor: who)
                }
            case "solicitud-respondida":
                guard let id = Int(field("solicitud")) else { throw CaseError.unknownRequest(radicado: radicado, id: 0, known: try caseStore.requests(of: radicado).map(\.id)) }
                _ = try desk.answerRequest(radicado, id: id, on: try day(), in: caseStore, clock: clock, actor: who)
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

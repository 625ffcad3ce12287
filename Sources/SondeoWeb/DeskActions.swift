import BusinessDays
import Cases
import Diagnostics
import Foundation
import Hummingbird
import Store
import Table

/// What the desk's forms do (``deskRoutes(_:)``): file a case, keep a document, route calls, draw the
/// month's sample, and one action on a case — each the `CaseDesk` rule of the command of the same name;
/// a refusal shows the rule's message on the same page and writes nothing.
extension SurveyServer {
    /// Radicar from the browser: the same intake as `sondeo cases open`.
    func fileCase(request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.expiredForm() }
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
        guard csrf.check(request, form.fields) != nil else { return Self.expiredForm() }
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

    /// One action on a case from its page: the same rule as the command of the same name.
    func caseAction(_ radicado: String, request: Request, user: WebUser) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else { return Self.expiredForm() }
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

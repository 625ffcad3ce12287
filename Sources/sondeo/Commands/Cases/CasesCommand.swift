import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases`: PQRSL cases (procedure steps 1–33) in the survey store.
struct CasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "cases",
            abstract: L("Casos PQRSL: radicar, clasificar, responder y cerrar peticiones, quejas, reclamos, sugerencias y felicitaciones, con sus términos legales, recordatorios y la verificación de satisfacción.",
                        "PQRSL cases: register, classify, answer and close petitions, complaints, claims, suggestions and compliments, with their legal terms, reminders and satisfaction verification."),
            discussion: HelpText.discussion([
                L("Los términos se cuentan en días hábiles colombianos (Ley 1755 de 2015, art. 14): 15 para peticiones, quejas, reclamos y sugerencias; 10 para documentos; 30 para consultas; desde el día siguiente al recibo. Cada paso queda en la historia del caso con quién, cuándo y por qué; lo que no permite la tabla de transiciones se rechaza sin cambiar nada.",
                  "Terms are counted in Colombian business days (Ley 1755 de 2015, art. 14): 15 for petitions, complaints, claims and suggestions; 10 for documents; 30 for consultations; from the day after receipt. Every step goes into the case's history with who, when and why; what the transition table does not allow is refused and nothing changes."),
            ], examples: [
                "sondeo cases open --channel web --type queja --service salud --text \"Esperé dos horas\"",
                "sondeo cases respond CONFA-2026-000001 --channel correo",
                "sondeo cases due",
            ]),
            subcommands: [OpenCaseCommand.self, ShowCaseCommand.self, ListCasesCommand.self, ClassifyCaseCommand.self, TransferCaseCommand.self,
                          SuspendCaseCommand.self, ResumeCaseCommand.self, DesistCaseCommand.self, ExtendCaseCommand.self, RespondCaseCommand.self,
                          UploadSSFCommand.self, CloseCaseCommand.self, DueCasesCommand.self, VerifySampleCommand.self, VerifyCaseCommand.self,
                          CasesReportCommand.self, ImportCasesCommand.self, ExportCasesCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions
}

/// What every `cases` command uses: the store, the calendar, the catalogue and who acts.
struct CaseOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var calendarOptions: CalendarOptions
    @Option(help: ArgumentHelp(L("Catálogo de servicios, atributos, tipos SSF, rutas y ajustes (CSV lista,clave,valor). Por defecto SONDEO_CATALOGO o el de Sondeo.",
                                 "Catalogue of services, attributes, SSF types, routes and settings (CSV lista,clave,valor). SONDEO_CATALOGO or Sondeo's by default."),
                               valueName: L("archivo", "file")))
    var catalog: String?
    @Option(help: ArgumentHelp(L("Quién hace el paso, para la historia (por defecto el usuario del sistema).", "Who takes the step, for the history (the system user by default)."),
                               valueName: L("nombre", "name")))
    var actor: String?

    var who: String { actor ?? storeOptions.actor }

    func desk() throws -> CaseDesk {
        let catalogue = try (catalog ?? ProcessInfo.processInfo.environment["SONDEO_CATALOGO"]).map { path throws(CaseError) in try Catalog(path: path) } ?? .standard
        return CaseDesk(calendar: try calendarOptions.calendar(), catalog: catalogue)
    }

    /// A stored case, or CASE-006 with the closest radicado.
    func load(_ radicado: String, from store: any CaseStore) throws -> PQRSCaseRecord {
        if let found = try store.pqrsCase(radicado) { return found }
        let all = try store.pqrsCases().map(\.radicado)
        throw CaseError.notFound(radicado: radicado, suggestion: Suggestion.closest(to: radicado, among: all))
    }

    /// Runs one step on a case: loads it, applies the rule, saves case and history line together.
    func step(_ radicado: String, _ body: (CaseDesk, PQRSCaseRecord, String) throws -> (PQRSCaseRecord, PQRSEvent)) throws {
        let store = try storeOptions.openCases()
        let desk = try desk()
        let before = try load(radicado, from: store)
        let (after, event) = try body(desk, before, Clock.system.timestamp)
        try store.updateCase(after, expected: before, event: event)
        print(CaseText.summary(after, event: event))
    }
}

/// A yes/no option value (`yes`, `no`, `si`, `sí`).
func parseYesNo(_ text: String, option: String) throws -> Bool {
    switch String(Suggestion.fold(text)) {
    case "yes", "si", "s", "y", "true", "1": return true
    case "no", "n", "false", "0": return false
    default: throw ValidationError(L("\(option) espera yes o no, no «\(text)»", "\(option) expects yes or no, not «\(text)»"))
    }
}

/// How cases read in the terminal.
enum CaseText {
    /// One line after a step: the radicado, the state and what happened.
    static func summary(_ c: PQRSCaseRecord, event: PQRSEvent) -> String {
        "\(c.radicado): \(c.state) — \(event.details)"
    }

    /// DESIGN.md's case JSON.
    static func json(_ c: PQRSCaseRecord, reminder: String?) -> JSONValue {
        func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            ("radicado", .string(c.radicado)), ("type", .string(c.type)), ("channel", .string(c.channel)), ("service", .string(c.service)),
            ("attribute", optional(c.attribute)), ("ssf_type", optional(c.ssfType)), ("subsidy", .bool(c.subsidy)), ("from_ssf", .bool(c.fromSSF)),
            ("received", .string(c.received)), ("deposited", optional(c.deposited)), ("effective_receipt", .string(c.effectiveReceipt)),
            ("term_days", .integer(c.termDays)), ("term_source", .string(c.termSource)), ("deadline", .string(c.deadline)),
            ("original_deadline", .string(c.originalDeadline)), ("maximum_extension", .string(c.maximumExtension)), ("reminder", optional(reminder)),
            ("calendar_version", .string(c.calendarVersion)), ("owner", .string(c.owner)), ("state", .string(c.state)),
            ("response_date", optional(c.responseDate)), ("response_channel", optional(c.responseChannel)), ("ssf_certificate", optional(c.ssfCertificate)),
            ("verification", .string(c.verification)), ("satisfied", c.satisfied.map { .bool($0) } ?? .null), ("closed_on", optional(c.closedOn)),
        ])
    }
}

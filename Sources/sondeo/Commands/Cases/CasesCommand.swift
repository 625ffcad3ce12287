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
                          CasesReportCommand.self, ImportCasesCommand.self, ExportCasesCommand.self, NotifyCasesCommand.self,
                          RouteCaseCommand.self, RouteCallCommand.self, RequestInfoCommand.self, RequestDoneCommand.self, AttachCaseCommand.self, CaseAttachmentCommand.self]
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

    func desk() throws -> CaseDesk { try Self.desk(catalog: catalog, calendar: calendarOptions) }

    /// The desk of a catalogue file (or SONDEO_CATALOGO, or Sondeo's) and a calendar: for `cases` and for `serve`'s desk pages.
    static func desk(catalog: String?, calendar: CalendarOptions) throws -> CaseDesk {
        let catalogue = try (catalog ?? ProcessInfo.processInfo.environment["SONDEO_CATALOGO"]).map { path throws(CaseError) in try Catalog(path: path) } ?? .standard
        return CaseDesk(calendar: try calendar.calendar(), catalog: catalogue)
    }

    /// Runs one step on a case (``CaseDesk/step(_:in:_:)``) and prints what happened.
    func step(_ radicado: String, _ body: (CaseDesk, PQRSCaseRecord, String) throws -> (PQRSCaseRecord, PQRSEvent)) throws {
        let desk = try desk()
        let (after, event) = try desk.step(radicado, in: try storeOptions.openCases()) { try body(desk, $0, $1) }
        print(after.summary(event: event))
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

import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Store
import Table

/// `sondeo cases route RADICADO --owner X --reason "…"`: routing by hand (procedure step 23).
struct RouteCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "route",
                             abstract: L("Asigna un caso a otro responsable que el de la ruta (paso 23, «según la potestad»), con el motivo.",
                                         "Gives a case to another owner than the route's (step 23), with the reason."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Responsable: un servicio del catálogo o secretaria-general.", "Owner: a service of the catalogue or secretaria-general."),
                               valueName: L("responsable", "owner"))) var owner: String
    @Option(help: ArgumentHelp(L("Por qué se asigna así.", "Why it is given so."), valueName: L("motivo", "reason"))) var reason: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try options.step(target.radicado) { desk, c, now in try desk.route(c, to: owner, reason: reason, at: now, actor: options.who) }
    }
}

/// `sondeo cases route-call RADICADO --to apr1`: the verification call given to an aprendiz (step 30).
struct RouteCallCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "route-call",
                             abstract: L("Enruta la llamada de verificación de un caso respondido al aprendiz que la hará (paso 30).",
                                         "Routes an answered case's verification call to the aprendiz who will make it (step 30)."),
                             discussion: HelpText.discussion([], examples: ["sondeo cases route-call CONFA-2026-000123 --to apr1"]))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("Código de quien llama (su cuenta de aprendiz en sondeo serve user).", "Code of who calls (their aprendiz account in sondeo serve user)."),
                               valueName: L("código", "code"))) var to: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try options.step(target.radicado) { desk, c, now in try desk.routeCall(c, to: to, at: now, actor: options.who) }
    }
}

/// `sondeo cases attach RADICADO FILE --kind formato`: a document kept with the case.
struct AttachCaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "attach",
                             abstract: L("Guarda un documento con el caso (formato escaneado, respuesta enviada, certificado de la SSF), con su SHA-256.",
                                         "Keeps a document with the case (scanned form, answer sent, SSF certificate), with its SHA-256."),
                             discussion: HelpText.discussion([
                                 L("El documento queda en el almacén (también en PostgreSQL, para todas las auxiliares) y en la historia del caso; el mismo archivo dos veces se guarda una. «cases show» los lista y «cases attachment» devuelve uno.",
                                   "The document goes into the store (PostgreSQL too, for every auxiliar) and the case's history; the same file twice is kept once. «cases show» lists them and «cases attachment» gives one back."),
                             ], examples: ["sondeo cases attach CONFA-2026-000123 formato_escaneado.pdf --kind formato"]))
    }

    @Argument(help: ArgumentHelp(L("Radicado del caso.", "The case's radicado."), valueName: "radicado")) var radicado: String
    @Argument(help: ArgumentHelp(L("El archivo.", "The file."), valueName: L("archivo", "file"))) var file: String
    @Option(help: ArgumentHelp(L("Qué es: formato, respuesta, certificado u otro.", "What it is: formato, respuesta, certificado or otro."), valueName: L("tipo", "kind")))
    var kind: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CaseError.unreadableFile(path: file) }
        let (record, added) = try options.desk().attach(radicado, kind: kind, name: (file as NSString).lastPathComponent, content: [UInt8](data),
                                                        in: try options.storeOptions.openCases(), actor: options.who)
        print(added ? L("\(record.radicado): guardado «\(record.name)» como \(record.kind) (SHA-256 \(record.sha256)).",
                        "\(record.radicado): kept «\(record.name)» as \(record.kind) (SHA-256 \(record.sha256)).")
                    : L("\(record.radicado): «\(record.name)» ya estaba guardado (SHA-256 \(record.sha256)); no se guardó otra vez.",
                        "\(record.radicado): «\(record.name)» was already kept (SHA-256 \(record.sha256)); not kept again."))
    }
}

/// `sondeo cases attachment RADICADO SHA --out FILE`: a kept document back, checked against its SHA-256.
struct CaseAttachmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "attachment",
                             abstract: L("Devuelve un documento guardado con el caso (por su SHA-256 o el comienzo de él).", "Gives back a document kept with the case (by its SHA-256 or its start)."))
    }

    @Argument(help: ArgumentHelp(L("Radicado del caso.", "The case's radicado."), valueName: "radicado")) var radicado: String
    @Argument(help: ArgumentHelp(L("SHA-256 del documento (o sus primeros caracteres).", "The document's SHA-256 (or its first characters)."), valueName: "sha256")) var sha256: String
    @Option(help: ArgumentHelp(L("Dónde escribirlo, con la extensión del original.", "Where to write it, with the original's extension."), valueName: L("archivo", "file")))
    var out: String
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let (found, bytes) = try CaseDesk.document(radicado, sha256: sha256, from: try options.storeOptions.openCases())
        let wanted = (found.name as NSString).pathExtension.lowercased(), given = (out as NSString).pathExtension.lowercased()
        guard wanted == given else { throw CaseError.otherExtension(name: found.name, out: out) }
        try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        print(L("Escrito \(out) (\(NumberText.count(bytes.count, "byte", "bytes")); SHA-256 comprobado).", "Wrote \(out) (\(bytes.count) bytes; SHA-256 checked)."))
    }
}

/// `sondeo cases request RADICADO --owner X --what "…" [--due DAY]`: information asked of a service.
struct RequestInfoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "request",
                             abstract: L("Pide información a un servicio sobre un caso, con su propia fecha límite (pasos 27–28); «cases due» la muestra cuando vence.",
                                         "Asks a service for information about a case, with its own due day (steps 27–28); «cases due» shows it when due."))
    }

    @OptionGroup var target: CaseTarget
    @Option(help: ArgumentHelp(L("A quién se pide: un servicio o secretaria-general.", "Whom it is asked of: a service or secretaria-general."), valueName: L("responsable", "owner")))
    var owner: String
    @Option(help: ArgumentHelp(L("Qué se pide.", "What is asked."), valueName: L("texto", "text"))) var what: String
    @Option(help: ArgumentHelp(L("Fecha límite (por defecto 5 días hábiles, sin pasar del recordatorio del caso).", "Due day (5 business days by default, not after the case's reminder)."),
                               valueName: L("fecha", "date"))) var due: String?
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let day = try target.day(), limit = try due.map { try parseDate($0, field: "--due") }
        let r = try options.desk().request(target.radicado, to: owner, what: what, on: day, due: limit, in: try options.storeOptions.openCases(), actor: options.who)
        print(L("\(r.radicado): solicitud \(r.id) a \(r.owner), para el \(CivilDate(parsing: r.dueOn)!.withWeekday).",
                "\(r.radicado): request \(r.id) to \(r.owner), due \(CivilDate(parsing: r.dueOn)!.withWeekday)."))
    }
}

/// `sondeo cases request-done RADICADO N`: the service sent what was asked.
struct RequestDoneCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "request-done", abstract: L("Anota que el servicio respondió una solicitud interna.", "Notes that the service answered an internal request."))
    }

    @OptionGroup var target: CaseTarget
    @Argument(help: ArgumentHelp(L("Número de la solicitud en el caso.", "Number of the request in the case."), valueName: "n")) var request: Int
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let r = try options.desk().answerRequest(target.radicado, id: request, on: try target.day(), in: try options.storeOptions.openCases(), actor: options.who)
        print(L("\(r.radicado): solicitud \(r.id) respondida por \(r.owner) el \(r.answeredOn!)", "\(r.radicado): request \(r.id) answered by \(r.owner) on \(r.answeredOn!)")
              + (r.answeredOn! > r.dueOn ? L(", después de su fecha límite (\(r.dueOn)).", ", after its due day (\(r.dueOn)).") : "."))
    }
}

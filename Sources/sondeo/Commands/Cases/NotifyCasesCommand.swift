import ArgumentParser
import Cases
import Diagnostics
import Foundation
import Mail
import Store
import Table

/// `sondeo cases notify --smtp URL --from ADDRESS`: the e-mails due about cases (``CaseNotices``).
struct NotifyCasesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "notify",
            abstract: L("Envía por correo los avisos de los casos: acuse al peticionario, asignación y felicitación al responsable, recordatorios.",
                        "E-mails the cases' notices: acknowledgement to the petitioner, assignment and compliment to the owner, reminders."),
            discussion: HelpText.discussion([
                L("El acuse lleva el radicado y el día del vencimiento (a la dirección de correo que haya en el contacto del peticionario); la asignación va a las personas del responsable (líneas «responsable,servicio,Nombre <correo>» del catálogo), y otra vez si el caso cambia de responsable; la felicitación va al servicio (paso 21); el recordatorio, 2 días hábiles antes del vencimiento, una vez por vencimiento, y queda como hecho en «cases due». Un aviso que el servidor recibió no se repite; uno fallido se intenta en el siguiente envío. El servidor de correo es el de las invitaciones (smtp://usuario@servidor:587, contraseña en SONDEO_SMTP_PASSWORD).",
                  "The acknowledgement carries the radicado and the due day (to the e-mail address in the petitioner's contact); the assignment goes to the owner's people («responsable,service,Name <address>» lines of the catalogue), and again if the case changes owner; the compliment goes to the service (step 21); the reminder, 2 business days before the deadline, once per deadline, and shows as made in «cases due». A notice the server accepted is not repeated; a failed one is tried on the next run. The mail server is the invitations' (smtp://user@server:587, password in SONDEO_SMTP_PASSWORD)."),
            ], examples: [
                "sondeo cases notify --dry-run --catalog catalogo.csv",
                "SONDEO_SMTP_PASSWORD=… sondeo cases notify --smtp smtp://pqrsl@smtp.confa.co:587 --from pqrsl@confa.co --catalog catalogo.csv",
            ])
        )
    }

    @Option(help: ArgumentHelp(L("Día (por defecto hoy; no uno futuro).", "Day (today by default; not a future one)."), valueName: L("fecha", "date"))) var on: String?
    @OptionGroup var mail: CaseMailOptions
    @Flag(help: ArgumentHelp(L("Muestra qué se enviaría y el primer mensaje, sin enviar nada.", "Shows what would be sent and the first message, sending nothing."))) var dryRun = false
    @OptionGroup var options: CaseOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if dryRun { return }
        guard mail.smtp != nil else { throw ValidationError(L("falta --smtp: el servidor de correo (o use --dry-run)", "--smtp is missing: the mail server (or use --dry-run)")) }
        guard mail.from != nil else { throw ValidationError(L("falta --from: el remitente de los correos", "--from is missing: the sender of the e-mails")) }
    }

    func run() throws {
        let today = CivilDate.colombianToday()
        let day = try on.map { try parseDate($0, field: "--on") } ?? today
        guard day <= today else { throw ValidationError(L("--on \(day.iso) es un día futuro: los avisos salen el día que tocan", "--on \(day.iso) is a future day: notices go on their day")) }
        let store = try options.storeOptions.openCases()
        let desk = try options.desk()
        let (notices, without) = CaseNotices.plan(cases: try store.pqrsCases(), sent: try store.notices(), reminders: try store.reminders(),
                                                  catalog: desk.catalog, calendar: desk.calendar, on: day)
        Terminal.error(CaseNotices.said(notices, ownersWithoutAddress: without, catalog: desk.catalog))
        if dryRun || notices.isEmpty {
            if let first = notices.first {
                print(L("Para: ", "To: ") + first.to.joined(separator: ", ") + "\n" + L("Asunto: ", "Subject: ") + first.subject + "\n\n" + first.body)
            }
            return
        }
        let client = try mail.client()!
        let actor = options.who
        let entries = try waitFor { try await CaseNotices.send(notices, client: client, store: store, on: day, actor: actor) }
        let failed = entries.filter { $0.status != "enviado" }, refused = failed.filter { $0.status == "rechazado" }.count
        print(L("\(NumberText.count(entries.count - failed.count, "correo recibido", "correos recibidos")) por el servidor; \(failed.count - refused) fallidos (se intentan otra vez en el próximo envío); \(refused) rechazados (la dirección no existe: no se intentan más).",
                "\(entries.count - failed.count) e-mails accepted by the server; \(failed.count - refused) failed (tried again on the next run); \(refused) refused (the address does not exist: not tried again)."))
        for entry in failed.prefix(20) { Terminal.error("  \(entry.radicado) <\(entry.address)>: \(entry.detail ?? "")") }
        if !failed.isEmpty { throw ExitCode(ExitStatus.ioError.rawValue) }
    }
}

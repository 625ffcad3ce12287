import ArgumentParser
import Diagnostics
import Foundation
import Mail
import SondeoWeb
import Store
import Survey
import Table

/// `sondeo serve invite ID --template invitacion.txt --smtp smtp://…`: invitations and reminders.
struct ServeInviteCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "invite",
            abstract: L("Envía a cada afiliado su enlace personal por correo (invitación o recordatorio), o escribe el archivo de una campaña de WhatsApp/SMS, y lleva el seguimiento por caso.",
                        "Sends each affiliate their personal link by e-mail (invitation or reminder), or writes the file of a WhatsApp/SMS campaign, and tracks each case."),
            discussion: HelpText.discussion([
                L("La plantilla es un archivo de texto: primera línea «Asunto: …», una línea en blanco y el mensaje, con {enlace} y cualquier columna de la muestra ({nombre}, {municipio}…). El servidor de correo se da como smtp://usuario@servidor:587 (con STARTTLS), smtps://usuario@servidor:465 o smtp+plain://servidor:25 (sin cifrar: solo un relevo local); la contraseña va en la variable SONDEO_SMTP_PASSWORD y una autoridad de certificados propia en SONDEO_SMTP_CA. No reciben nada quienes ya respondieron, rechazaron o no son elegibles; una invitación no se repite, y --reminder escribe solo a quienes la recibieron y no han completado. Cada envío queda registrado (recibido por el servidor o fallido, con el motivo); --status muestra el seguimiento: enviados, fallidos, quién abrió el enlace y quién completó.",
                  "The template is a text file: first line «Asunto: …», a blank line and the message, with {enlace} and any column of the sample ({nombre}, {municipio}…). The mail server is given as smtp://user@server:587 (with STARTTLS), smtps://user@server:465 or smtp+plain://server:25 (unencrypted: a local relay only); the password goes in SONDEO_SMTP_PASSWORD and an own certificate authority in SONDEO_SMTP_CA. Nobody who already answered, refused or is not eligible gets anything; an invitation is not repeated, and --reminder writes only to those who got one and have not completed. Each sending is logged (accepted by the server or failed, with the reason); --status shows the follow-up: sent, failed, who opened the link and who completed."),
            ], examples: [
                "SONDEO_SMTP_PASSWORD=… sondeo serve invite satisfaccion_servicios --template invitacion.txt --smtp smtp://encuestas@smtp.confa.co:587 --from encuestas@confa.co --base-url https://encuestas.confa.co",
                "sondeo serve invite satisfaccion_servicios --template recordatorio.txt --reminder --smtp smtp://encuestas@smtp.confa.co:587 --from encuestas@confa.co",
                "sondeo serve invite satisfaccion_servicios --template whatsapp.txt --csv campana_whatsapp.csv",
                "sondeo serve invite satisfaccion_servicios --status --out seguimiento.xlsx",
            ])
        )
    }

    @Argument(help: ArgumentHelp(L("Id del cuestionario publicado.", "Id of the published questionnaire."), valueName: "id")) var questionnaire: String
    @Option(help: ArgumentHelp(L("Plantilla del mensaje.", "Message template."), valueName: L("archivo", "file"))) var template: String?
    @Option(help: ArgumentHelp(L("Servidor de correo (smtp://usuario@servidor:587).", "Mail server (smtp://user@server:587)."), valueName: "url")) var smtp: String?
    @Option(help: ArgumentHelp(L("Remitente.", "Sender address."), valueName: L("correo", "address"))) var from: String?
    @Option(help: ArgumentHelp(L("Nombre del remitente.", "Sender name."), valueName: L("nombre", "name"))) var fromName = "Confa"
    @Option(help: ArgumentHelp(L("En vez de enviar, escribe la campaña de WhatsApp/SMS (id, celular, mensaje).", "Instead of sending, writes the WhatsApp/SMS campaign (id, phone, message)."),
                               valueName: L("archivo", "file"))) var csv: String?
    @Option(help: ArgumentHelp(L("Dirección pública del servidor de la encuesta.", "Public address of the survey server."), valueName: "url")) var baseUrl = "http://127.0.0.1:8080"
    @Option(help: ArgumentHelp(L("Columna de la muestra con el correo (o el celular, con --csv).", "Sample column with the e-mail (or the phone, with --csv)."),
                               valueName: L("columna", "column"))) var field: String?
    @Flag(help: ArgumentHelp(L("Recordatorio: solo a quienes recibieron la invitación y no han completado.", "Reminder: only to those who got the invitation and have not completed.")))
    var reminder = false
    @Flag(help: ArgumentHelp(L("Muestra a quiénes y el primer mensaje, sin enviar nada.", "Shows to whom and the first message, sending nothing."))) var dryRun = false
    @Flag(help: ArgumentHelp(L("Seguimiento por caso: enviados, fallidos, abrieron el enlace, completaron.", "Follow-up per case: sent, failed, opened the link, completed.")))
    var status = false
    @Option(help: ArgumentHelp(L("Con --status, escribe el seguimiento en este archivo (.csv o .xlsx).", "With --status, writes the follow-up to this file (.csv or .xlsx)."),
                               valueName: L("salida", "output"))) var out: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if status { return }
        guard template != nil else { throw ValidationError(L("falta --template (o use --status)", "--template is missing (or use --status)")) }
        guard (smtp != nil) != (csv != nil) else { throw ValidationError(L("use --smtp para enviar o --csv para la campaña de WhatsApp/SMS (uno de los dos)", "use --smtp to send or --csv for a WhatsApp/SMS campaign (one of them)")) }
        if smtp != nil && from == nil { throw ValidationError(L("falta --from: el remitente de los correos", "--from is missing: the sender of the e-mails")) }
        if let csv { try OutputPath.requireTable(csv) }
        if let out { try OutputPath.requireTable(out) }
    }

    func run() throws {
        let store = try storeOptions.openWeb()
        if status {
            let table = try Invitations.followUp(store: store, questionnaire: questionnaire)
            if let out { try DataFile.write(table, to: out) } else { print(table.textTable.rendered()) }
            Terminal.error(Invitations.summary(table))
            return
        }
        let server = try smtp.map { url throws(MailError) in try SMTPServer(url: url, environment: ProcessInfo.processInfo.environment) }
        let plan = try Invitations.plan(store: store, questionnaire: questionnaire, baseURL: baseUrl, reminder: reminder, field: field, phone: csv != nil,
                                        now: Clock.system.timestamp, token: SurveyServer.newToken)
        let text = try InvitationTemplate(file: template!, fields: plan.fields)
        Terminal.error(Invitations.said(plan, reminder: reminder))
        if dryRun || plan.recipients.isEmpty {
            if let first = plan.recipients.first {
                let (subject, body) = text.render(first.values)
                print(L("Para: ", "To: ") + (first.values[plan.field] ?? "") + "\n" + L("Asunto: ", "Subject: ") + subject + "\n\n" + body)
            }
            return
        }
        if let csv {
            try DataFile.write(Invitations.campaign(plan, template: text, phoneField: plan.field), to: csv)
            Terminal.error(L("Escrito \(csv): la campaña para WhatsApp o SMS.", "Wrote \(csv): the WhatsApp or SMS campaign."))
            return
        }
        let client = SMTPClient(server: server!, from: from!, fromName: fromName)
        let (recipients, id, actor, isReminder) = (plan, questionnaire, storeOptions.actor, reminder)
        let entries = try waitFor {
            try await Invitations.send(recipients, template: text, reminder: isReminder, client: client, store: store, questionnaire: id, actor: actor)
        }
        let failed = entries.filter { $0.status == "fallida" }
        print(L("\(NumberText.count(entries.count - failed.count, "correo recibido", "correos recibidos")) por el servidor; \(failed.count) fallidos.",
                "\(entries.count - failed.count) e-mails accepted by the server; \(failed.count) failed."))
        for entry in failed.prefix(20) { Terminal.error("  \(entry.unit) <\(entry.address)>: \(entry.detail ?? "")") }
        if !failed.isEmpty { throw ExitCode(ExitStatus.ioError.rawValue) }
    }
}

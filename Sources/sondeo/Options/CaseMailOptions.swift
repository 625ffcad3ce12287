import ArgumentParser
import Diagnostics
import Foundation
import Mail

/// The mail server the cases' notices go through (`cases notify`, and the desk of `serve run`): the
/// same server as the survey invitations, its password in SONDEO_SMTP_PASSWORD.
struct CaseMailOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("Servidor de correo (smtp://usuario@servidor:587).", "Mail server (smtp://user@server:587)."), valueName: "url")) var smtp: String?
    @Option(help: ArgumentHelp(L("Remitente.", "Sender address."), valueName: L("correo", "address"))) var from: String?
    @Option(help: ArgumentHelp(L("Nombre del remitente.", "Sender name."), valueName: L("nombre", "name"))) var fromName = "Confa PQRSL"

    /// The client, or nil when no server is given; a server without a sender is refused.
    func client() throws -> SMTPClient? {
        guard let smtp else { return nil }
        guard let from else { throw ValidationError(L("falta --from: el remitente de los correos", "--from is missing: the sender of the e-mails")) }
        return SMTPClient(server: try SMTPServer(url: smtp, environment: ProcessInfo.processInfo.environment), from: from, fromName: fromName)
    }
}

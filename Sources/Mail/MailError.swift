import Diagnostics

/// Why mail could not go: the server's URL, its password, the connection, or the server's answer.
public enum MailError: Error, Diagnostic, Equatable {
    case badURL(String)
    case passwordInURL
    case noPassword(String)
    case cannotConnect(host: String, port: Int, reason: String)
    /// The server answered `code text` to `command`.
    case refused(command: String, code: Int, text: String)
    case noStartTLS(host: String)

    /// Whether the server refused the recipient for good (a 5xx reply to RCPT TO, RFC 5321 §4.2.1:
    /// the mailbox does not exist): sending again cannot help.
    public var isPermanentRefusal: Bool {
        if case .refused(let command, let code, _) = self { return command.hasPrefix("RCPT") && (500..<600).contains(code) }
        return false
    }

    public var code: String {
        switch self {
        case .badURL: return "MAIL-001"
        case .passwordInURL: return "MAIL-002"
        case .noPassword: return "MAIL-003"
        case .cannotConnect: return "MAIL-004"
        case .refused: return "MAIL-005"
        case .noStartTLS: return "MAIL-006"
        }
    }
    public var location: SourceLocation? { nil }
    public var exitStatus: ExitStatus {
        switch self {
        case .badURL, .passwordInURL, .noPassword: return .usage
        default: return .ioError
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .badURL(let text):
            return language.pick("«\(text)» no es la dirección de un servidor de correo: use smtp://usuario@servidor:587 (STARTTLS), smtps://usuario@servidor:465 o smtp+plain://servidor:25",
                                 "«\(text)» is not a mail server address: use smtp://user@server:587 (STARTTLS), smtps://user@server:465 or smtp+plain://server:25")
        case .passwordInURL:
            return language.pick("no ponga la contraseña en la dirección (la ven los demás usuarios del equipo): póngala en la variable SONDEO_SMTP_PASSWORD",
                                 "do not put the password in the address (other users of the computer can see it): set SONDEO_SMTP_PASSWORD")
        case .noPassword(let user):
            return language.pick("falta la contraseña de «\(user)»: póngala en la variable de entorno SONDEO_SMTP_PASSWORD",
                                 "the password of «\(user)» is missing: set the environment variable SONDEO_SMTP_PASSWORD")
        case .cannotConnect(let host, let port, let reason):
            return language.pick("no se pudo conectar con el servidor de correo \(host):\(port): \(reason)", "could not connect to the mail server \(host):\(port): \(reason)")
        case .refused(let command, let code, let text):
            return language.pick("el servidor de correo respondió «\(code) \(text)» a \(command)", "the mail server answered «\(code) \(text)» to \(command)")
        case .noStartTLS(let host):
            return language.pick("el servidor \(host) no ofrece STARTTLS: la contraseña viajaría sin cifrar; use smtps:// si ofrece TLS directo",
                                 "the server \(host) does not offer STARTTLS: the password would travel in clear; use smtps:// if it offers direct TLS")
        }
    }
}

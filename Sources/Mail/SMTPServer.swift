import Foundation

/// Where mail goes: an SMTP server given as a URL, `smtp://usuario@servidor:587` (STARTTLS required:
/// the password never travels in clear), `smtps://…:465` (TLS from the first byte) or
/// `smtp+plain://…:25` (no TLS: only for a relay on the same machine or a test). The password comes
/// from the environment (`SONDEO_SMTP_PASSWORD`), never from the URL or the command line, which other
/// users of the computer can see.
public struct SMTPServer: Sendable, Equatable {
    public enum Security: String, Sendable { case startTLS, tls, none }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    /// A PEM file of certificate authorities to trust besides the system's (an internal server's own CA).
    public var trustedCertificates: String?

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, security: Security, trustedCertificates: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.security = security
        self.trustedCertificates = trustedCertificates
    }

    /// Reads `smtp://`, `smtps://` or `smtp+plain://` URLs; the password from `environment`.
    public init(url text: String, environment: [String: String]) throws(MailError) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .badURL(text)
        }
        let security: Security
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .tls
        case "smtp+plain": security = .none
        default: throw .badURL(text)
        }
        if url.password != nil { throw .passwordInURL }
        self.init(host: host, port: url.port ?? (security == .tls ? 465 : 587), username: url.user?.removingPercentEncoding,
                  password: environment["SONDEO_SMTP_PASSWORD"], security: security, trustedCertificates: environment["SONDEO_SMTP_CA"])
        if username != nil && password == nil { throw .noPassword(username!) }
    }
}

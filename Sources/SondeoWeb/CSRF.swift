import Hummingbird

/// Protection against cross-site request forgery: a random cookie per browser (`SameSite=Strict`,
/// `HttpOnly`), and in every form that cookie's HMAC-SHA256 under the server's secret key (kept in the
/// store, so pages rendered before a restart still send). A cookie planted by someone else does not
/// help them: without the key they cannot compute the form's token (OWASP *CSRF Prevention Cheat
/// Sheet*, «Signed double-submit cookie»). The form must also come from this server's pages
/// (``SurveyServer/sameOrigin(_:)``).
struct CSRF: Sendable {
    static let cookieName = "sondeo_csrf"
    let key: [UInt8]
    let transport: SecureTransport

    /// The browser's cookie (or a new one) and the token its forms carry.
    func pair(_ request: Request) -> (cookie: String, field: String) {
        let cookie = transport.value(Self.cookieName, request) ?? SurveyServer.newToken()
        return (cookie, field(cookie))
    }

    /// The form token of a cookie.
    func field(_ cookie: String) -> String {
        Password.hex(Password.HMAC(key: key).mac(Array(cookie.utf8)))
    }

    /// The cookie of a request whose form token is right and which came from this server's pages; nil otherwise.
    func check(_ request: Request, _ fields: [(String, String)]) -> String? {
        guard SurveyServer.sameOrigin(request) else { return nil }
        guard let cookie = transport.value(Self.cookieName, request), let sent = fields.first(where: { $0.0 == "csrf" })?.1,
              !sent.isEmpty, Password.same(Array(field(cookie).utf8), Array(sent.utf8)) else { return nil }
        return cookie
    }

    /// The cookie to set on the answer to `request`.
    func cookie(_ value: String, _ request: Request) -> Cookie { transport.cookie(Self.cookieName, value, request) }
}

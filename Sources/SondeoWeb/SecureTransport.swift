import Hummingbird

/// The web form over HTTPS. Sondeo serves plain HTTP and leaves TLS to a reverse proxy (nginx, Caddy)
/// in front (`serve --behind-proxy`, the way README shows); when the proxy says the browser came by
/// HTTPS (`X-Forwarded-Proto: https`), cookies are `Secure` with the `__Host-` prefix (only this
/// host, path `/`, never set over plain HTTP nor by a subdomain: RFC 6265bis §4.1.3.2) and every
/// answer carries `Strict-Transport-Security`, so the browser never goes back to plain HTTP.
struct SecureTransport: Sendable {
    let behindProxy: Bool

    /// Whether the browser reached the proxy by HTTPS.
    func isHTTPS(_ request: Request) -> Bool {
        behindProxy && request.headers[.init("X-Forwarded-Proto")!]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }

    /// A cookie's name on this request: `__Host-name` over HTTPS.
    func name(_ base: String, _ request: Request) -> String { isHTTPS(request) ? "__Host-" + base : base }

    /// The value of a cookie, under its HTTPS name or its plain one.
    func value(_ base: String, _ request: Request) -> String? {
        (isHTTPS(request) ? request.cookies["__Host-" + base]?.value : nil) ?? request.cookies[base]?.value
    }

    /// A cookie of the form (`HttpOnly`, `SameSite=Strict`, path `/`), `Secure` with `__Host-` over HTTPS;
    /// `maxAge` 0 deletes it.
    func cookie(_ base: String, _ value: String, _ request: Request, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name(base, request), value: value, maxAge: maxAge, path: "/", secure: isHTTPS(request), httpOnly: true, sameSite: .strict)
    }
}

/// Adds `Strict-Transport-Security` (one year) to every answer given over HTTPS.
struct StrictTransport<Context: RequestContext>: RouterMiddleware {
    let transport: SecureTransport

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if transport.isHTTPS(request) { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

import Diagnostics
import Foundation
import Hummingbird
import Store

/// The staff login: a page, and the check of a code and password. An unknown code, a wrong password, a
/// client held back by the throttle and a locked account get the same message after the same work (one
/// key derivation), so that neither the text nor the time tells which staff codes exist or are locked.
/// Failures count per client (``LoginThrottle``), so a stranger's guesses lock out only the stranger.
extension SurveyServer {
    /// Failures on one account from all clients together that lock it (a guess spread over many addresses).
    static let accountLimit = 100

    /// Who is logging in, for the throttle: behind a reverse proxy (`serve --behind-proxy`), the address
    /// the proxy reports as the last `X-Forwarded-For` entry (the one it wrote itself); otherwise the
    /// connection's peer. A client's own `X-Forwarded-For` is ignored when not behind a proxy.
    func client(_ request: Request, _ context: ServerContext) -> String {
        if behindProxy, let forwarded = request.headers[.init("X-Forwarded-For")!],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return last
        }
        return context.peerAddress ?? "?"
    }

    func loginPage(request: Request, problem: String?) -> Response {
        let csrf = self.csrf.pair(request)
        var body = "<header><p class=\"marca\">Confa</p><h1>Ingreso del personal de Confa</h1></header>"
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(FormHTML.esc(problem))</p></div>" }
        body += """
            <form method="post" action="/ingresar">
            <input type="hidden" name="csrf" value="\(FormHTML.esc(csrf.field))">
            <label class="campo" for="codigo">Código</label><input class="texto" id="codigo" name="codigo" autocomplete="username" required>
            <label class="campo" for="clave">Contraseña</label><input class="texto" id="clave" name="clave" type="password" autocomplete="current-password" required>
            <div class="acciones"><button type="submit">Ingresar</button></div>
            </form>
            """
        var response = Self.html(FormHTML.page(title: "Ingreso", body: body), status: problem == nil ? .ok : .unauthorized)
        response.setCookie(self.csrf.cookie(csrf.cookie, request))
        return response
    }

    func login(request: Request, client: String) async throws -> Response {
        let fields = try await Self.fields(request)
        guard csrf.check(request, fields) != nil else {
            return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página de ingreso."), status: .forbidden)
        }
        let code = fields.first { $0.0 == "codigo" }?.1.trimmingCharacters(in: .whitespaces) ?? ""
        let password = fields.first { $0.0 == "clave" }?.1 ?? ""
        let now = clock.now()
        let refused = "Código o contraseña incorrectos. Tras \(LoginThrottle.perAccount) intentos fallidos desde este equipo, el ingreso se bloquea \(Int(LoginThrottle.window / 60)) minutos."
        guard let user = try store.webUser(code), !throttle.refused(account: code, client: client, now: now) else {
            _ = Password.derive(password, salt: Password.randomSalt(), iterations: dummyIterations)
            throttle.failed(account: code, client: client, now: now)
            return loginPage(request: request, problem: refused)
        }
        let derived = Password.derive(password, salt: Password.bytes(user.salt), iterations: user.iterations)
        if let locked = user.lockedUntil, locked > Clock.timestamp(now) {
            return loginPage(request: request, problem: refused)
        }
        guard Password.same(derived, Password.bytes(user.hash)) else {
            throttle.failed(account: code, client: client, now: now)
            try store.loginFailed(code, limit: Self.accountLimit, lockUntil: Clock.timestamp(now.addingTimeInterval(LoginThrottle.window)))
            return loginPage(request: request, problem: refused)
        }
        throttle.succeeded(account: code, client: client)
        let token = Self.newToken()
        try store.openSession(token, code: code, expires: Clock.timestamp(now.addingTimeInterval(Self.sessionHours * 3600)))
        let home = ["supervisor": "/campo", "auxiliar": "/casos", "aprendiz": "/casos/verificar"][user.role] ?? "/encuestador"
        var response = Self.redirect(home)
        response.setCookie(transport.cookie(Self.sessionCookie, token, request))
        return response
    }
}

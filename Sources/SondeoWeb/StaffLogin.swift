import Diagnostics
import Foundation
import Hummingbird
import Store

/// The staff login: a page, and the check of a code and password (lock after failures, same work for unknown codes).
extension SurveyServer {
    func loginPage(request: Request, problem: String?) -> Response {
        let csrf = request.cookies[Self.csrfCookie]?.value ?? Self.newToken()
        var body = "<header><p class=\"marca\">Confa</p><h1>Ingreso de encuestadores y supervisores</h1></header>"
        if let problem { body += "<div class=\"errores\" role=\"alert\"><p>\(FormHTML.esc(problem))</p></div>" }
        body += """
            <form method="post" action="/ingresar">
            <input type="hidden" name="csrf" value="\(FormHTML.esc(csrf))">
            <label class="campo" for="codigo">Código</label><input class="texto" id="codigo" name="codigo" autocomplete="username" required>
            <label class="campo" for="clave">Contraseña</label><input class="texto" id="clave" name="clave" type="password" autocomplete="current-password" required>
            <div class="acciones"><button type="submit">Ingresar</button></div>
            </form>
            """
        var response = Self.html(FormHTML.page(title: "Ingreso", body: body), status: problem == nil ? .ok : .unauthorized)
        response.setCookie(Self.csrfCookie(csrf))
        return response
    }

    func login(request: Request) async throws -> Response {
        let fields = try await Self.fields(request)
        guard Self.checkCSRF(request, fields) != nil else {
            return Self.html(FormHTML.message("Formulario vencido", "Vuelva a abrir la página de ingreso."), status: .forbidden)
        }
        let code = fields.first { $0.0 == "codigo" }?.1.trimmingCharacters(in: .whitespaces) ?? ""
        let password = fields.first { $0.0 == "clave" }?.1 ?? ""
        let now = clock.now()
        let wrong = "Código o contraseña incorrectos."
        guard let user = try store.webUser(code) else {
            // The same work as a real check, so that the time does not tell which codes exist.
            _ = Password.derive(password, salt: Password.randomSalt(), iterations: dummyIterations)
            return loginPage(request: request, problem: wrong)
        }
        if let locked = user.lockedUntil, locked > Clock.timestamp(now) {
            return loginPage(request: request, problem: "Demasiados intentos fallidos: la cuenta queda bloqueada unos minutos. Intente más tarde.")
        }
        let derived = Password.derive(password, salt: Password.bytes(user.salt), iterations: user.iterations)
        guard Password.same(derived, Password.bytes(user.hash)) else {
            try store.loginFailed(code, limit: Self.failureLimit, lockUntil: Clock.timestamp(now.addingTimeInterval(Self.lockMinutes * 60)))
            return loginPage(request: request, problem: wrong)
        }
        let token = Self.newToken()
        try store.openSession(token, code: code, expires: Clock.timestamp(now.addingTimeInterval(Self.sessionHours * 3600)))
        var response = Self.redirect(user.role == "supervisor" ? "/campo" : "/encuestador")
        response.setCookie(Cookie(name: Self.sessionCookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}

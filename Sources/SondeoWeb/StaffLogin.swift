import Diagnostics
import Foundation
import Hummingbird
import Store

/// The staff login: a page, and the check of a code and password. An unknown code, a wrong password and
/// a locked account get the same message after the same work (one key derivation), so that neither
/// the text nor the time tells which staff codes exist or are locked.
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
        let refused = "Código o contraseña incorrectos. Tras \(Self.failureLimit) intentos fallidos la cuenta se bloquea \(Int(Self.lockMinutes)) minutos."
        guard let user = try store.webUser(code) else {
            _ = Password.derive(password, salt: Password.randomSalt(), iterations: dummyIterations)
            return loginPage(request: request, problem: refused)
        }
        let derived = Password.derive(password, salt: Password.bytes(user.salt), iterations: user.iterations)
        if let locked = user.lockedUntil, locked > Clock.timestamp(now) {
            return loginPage(request: request, problem: refused)
        }
        guard Password.same(derived, Password.bytes(user.hash)) else {
            try store.loginFailed(code, limit: Self.failureLimit, lockUntil: Clock.timestamp(now.addingTimeInterval(Self.lockMinutes * 60)))
            return loginPage(request: request, problem: refused)
        }
        let token = Self.newToken()
        try store.openSession(token, code: code, expires: Clock.timestamp(now.addingTimeInterval(Self.sessionHours * 3600)))
        var response = Self.redirect(user.role == "supervisor" ? "/campo" : "/encuestador")
        response.setCookie(Cookie(name: Self.sessionCookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}

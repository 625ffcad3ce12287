import Diagnostics
import Foundation
import Hummingbird
import Store

/// What a person sees when the store cannot take or give their answers (a full disk, the database
/// down): a Spanish page that says nothing was lost and to try again, with status 503 and
/// `Retry-After`, instead of an empty 500; and one line for the operator on standard error, naming
/// the route (never the link, which is a secret) and the store's reason.
struct FailurePage<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            throw error
        } catch {
            let route = request.uri.path.hasPrefix("/r/") ? "/r/…" : request.uri.path.hasPrefix("/e/") ? "/e/…" : request.uri.path
            let reason = (error as? any Diagnostic).map { $0.message(.es) } ?? String(describing: error)
            FileHandle.standardError.write(Data("sondeo serve: \(request.method.rawValue) \(route): no se pudo leer o guardar en el almacén: \(reason)\n".utf8))
            var response = SurveyServer.html(FormHTML.message("No se pudo guardar",
                "No pudimos guardar ni mostrar esta página en este momento. Lo que ya había enviado está guardado. Intente de nuevo en unos minutos con el mismo enlace."),
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "60"
            return response
        }
    }
}

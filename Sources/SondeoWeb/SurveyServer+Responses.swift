import Hummingbird

/// The HTTP responses every page sends: strict headers, no caching, and the page's address (a link holds a
/// personal token) sent as referrer to this server only (`same-origin`), so that a form sent from our own
/// pages carries its real `Origin` (with `no-referrer`, browsers send `Origin: null`).
extension SurveyServer {
    static func headers(_ type: String) -> HTTPFields {
        [.contentType: type, .cacheControl: "no-store", .init("Content-Security-Policy")!: "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
         .init("X-Content-Type-Options")!: "nosniff", .init("Referrer-Policy")!: "same-origin"]
    }

    static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: headers("text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600", .init("X-Content-Type-Options")!: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func notFound() -> Response {
        html(FormHTML.message("Enlace no válido", "Este enlace no corresponde a ninguna encuesta. Revise que esté completo, tal como le llegó."), status: .notFound)
    }
}

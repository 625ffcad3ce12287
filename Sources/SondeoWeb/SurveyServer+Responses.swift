import Foundation
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

    /// A printable document of our own making (the monthly PQRSL report): its stylesheet is inline, so
    /// inline styles are allowed; still no script, no outside resource, no framing.
    static func document(_ text: String) -> Response {
        var fields = headers("text/html; charset=utf-8")
        fields[.init("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file given back as a download under its own name (never shown in the page: a stored document is
    /// not trusted as HTML).
    static func download(_ bytes: [UInt8], name: String) -> Response {
        let types = ["pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "tif": "image/tiff", "tiff": "image/tiff",
                     "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
                     "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        var fields = headers(types[ext] ?? "application/octet-stream")
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        fields[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
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

import Diagnostics
import Foundation

/// The text of an invitation, written by the profesional in a plain file: a first line «Asunto: …», a
/// blank line, then the message. `{enlace}` is the affiliate's personal link; `{id_afiliado}` and any
/// column of the sample's contact data (`{nombre}`, `{municipio}`…) are filled in per affiliate.
public struct InvitationTemplate: Sendable, Equatable {
    public let subject: String
    public let body: String

    /// Why a template was refused, with the file and line.
    public enum Problem: Diagnostic, Equatable {
        case unreadable(file: String)
        case noSubject(file: String)
        case noLink(file: String)
        case unknownField(file: String, line: Int, name: String, known: [String])

        public var code: String {
            switch self {
            case .unreadable: return "INV-000"
            case .noSubject: return "INV-001"
            case .noLink: return "INV-002"
            case .unknownField: return "INV-003"
            }
        }
        public var location: SourceLocation? {
            switch self {
            case .unreadable(let file): return SourceLocation(source: file)
            case .noSubject(let file), .noLink(let file): return SourceLocation(source: file, line: 1)
            case .unknownField(let file, let line, _, _): return SourceLocation(source: file, line: line)
            }
        }
        public var exitStatus: ExitStatus { .dataError }

        public func message(_ language: Language) -> String {
            switch self {
            case .unreadable:
                return language.pick("no se pudo leer la plantilla", "the template could not be read")
            case .noSubject:
                return language.pick("la primera línea debe ser «Asunto: …»", "the first line must be «Asunto: …»")
            case .noLink:
                return language.pick("el mensaje no tiene {enlace}: sin él el afiliado no puede responder", "the message has no {enlace}: without it the affiliate cannot answer")
            case .unknownField(_, _, let name, let known):
                let hint = Suggestion.closest(to: name, among: known).map { language.pick("; ¿quiso decir {\($0)}?", "; did you mean {\($0)}?") } ?? ""
                return language.pick("{\(name)} no es un dato de la muestra (hay: \(known.map { "{\($0)}" }.joined(separator: ", ")))\(hint)",
                                     "{\(name)} is not a field of the sample (there are: \(known.map { "{\($0)}" }.joined(separator: ", ")))\(hint)")
            }
        }
    }

    /// Reads a template file (UTF-8, or Windows-1252 as Notepad saves it).
    public init(file path: String, fields: [String]) throws(Problem) {
        guard let (text, _) = TextLines.read(path) else { throw .unreadable(file: path) }
        try self.init(text: text, file: path, fields: fields)
    }

    /// Reads a template; `fields` are the names it may use besides `enlace`.
    public init(text: String, file: String, fields: [String]) throws(Problem) {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        guard let first = lines.first, String(Suggestion.fold(first)).hasPrefix("asunto:") else { throw .noSubject(file: file) }
        subject = String(first.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
        let rest = lines.dropFirst().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        body = rest.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        let known = ["enlace"] + fields
        for (index, line) in lines.enumerated() {
            for name in Self.placeholders(line) where !known.contains(name) {
                throw .unknownField(file: file, line: index + 1, name: name, known: known)
            }
        }
        guard Self.placeholders(body).contains("enlace") else { throw .noLink(file: file) }
    }

    /// The `{name}` placeholders of a text.
    static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Subject and body for one affiliate (a field it lacks reads as nothing).
    public func render(_ values: [String: String]) -> (subject: String, body: String) {
        func fill(_ text: String) -> String {
            var result = text
            for name in Self.placeholders(text) { result = result.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "") }
            return result
        }
        return (fill(subject), fill(body))
    }
}

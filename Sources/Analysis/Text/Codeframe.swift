import Diagnostics
import Foundation
import Table

/// A codeframe for open answers: themes, each with the words, phrases or patterns that mark it, read
/// from a CSV with the columns `tema,patron` (several lines may add to one theme):
///
///     tema,patron
///     Tiempo de espera,espera|demora|tard*|vuelva mañana
///     Trato del personal,grosero|amable*|/mal(a)? atenci[oó]n/
///
/// Alternatives are separated by `|`; a word or phrase matches whole words, case- and
/// accent-insensitively (`tard*` any word starting «tard»); `/…/` is a regular expression applied to
/// the comment lower-cased and without accents. A comment may fall in several themes or in none.
public struct Codeframe: Sendable {
    public let themes: [String]
    let patterns: [NSRegularExpression]

    public init(table: Table, path: String) throws(CodeframeError) {
        guard let theme = table["tema"] ?? table["theme"], let pattern = table["patron"] ?? table["patrón"] ?? table["pattern"] else {
            throw .missingColumns(file: path)
        }
        var order: [String] = [], alternatives: [String: [String]] = [:]
        for row in 0..<table.rowCount {
            let line = table.line(ofRow: row)
            guard let name = theme.text(at: row)?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { throw .empty(file: path, line: line, field: "tema") }
            guard let text = pattern.text(at: row), !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty(file: path, line: line, field: "patron") }
            for part in text.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                let expression: String
                if part.count > 2 && part.hasPrefix("/") && part.hasSuffix("/") {
                    expression = Codeframe.fold(String(part.dropFirst().dropLast()))
                    guard (try? NSRegularExpression(pattern: expression)) != nil else { throw .badPattern(file: path, line: line, pattern: part) }
                } else {
                    let words = Codeframe.fold(part).split(separator: " ").map { word -> String in
                        word.hasSuffix("*") ? NSRegularExpression.escapedPattern(for: String(word.dropLast())) + "[\\p{L}\\p{N}]*"
                                            : NSRegularExpression.escapedPattern(for: String(word))
                    }
                    expression = "(?<![\\p{L}\\p{N}])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}])"
                }
                if alternatives[name] == nil { order.append(name) }
                alternatives[name, default: []].append(expression)
            }
        }
        themes = order
        patterns = order.map { try! NSRegularExpression(pattern: alternatives[$0]!.map { "(?:\($0))" }.joined(separator: "|")) }
    }

    /// Lower case without accents: «Información» and «informacion» read the same.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "es_CO")).lowercased()
    }

    /// The themes (indices into ``themes``) a comment mentions.
    public func themes(of comment: String) -> [Int] {
        let folded = Codeframe.fold(comment)
        let range = NSRange(folded.startIndex..., in: folded)
        return patterns.indices.filter { patterns[$0].firstMatch(in: folded, range: range) != nil }
    }
}

/// Why a codeframe file cannot be read, located at its line.
public enum CodeframeError: Diagnostic, Equatable {
    case missingColumns(file: String)
    case empty(file: String, line: Int, field: String)
    case badPattern(file: String, line: Int, pattern: String)

    public var code: String {
        switch self {
        case .missingColumns: return "THEMES-001"
        case .empty: return "THEMES-002"
        case .badPattern: return "THEMES-003"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .missingColumns(let file): return SourceLocation(source: file, line: 1)
        case .empty(let file, let line, let field): return SourceLocation(source: file, line: line, field: field)
        case .badPattern(let file, let line, _): return SourceLocation(source: file, line: line, field: "patron")
        }
    }

    public var exitStatus: ExitStatus { .dataError }

    public func message(_ language: Language) -> String {
        let es = language == .es
        switch self {
        case .missingColumns:
            return es ? "el archivo de temas debe tener las columnas tema y patron" : "the themes file must have the columns tema and patron"
        case .empty(_, _, let field):
            return es ? "falta el valor de «\(field)»" : "«\(field)» is empty"
        case .badPattern(_, _, let pattern):
            return es ? "«\(pattern)» no es una expresión regular válida" : "«\(pattern)» is not a valid regular expression"
        }
    }
}

/// Renders a diagnostic the way compilers do, so that a person sees what, where and why:
///
/// ```
/// error[CSV-004]: «3,5x» no es un número (columna ingreso)
///  --> afiliados.csv:118:7
/// ```
///
/// When the diagnostic carries an excerpt (an expression, a source line) the location is followed by
/// the excerpt and a caret under the offending characters.
public enum DiagnosticRenderer {
    /// The most characters of a source line shown under a message.
    static let excerptLimit = 120

    public static func render(_ diagnostic: any Diagnostic, language: Language,
                              severity: Severity = .error) -> String {
        var lines = ["\(severity.word(language))[\(diagnostic.code)]: \(diagnostic.message(language))"]
        if let location = diagnostic.location {
            lines.append(" --> \(location)")
            if let excerpt = diagnostic.excerpt {
                let number = String(location.line ?? 1)
                let gutter = String(repeating: " ", count: number.count)
                var column = max(1, location.column ?? 1)
                var text = excerpt.text, width = max(1, excerpt.width)
                // A very long line (a condition of thousands of terms) is shown around the column only, so
                // that a message stays a few lines and not megabytes.
                if text.count > Self.excerptLimit {
                    let characters = Array(text)
                    let start = max(0, min(column - 1 - 40, characters.count - Self.excerptLimit))
                    let end = min(characters.count, start + Self.excerptLimit)
                    text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
                    column = column - start + (start > 0 ? 1 : 0)
                    width = min(width, Self.excerptLimit - (column - 1))
                }
                lines.append("\(gutter) |")
                lines.append("\(number) | \(text)")
                let pad = String(repeating: " ", count: max(0, column - 1))
                lines.append("\(gutter) | \(pad)\(String(repeating: "^", count: max(1, width)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// How serious a rendered message is.
    public enum Severity: Sendable {
        case error, warning, note

        func word(_ language: Language) -> String {
            switch self {
            case .error: return "error"
            case .warning: return language.pick("aviso", "warning")
            case .note: return language.pick("nota", "note")
            }
        }
    }
}

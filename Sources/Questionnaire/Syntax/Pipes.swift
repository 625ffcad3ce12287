/// Answers piped into a question's text: `{id}`, `{id.codigo}` and system values such as `{_encuestador}`.
extension QuestionnaireFile {
    /// The `{id}` and `{id.codigo}` references piped into a text, with their column in the text.
    static func pipes(in text: String) -> [(name: String, offset: Int)] {
        var result: [(String, Int)] = []
        scanPipes(text) { name, offset in result.append((name, offset)); return nil }
        return result
    }

    /// The text with each `{id}` or `{id.codigo}` replaced by `transform(id)`: how every renderer
    /// shows a piped answer (`${id}` in XLSForm, «id» on paper, a highlight in HTML).
    public static func replacingPipes(in text: String, _ transform: (String) -> String) -> String {
        scanPipes(text) { name, _ in transform(name) }
    }

    /// What a system value piped into a text stands for, for a person reading the script.
    public static func systemValueLabel(_ name: String) -> String {
        switch name {
        case "_encuestador": return "nombre del encuestador"
        case "_modo": return "modo"
        case "_radicado": return "número de radicado"
        default: return String(name.dropFirst())
        }
    }

    /// Walks the `{…}` references of a text; `replacement` returns what to put in place of each
    /// (nil keeps it as written). Returns the rewritten text.
    @discardableResult
    private static func scanPipes(_ text: String, _ replacement: (String, Int) -> String?) -> String {
        var result = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let close = chars[(i + 1)...].firstIndex(of: "}") {
                let inner = String(chars[(i + 1)..<close])
                result += replacement(String(inner.split(separator: ".").first ?? ""), i) ?? String(chars[i...close])
                i = close + 1
            } else {
                result.append(chars[i])
                i += 1
            }
        }
        return result
    }
}

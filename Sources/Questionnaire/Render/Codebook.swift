/// The codebook of a questionnaire: every variable with its label, type, value labels and the NS/NR
/// codes declared as user-missing; and the same labels as SPSS and Stata syntax.
public enum Codebook {
    public static func markdown(_ q: QuestionnaireFile) -> String {
        var lines = ["# Libro de códigos: \(q.title ?? q.id ?? "")", "", "Versión \(q.version ?? "—").", "",
                     "| variable | etiqueta | tipo | valores | faltantes |", "|---|---|---|---|---|"]
        for v in Variables.of(q) {
            let values = v.values.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
            let kind: String
            switch v.kind {
            case .numeric: kind = "numérica"
            case .text: kind = "texto"
            case .date: kind = "fecha"
            case .dummy: kind = "0/1"
            }
            lines.append("| \(v.name) | \(v.label.replacingOccurrences(of: "|", with: "/")) | \(kind) | \(values) | \(v.missing.map(String.init).joined(separator: ", ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// SPSS syntax: VARIABLE LABELS, VALUE LABELS and MISSING VALUES.
    public static func spss(_ q: QuestionnaireFile) -> String {
        let variables = Variables.of(q)
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        var lines = ["* Etiquetas de \(q.id ?? "") versión \(q.version ?? "") (generado por sondeo).", "VARIABLE LABELS"]
        lines += variables.enumerated().map { i, v in "  \(v.name) \(quote(String(v.label.prefix(250))))" + (i == variables.count - 1 ? "." : "") }
        for v in variables where !v.values.isEmpty {
            lines.append("VALUE LABELS \(v.name)")
            lines += v.values.enumerated().map { i, value in "  \(value.code) \(quote(String(value.label.prefix(120))))" + (i == v.values.count - 1 ? "." : "") }
        }
        for v in variables where !v.missing.isEmpty {
            lines.append("MISSING VALUES \(v.name) (\(v.missing.map(String.init).joined(separator: ", "))).")
        }
        return lines.joined(separator: "\n") + "\nEXECUTE.\n"
    }

    /// Stata syntax: label variable, label define, label values; NS/NR recoded to extended missing
    /// values (.a, .b).
    public static func stata(_ q: QuestionnaireFile) -> String {
        func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "'") + "\"" }
        var lines = ["* Etiquetas de \(q.id ?? "") versión \(q.version ?? "") (generado por sondeo)."]
        let extended = Dictionary(q.specials.enumerated().map { ($1.code, "." + String(UnicodeScalar(UInt8(97 + min($0, 25))))) }, uniquingKeysWith: { a, _ in a })
        for v in Variables.of(q) {
            lines.append("label variable \(v.name) \(quote(String(v.label.prefix(80))))")
            if !v.values.isEmpty {
                let regular = v.values.filter { !v.missing.contains($0.code) }
                lines.append("label define \(v.name)_lbl " + regular.map { "\($0.code) \(quote($0.label))" }.joined(separator: " ")
                             + v.values.filter { v.missing.contains($0.code) }.map { " \(extended[$0.code] ?? ".") \(quote($0.label))" }.joined() + ", replace")
                lines.append("label values \(v.name) \(v.name)_lbl")
            }
            for code in v.missing { lines.append("replace \(v.name) = \(extended[code] ?? ".") if \(v.name) == \(code)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The codebook of a questionnaire: every variable with its label, type, value labels and the NS/NR
/// codes declared as user-missing. (The same labels as SPSS and Stata syntax: `StatisticsSyntax`, from
/// `ResponseLabels`.)
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
}

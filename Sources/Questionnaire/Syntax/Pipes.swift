/// Answers piped into a question's text: `{id}`, `{id.codigo}`, system values such as `{_encuestador}`,
/// and `{id|texto}`: what reads instead when the answer is missing or NS/NR («…con el servicio de
/// {servicio|Confa}?»).
extension QuestionnaireFile {
    /// The references piped into a text, with their column in the text and their alternative text.
    static func pipes(in text: String) -> [(name: String, offset: Int, fallback: String?)] {
        var result: [(String, Int, String?)] = []
        scanPipes(text) { name, fallback, offset in result.append((name, offset, fallback)); return nil }
        return result
    }

    /// The text with each `{id}` or `{id.codigo}` replaced by `transform(id)`: how every renderer
    /// shows a piped answer (`${id}` in XLSForm, «id» on paper, a highlight in HTML).
    public static func replacingPipes(in text: String, _ transform: (String) -> String) -> String {
        scanPipes(text) { name, _, _ in transform(name) }
    }

    /// The same, with each reference's alternative text (`{id|texto}`), nil when it has none.
    public static func replacingPipes(in text: String, withFallback transform: (String, String?) -> String) -> String {
        scanPipes(text) { name, fallback, _ in transform(name, fallback) }
    }

    /// A text as the respondent reads it, every answer piped in (``pipedText(_:_:system:fallback:number:)``):
    /// the one rendering of the phone interview, the web form, its review page and a rehearsal.
    public func piped(_ text: String, _ responses: Responses, system: [String: String] = [:], number: (Double) -> String) -> String {
        Self.replacingPipes(in: text) { name, fallback in pipedText(name, responses, system: system, fallback: fallback, number: number) }
    }

    /// How an earlier answer reads inside a text: the label of its code, else its value (numbers as
    /// `number` writes them); when unanswered or answered NS/NR, the reference's alternative text, else «—»,
    /// so that a question never reads «…el servicio de No sabe?» (DSL-072 asks for the alternative). The same in
    /// the terminal interview and the web form. A system value (`_encuestador`) reads as `system` gives it;
    /// a `calcular` item as its value.
    public func pipedText(_ name: String, _ responses: Responses, system: [String: String] = [:], fallback: String? = nil, number: (Double) -> String) -> String {
        if let value = system[name] { return value }
        let missing = fallback ?? "—"
        // A calculated value is worked out from the answers, as every condition sees it.
        if responses[name] == nil, let item = item(name), case .calculated = item.type {
            switch Evaluator(self, mode: .web).evaluate(.reference(name, item.position), responses) {
            case .number(let x): return number(x)
            case .text(let s): return s
            default: return missing
            }
        }
        guard let answer = responses[name] else { return missing }
        switch answer {
        case .number(let x):
            if let item = item(name), case .single(let l) = item.type,
               let option = list(l)?.options.first(where: { Double($0.code) == x }) { return option.label }
            return number(x)
        case .text(let s): return s
        case .codes(let c): return c.sorted().map(String.init).joined(separator: ", ")
        case .special: return missing
        }
    }

    /// What a system value piped into a text stands for, for a person reading the script.
    /// The system values a text may pipe: who interviews, how, and the PQRSL case.
    public static let systemValues = ["_encuestador", "_modo", "_radicado"]

    /// `{_muestra.nombre}`: a column of the sample file loaded for the questionnaire (name, municipality…),
    /// as the case has it.
    public static let samplePrefix = "_muestra."

    /// Whether a piped name is a system value the interview fills in.
    public static func isSystemValue(_ name: String) -> Bool {
        systemValues.contains(name) || (name.hasPrefix(samplePrefix) && name.count > samplePrefix.count)
    }

    public static func systemValueLabel(_ name: String) -> String {
        switch name {
        case "_encuestador": return "nombre del encuestador"
        case "_modo": return "modo"
        case "_radicado": return "número de radicado"
        default: return name.hasPrefix(samplePrefix) ? "dato de la muestra: " + name.dropFirst(samplePrefix.count) : String(name.dropFirst())
        }
    }

    /// Walks the `{…}` references of a text; `replacement` returns what to put in place of each
    /// (nil keeps it as written). Returns the rewritten text.
    @discardableResult
    private static func scanPipes(_ text: String, _ replacement: (String, String?, Int) -> String?) -> String {
        var result = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "{", let close = chars[(i + 1)...].firstIndex(of: "}") {
                let inner = String(chars[(i + 1)..<close])
                let bar = inner.firstIndex(of: "|")
                let reference = bar.map { String(inner[..<$0]) } ?? inner
                let fallback = bar.map { String(inner[inner.index(after: $0)...]) }
                // `{id.codigo}` names the question; `{_muestra.campo}` is a sample field, named whole.
                let trimmed = reference.trimmingCharacters(in: .whitespaces)
                let name = trimmed.hasPrefix(Self.samplePrefix) ? trimmed : String(trimmed.split(separator: ".").first ?? "")
                result += replacement(name, fallback, i) ?? String(chars[i...close])
                i = close + 1
            } else {
                result.append(chars[i])
                i += 1
            }
        }
        return result
    }
}

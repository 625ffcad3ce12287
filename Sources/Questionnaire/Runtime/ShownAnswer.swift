import Diagnostics

extension QuestionnaireFile {
    /// A stored answer as a person reads it back: the option's label (with its code for the
    /// encuestador, `codes`), «Sí»/«No», the number, the text in quotes, NS/NR by their label. The
    /// terminal's «Respuesta guardada» and the web form's review page both show answers this way.
    public func shownAnswer(_ answer: Answer, item: Item, codes: Bool) -> String {
        let options: [AnswerList.Option] = {
            switch item.type {
            case .single(let l), .multiple(let l), .grid(let l): return list(l)?.options ?? []
            default: return []
            }
        }()
        func option(_ code: Int, _ label: String) -> String { codes ? "\(code) \(label)" : label }
        switch answer {
        case .number(let x):
            if case .yesNo = item.type { return x == 1 ? option(1, L("Sí", "Yes")) : option(2, "No") }
            if let o = options.first(where: { Double($0.code) == x }) { return option(o.code, o.label) }
            return NumberText.exact(x)
        case .text(let s): return "«\(s)»"
        case .codes(let c):
            return c.sorted().map { code in options.first { $0.code == code }.map { option($0.code, $0.label) } ?? String(code) }.joined(separator: ", ")
        case .special(let name):
            guard let special = specials.first(where: { $0.name == name }) else { return name }
            return codes ? "\(special.name.lowercased()) (\(special.label))" : special.label
        }
    }
}

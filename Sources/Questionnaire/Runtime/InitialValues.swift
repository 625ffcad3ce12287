/// `inicial "…"`: the answer a question offers before it is answered — a sample column
/// (`inicial "{_muestra.celular}"`), an earlier answer or a fixed value — read as the question's type.
/// The web form shows it filled in and the phone interview offers it («Enter lo acepta»); it is stored
/// only when the page is sent or the interviewer accepts it, like any answer.
extension QuestionnaireFile {
    /// The initial answer of an unanswered item, or nil (no `inicial`, already answered, or its text is
    /// empty or not a value of the item's type once piped).
    public func initialAnswer(_ item: Item, _ responses: Responses, system: [String: String]) -> Answer? {
        guard let initial = item.initial, responses[item.id] == nil else { return nil }
        let text = Self.replacingPipes(in: initial) { name, fallback in
            if let value = system[name] { return value }
            guard responses[name] != nil || fallback != nil else { return "" }
            return pipedText(name, responses, system: system, fallback: fallback) { PlainNumber.text($0) }
        }
        // A choice question takes the option's code, or its label as written in the sample.
        if case .single(let l) = item.type, let option = list(l)?.options.first(where: { $0.label.lowercased() == text.lowercased() }) {
            return .number(Double(option.code))
        }
        if case .answer(let answer) = answer(typed: text, for: item) { return answer }
        return nil
    }

    /// The answers with the initial values of `items` (indices) that have none yet, for showing a page.
    public func withInitialValues(_ responses: Responses, items: [Int], system: [String: String]) -> Responses {
        var shown = responses
        for index in items {
            let item = self.items[index]
            if let value = initialAnswer(item, responses, system: system) { shown[item.id] = value }
        }
        return shown
    }
}

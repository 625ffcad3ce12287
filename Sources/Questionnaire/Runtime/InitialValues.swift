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

extension QuestionnaireFile {
    /// The questionnaire as read in a language of `idiomas`: every text, option, grid row, section title,
    /// help and special label replaced by its translation where it has one (the first language's text
    /// where not). Routing, checks and variables are the same: only what a person reads changes, so
    /// every channel can show a translated questionnaire with its usual rendering.
    public func translated(to language: String) -> QuestionnaireFile {
        guard languages.dropFirst().contains(language) else { return self }
        var copy = self
        if let title = titleTranslations[language] { copy.title = title }
        for i in copy.items.indices {
            copy.items[i].validations = copy.items[i].validations.map { rule in
                var r = rule
                if let message = rule.translations[language] { r.message = message }
                return r
            }
            copy.items[i].warnings = copy.items[i].warnings.map { rule in
                var r = rule
                if let message = rule.translations[language] { r.message = message }
                return r
            }
            if let ends = copy.items[i].scaleLabelTranslations[language], case .scale(let low, let high, _, _) = copy.items[i].type {
                copy.items[i].type = .scale(low: low, high: high, lowLabel: ends.low, highLabel: ends.high)
            }
            // A mode's own translation, else the question's, else the text as written.
            let general = copy.items[i].translations[language], byMode = copy.items[i].modeTranslations[language] ?? [:]
            copy.items[i].texts = copy.items[i].texts.map { text in
                (text.mode, text.mode.flatMap { byMode[$0] } ?? general ?? text.text, text.position)
            }
            if let help = copy.items[i].helpTranslations[language] { copy.items[i].help = help }
            copy.items[i].rows = copy.items[i].rows.map { row in
                var r = row
                if let text = row.translations[language] { r.text = text }
                return r
            }
        }
        for l in copy.lists.indices {
            copy.lists[l].options = copy.lists[l].options.map { option in
                var o = option
                if let label = option.translations[language] { o.label = label }
                return o
            }
        }
        for s in copy.sections.indices { if let title = copy.sections[s].translations[language] { copy.sections[s].title = title } }
        for s in copy.specials.indices { if let label = copy.specials[s].translations[language] { copy.specials[s].label = label } }
        return copy
    }
}

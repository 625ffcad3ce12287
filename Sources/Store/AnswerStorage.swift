import Questionnaire

extension Responses {
    /// The answers of a stored interview, read back with the questionnaire that says which variables
    /// are `varias de` (their codes are kept as text).
    public init(stored answers: [StoredAnswer], of questionnaire: QuestionnaireFile) {
        let multiple = Set(questionnaire.items.compactMap { item -> String? in if case .multiple = item.type { return item.id } else { return nil } })
        self.init(Dictionary(answers.map { ($0.variable, $0.answer(multiple: multiple.contains($0.variable))) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// How an ``Answer`` of the questionnaire runtime is kept in the store, and back.
extension StoredAnswer {
    public init(variable: String, answer: Answer) {
        switch answer {
        case .number(let x): self.init(variable: variable, number: x)
        case .text(let s): self.init(variable: variable, text: s)
        case .codes(let codes): self.init(variable: variable, text: codes.sorted().map(String.init).joined(separator: " "))
        case .special(let name): self.init(variable: variable, status: name)
        }
    }

    /// The codes of a `varias de` as the store keeps them, «2 7».
    static func codes(_ text: String) -> Set<Int> { Set(text.split(separator: " ").compactMap { Int($0) }) }

    /// The answer; `multiple` says whether the variable is a `varias de` (codes kept as text).
    public func answer(multiple: Bool) -> Answer {
        if status != "answered" { return .special(status) }
        if multiple { return .codes(Self.codes(text ?? "")) }
        if let number { return .number(number) }
        return .text(text ?? "")
    }
}

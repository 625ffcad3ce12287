import Questionnaire

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

    /// The answer; `multiple` says whether the variable is a `varias de` (codes kept as text).
    public func answer(multiple: Bool) -> Answer {
        if status != "answered" { return .special(status) }
        if multiple { return .codes(Set((text ?? "").split(separator: " ").compactMap { Int($0) })) }
        if let number { return .number(number) }
        return .text(text ?? "")
    }
}

import Diagnostics

extension Item {
    /// What a person is told about the answer a question expects, the same on every channel (the
    /// terminal interview under the question, the web form under its input): «Número de 1 a 90»,
    /// «Número desde 0», «Número hasta 10», «Marque hasta 3». Nil when the question's options say it all.
    public var answerHint: String? {
        switch type {
        case .integer(let low, let high), .decimal(let low, let high):
            let noun = L("Número", "Number")
            switch (low, high) {
            case let (low?, high?): return L("\(noun) de \(NumberText.exact(low)) a \(NumberText.exact(high))", "\(noun) from \(NumberText.exact(low)) to \(NumberText.exact(high))")
            case let (low?, nil): return L("\(noun) desde \(NumberText.exact(low))", "\(noun) from \(NumberText.exact(low))")
            case let (nil, high?): return L("\(noun) hasta \(NumberText.exact(high))", "\(noun) up to \(NumberText.exact(high))")
            case (nil, nil): return nil
            }
        case .multiple:
            return maximum.map { L("Marque hasta \($0)", "Tick up to \($0)") } ?? L("Puede marcar varias", "You may tick several")
        default:
            return nil
        }
    }

    /// The keyboard a phone should open for a numeric answer: digits only for a whole number that
    /// cannot be negative, digits with a decimal separator otherwise (HTML `inputmode`).
    public var numericKeyboard: String? {
        switch type {
        case .integer(let low, _): return (low ?? -1) >= 0 ? "numeric" : "decimal"
        case .decimal: return "decimal"
        default: return nil
        }
    }

    /// How a text answer is typed. A text checked against a pattern (`validar coincide(t, "…")`) is a
    /// short value on one line — a mobile number, an e-mail, a cédula — not a paragraph; its keyboard is
    /// digits when the pattern takes only digits, an e-mail keyboard when it has an «@». Nil for an open
    /// answer (several lines) and for what is not text.
    public var shortText: (keyboard: String, pattern: String)? {
        guard case .text = type else { return nil }
        for rule in validations {
            guard case .call(.coincide, let arguments, _) = rule.condition, arguments.count == 2,
                  case .reference(id, _) = arguments[0], case .text(let pattern, _) = arguments[1] else { continue }
            if pattern.contains("@") { return ("email", pattern) }
            let letters = pattern.contains { $0.isLetter && $0 != "d" } || pattern.contains("\\w") || pattern.contains("[^") || pattern.contains(".")
            return (letters ? "text" : "numeric", pattern)
        }
        return nil
    }
}

/// An answer typed as text — at the terminal interview, in an answer plan — read as the item's type.
/// One reading for every channel that takes typed text: a special by its name (`NS`), or by its code
/// (`98`, as ODK stores it) in a choice question that allows it (in a number or a text, 98 is itself); codes separated by spaces or commas in a
/// `varias de`; a number with a decimal point or comma; texts and dates as written.
extension QuestionnaireFile {
    public enum TypedAnswer: Sendable, Equatable {
        case answer(Answer)
        /// Nothing usable was typed (an empty text).
        case empty
        /// Not a value of the item's type; `expected` says what is, in Spanish and English.
        case unreadable(spanish: String, english: String)
    }

    public func answer(typed raw: String, for item: Item) -> TypedAnswer {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .empty }
        let choice: Bool
        switch item.type {
        case .single, .multiple, .scale, .grid, .yesNo: choice = true
        default: choice = false
        }
        if let special = specials.first(where: { $0.name.lowercased() == text.lowercased() || (choice && item.allowedSpecials.contains($0.name) && String($0.code) == text) }) {
            return .answer(.special(special.name))
        }
        switch item.type {
        case .text, .date:
            return .answer(.text(text))
        case .time:
            return .answer(.text(TimeText.time(text) ?? text))
        case .dateTime:
            return .answer(.text(TimeText.dateTime(text) ?? text))
        case .multiple:
            let codes = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) }
            guard codes.allSatisfy({ $0 != nil }) else {
                return .unreadable(spanish: "escriba los códigos separados por espacios, p. ej. 1 3", english: "type the codes separated by spaces, e.g. 1 3")
            }
            return .answer(.codes(Set(codes.compactMap { $0 })))
        default:
            guard let x = Double(text.replacingOccurrences(of: ",", with: ".")), x.isFinite else {
                return .unreadable(spanish: "escriba un número", english: "type a number")
            }
            return .answer(.number(x))
        }
    }
}

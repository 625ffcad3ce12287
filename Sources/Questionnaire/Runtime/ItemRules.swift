/// What one item accepts, worked out once per questionnaire for ``AnswerCheck``: the kind of value
/// with its codes or range, the specials allowed, and its `validar`/`advertir` rules compiled.
/// A class: the checks of an import read it for every row, and copying its arrays each time was
/// a third of their work.
final class ItemRules: Sendable {
    enum Kind: Sendable {
        /// One code of a list (`una de`, `sino`, a grid row), in the list's order.
        case code(codes: [Int], list: String)
        case range(low: Double?, high: Double?, whole: Bool)
        case multiple(known: Set<Int>, list: String, maximum: Int?, exclusive: Set<Int>)
        case text
        case date
        case time
        case dateTime
        /// Notes and calculations take no answer.
        case unanswerable
    }

    let kind: Kind
    let allowedSpecials: [String]
    let validations: [(condition: CompiledExpression, rule: Rule)]
    let warnings: [(condition: CompiledExpression, rule: Rule)]
    let optional: Bool
    let isGrid: Bool
    /// `donde columna = expresión`: the value each code has in the column, and the value compiled.
    let filter: (column: String, values: [Int: Double], value: CompiledExpression, source: String)?
    /// Whether the item takes answers at all (not a note or a calculation).
    var answered: Bool { if case .unanswerable = kind { return false } else { return true } }

    init(_ item: Item, in q: QuestionnaireFile, evaluator: Evaluator) {
        func codes(_ list: String) -> [Int] { q.list(list)?.options.map(\.code) ?? [] }
        switch item.type {
        case .single(let list), .grid(let list): kind = .code(codes: codes(list), list: list)
        case .yesNo: kind = .code(codes: [1, 2], list: "sino")
        case .scale(let low, let high, _, _): kind = .range(low: Double(low), high: Double(high), whole: true)
        case .integer(let low, let high): kind = .range(low: low, high: high, whole: true)
        case .decimal(let low, let high): kind = .range(low: low, high: high, whole: false)
        case .multiple(let list):
            kind = .multiple(known: Set(codes(list)), list: list, maximum: item.maximum,
                             exclusive: Set(item.exclusive + (q.list(list)?.options.filter(\.exclusive).map(\.code) ?? [])))
        case .text: kind = .text
        case .date: kind = .date
        case .time: kind = .time
        case .dateTime: kind = .dateTime
        case .note, .calculated: kind = .unanswerable
        }
        allowedSpecials = item.allowedSpecials
        validations = item.validations.map { (evaluator.compile($0.condition), $0) }
        warnings = item.warnings.map { (evaluator.compile($0.condition), $0) }
        optional = item.optional
        if case .grid = item.type { isGrid = true } else { isGrid = false }
        switch (item.choiceFilter, item.type) {
        case (let f?, .single(let l)), (let f?, .multiple(let l)):
            filter = (f.column, Dictionary(q.list(l)?.options.compactMap { o in o.values[f.column].map { (o.code, $0) } } ?? [], uniquingKeysWith: { a, _ in a }),
                      evaluator.compile(f.value), f.value.source)
        default:
            filter = nil
        }
    }

    /// What is wrong with the answer itself (type, codes, range, specials), before the rules.
    func problems(of answer: Answer, variable: String) -> [AnswerProblem] {
        func error(_ es: String, _ en: String) -> AnswerProblem { AnswerProblem(severity: .error, variable: variable, spanish: es, english: en) }
        if case .special(let name) = answer {
            return allowedSpecials.contains(name) ? [] : [error("«\(variable)» no admite \(name)", "«\(variable)» does not allow \(name)")]
        }
        let format = AnswerCheck.format
        var found: [AnswerProblem] = []
        switch kind {
        case .code(let codes, let list):
            guard case .number(let x) = answer else { return [error("«\(variable)» espera un código de la lista «\(list)»", "«\(variable)» expects a code of list «\(list)»")] }
            if !codes.contains(where: { Double($0) == x }) {
                let shown = codes.map(String.init).joined(separator: ", ")
                found.append(error("\(format(x)) no es un código de la lista «\(list)» (\(shown))", "\(format(x)) is not a code of list «\(list)» (\(shown))"))
            }
        case .range(let low, let high, let whole):
            guard case .number(let x) = answer else { return [error("«\(variable)» espera un número", "«\(variable)» expects a number")] }
            if whole && x != x.rounded() { found.append(error("«\(variable)» espera un número entero, no \(format(x))", "«\(variable)» expects a whole number, not \(format(x))")) }
            if let low, x < low { found.append(error("\(format(x)) es menor que el mínimo \(format(low))", "\(format(x)) is below the minimum \(format(low))")) }
            if let high, x > high { found.append(error("\(format(x)) es mayor que el máximo \(format(high))", "\(format(x)) is above the maximum \(format(high))")) }
        case .multiple(let known, let list, let maximum, let exclusive):
            guard case .codes(let chosen) = answer else { return [error("«\(variable)» espera códigos de la lista «\(list)»", "«\(variable)» expects codes of list «\(list)»")] }
            for c in chosen.sorted() where !known.contains(c) {
                found.append(error("\(c) no es un código de la lista «\(list)»", "\(c) is not a code of list «\(list)»"))
            }
            if let maximum, chosen.count > maximum {
                found.append(error("se eligieron \(chosen.count) opciones y el máximo es \(maximum)", "\(chosen.count) options chosen; the maximum is \(maximum)"))
            }
            if chosen.count > 1, let c = chosen.sorted().first(where: { exclusive.contains($0) }) {
                found.append(error("la opción \(c) es excluyente: no se combina con otras", "option \(c) is exclusive: it cannot be combined with others"))
            }
        case .text:
            if case .text = answer {} else { found.append(error("«\(variable)» espera un texto", "«\(variable)» expects a text")) }
        case .date:
            if case .text(let s) = answer, AnswerCheck.isDate(s) {} else {
                found.append(error("«\(variable)» espera una fecha aaaa-mm-dd", "«\(variable)» expects a date yyyy-mm-dd"))
            }
        case .time:
            if case .text(let s) = answer, TimeText.isTime(s) {} else {
                found.append(error("«\(variable)» espera una hora hh:mm (de 00:00 a 23:59)", "«\(variable)» expects a time hh:mm (00:00 to 23:59)"))
            }
        case .dateTime:
            if case .text(let s) = answer, TimeText.isDateTime(s) {} else {
                found.append(error("«\(variable)» espera una fecha y hora aaaa-mm-ddThh:mm", "«\(variable)» expects a date and time yyyy-mm-ddThh:mm"))
            }
        case .unanswerable:
            found.append(error("«\(variable)» no se responde", "«\(variable)» is not answered"))
        }
        return found
    }
}

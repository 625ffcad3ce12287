import Foundation

/// What is wrong with an answer, or with a whole interview: an error refuses it; a warning (from
/// `advertir`) asks to confirm it.
public struct AnswerProblem: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// The variable (item id, or `item_row` for a grid row).
    public var variable: String
    public var spanish: String
    public var english: String

    public init(severity: Severity, variable: String, spanish: String, english: String) {
        self.severity = severity
        self.variable = variable
        self.spanish = spanish
        self.english = english
    }
}

/// Checks answers against the questionnaire: type, range, codes of the list, specials allowed,
/// `máximo`, `exclusiva`, `validar` (error) and `advertir` (warning); and for a whole interview,
/// required answers missing and answers where the question did not apply.
public struct AnswerCheck: Sendable {
    public let routing: Routing
    var q: QuestionnaireFile { routing.evaluator.questionnaire }
    /// The variables of each item (grid rows as `item_row`), named once rather than per interview.
    let variableNames: [[String]]

    public init(_ questionnaire: QuestionnaireFile, mode: Mode) {
        routing = Routing(Evaluator(questionnaire, mode: mode))
        variableNames = questionnaire.items.map { item in
            if case .grid = item.type { return item.rows.map { "\(item.id)_\($0.id)" } }
            return [item.id]
        }
    }

    /// Problems of one answer to one item (for a grid, `variable` names the row), with the other
    /// answers of the interview for `validar`/`advertir`.
    public func problems(item: Item, variable: String, answer: Answer, in responses: Responses) -> [AnswerProblem] {
        func error(_ es: String, _ en: String) -> AnswerProblem { AnswerProblem(severity: .error, variable: variable, spanish: es, english: en) }
        if case .special(let name) = answer {
            guard item.allowedSpecials.contains(name) else {
                return [error("«\(variable)» no admite \(name)", "«\(variable)» does not allow \(name)")]
            }
            return []
        }
        var found: [AnswerProblem] = []
        func codes(_ list: String) -> [Int] { q.list(list)?.options.map(\.code) ?? [] }
        func code(_ list: [Int], listName: String) {
            guard case .number(let x) = answer else { found.append(error("«\(variable)» espera un código de la lista «\(listName)»", "«\(variable)» expects a code of list «\(listName)»")); return }
            if !list.contains(where: { Double($0) == x }) {
                found.append(error("\(Self.format(x)) no es un código de la lista «\(listName)» (\(list.map(String.init).joined(separator: ", ")))",
                                   "\(Self.format(x)) is not a code of list «\(listName)» (\(list.map(String.init).joined(separator: ", ")))"))
            }
        }
        func range(_ low: Double?, _ high: Double?, whole: Bool) {
            guard case .number(let x) = answer else { found.append(error("«\(variable)» espera un número", "«\(variable)» expects a number")); return }
            if whole && x != x.rounded() { found.append(error("«\(variable)» espera un número entero, no \(Self.format(x))", "«\(variable)» expects a whole number, not \(Self.format(x))")) }
            if let low, x < low { found.append(error("\(Self.format(x)) es menor que el mínimo \(Self.format(low))", "\(Self.format(x)) is below the minimum \(Self.format(low))")) }
            if let high, x > high { found.append(error("\(Self.format(x)) es mayor que el máximo \(Self.format(high))", "\(Self.format(x)) is above the maximum \(Self.format(high))")) }
        }
        switch item.type {
        case .single(let list), .grid(let list): code(codes(list), listName: list)
        case .yesNo: code([1, 2], listName: "sino")
        case .scale(let low, let high, _, _): range(Double(low), Double(high), whole: true)
        case .integer(let low, let high): range(low, high, whole: true)
        case .decimal(let low, let high): range(low, high, whole: false)
        case .multiple(let list):
            guard case .codes(let chosen) = answer else { found.append(error("«\(variable)» espera códigos de la lista «\(list)»", "«\(variable)» expects codes of list «\(list)»")); break }
            let known = Set(codes(list))
            for c in chosen.sorted() where !known.contains(c) {
                found.append(error("\(c) no es un código de la lista «\(list)»", "\(c) is not a code of list «\(list)»"))
            }
            if let maximum = item.maximum, chosen.count > maximum {
                found.append(error("se eligieron \(chosen.count) opciones y el máximo es \(maximum)", "\(chosen.count) options chosen; the maximum is \(maximum)"))
            }
            let exclusive = Set(item.exclusive + (q.list(list)?.options.filter(\.exclusive).map(\.code) ?? []))
            if chosen.count > 1, let c = chosen.sorted().first(where: { exclusive.contains($0) }) {
                found.append(error("la opción \(c) es excluyente: no se combina con otras", "option \(c) is exclusive: it cannot be combined with others"))
            }
        case .text:
            if case .text = answer {} else { found.append(error("«\(variable)» espera un texto", "«\(variable)» expects a text")) }
        case .date:
            if case .text(let s) = answer, Self.isDate(s) {} else {
                found.append(error("«\(variable)» espera una fecha aaaa-mm-dd", "«\(variable)» expects a date yyyy-mm-dd"))
            }
        case .note, .calculated:
            found.append(error("«\(variable)» no se responde", "«\(variable)» is not answered"))
        }
        guard found.isEmpty else { return found }
        // The rules see the interview with this answer; copy the answers only when it is not there yet.
        var with = responses
        if responses[variable] != answer { with[variable] = answer }
        for rule in item.validations where !routing.evaluator.holds(rule.condition, with) {
            found.append(error(rule.message ?? "no cumple «\(rule.condition.source)»", rule.message ?? "fails «\(rule.condition.source)»"))
        }
        for rule in item.warnings where !routing.evaluator.holds(rule.condition, with) {
            found.append(AnswerProblem(severity: .warning, variable: variable, spanish: rule.message ?? "confirme: no cumple «\(rule.condition.source)»",
                                       english: rule.message ?? "confirm: fails «\(rule.condition.source)»"))
        }
        return found
    }

    /// Every problem of a complete interview, in questionnaire order.
    public func problems(of responses: Responses) -> [AnswerProblem] {
        problems(of: responses, states: routing.states(responses).states)
    }

    /// The same, with the routing already worked out (an import needs it for the disposition too).
    public func problems(of responses: Responses, states: [Routing.State]) -> [AnswerProblem] {
        var found: [AnswerProblem] = []
        let items = q.items
        for index in items.indices {
            let state = states[index]
            switch items[index].type {
            case .note, .calculated: continue
            default: break
            }
            let isGrid: Bool = { if case .grid = items[index].type { return true } else { return false } }()
            for (position, name) in variableNames[index].enumerated() {
                let applies = isGrid ? routing.rowApplies(items[index].rows[position], itemState: state, responses) : state == .applies
                switch (responses[name], applies) {
                case (let answer?, true):
                    found += problems(item: items[index], variable: name, answer: answer, in: responses)
                case (_?, false):
                    found.append(AnswerProblem(severity: .error, variable: name, spanish: "hay respuesta en «\(name)», que no aplica (\(Self.why(state)))",
                                               english: "«\(name)» is answered but does not apply (\(Self.whyEnglish(state)))"))
                case (nil, true) where !items[index].optional:
                    found.append(AnswerProblem(severity: .error, variable: name, spanish: "falta la respuesta obligatoria de «\(name)»",
                                               english: "the required answer of «\(name)» is missing"))
                default:
                    break
                }
            }
        }
        return found
    }

    static func why(_ state: Routing.State) -> String {
        switch state {
        case .applies, .hidden: return "su condición no se cumple"
        case .skipped(let by): return "el salto de «\(by)» la omite"
        case .ended(let by, let d): return "la entrevista terminó en «\(by)» (\(d))"
        }
    }

    static func whyEnglish(_ state: Routing.State) -> String {
        switch state {
        case .applies, .hidden: return "its condition does not hold"
        case .skipped(let by): return "the jump of «\(by)» skips it"
        case .ended(let by, let d): return "the interview ended at «\(by)» (\(d))"
        }
    }

    static func format(_ x: Double) -> String { PlainNumber.text(x) }

    /// Whether a text is a real calendar date written aaaa-mm-dd.
    public static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}

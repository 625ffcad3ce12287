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
/// required answers missing and answers where the question did not apply. What each item accepts is
/// worked out once (``ItemRules``); the checks run on an ``AnswerSheet``.
public struct AnswerCheck: Sendable {
    public let routing: Routing
    var q: QuestionnaireFile { routing.evaluator.questionnaire }
    var layout: AnswerLayout { routing.evaluator.layout }
    /// What each item accepts, by item index.
    let rules: [ItemRules]
    private let itemIndex: [String: Int]

    public init(_ questionnaire: QuestionnaireFile, mode: Mode) {
        routing = Routing(Evaluator(questionnaire, mode: mode))
        let evaluator = routing.evaluator
        rules = questionnaire.items.map { ItemRules($0, in: questionnaire, evaluator: evaluator) }
        itemIndex = Dictionary(questionnaire.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Problems of one answer to one item (for a grid, `variable` names the row), with the other
    /// answers of the interview for `validar`/`advertir`.
    public func problems(item: Item, variable: String, answer: Answer, in responses: Responses) -> [AnswerProblem] {
        let rules = itemIndex[item.id].map { self.rules[$0] } ?? ItemRules(item, in: q, evaluator: routing.evaluator)
        return problems(rules, variable: variable, slot: layout.slot(variable), answer: answer, in: layout.sheet(responses))
    }

    /// The same on a sheet: `slot` is where the answer goes (nil when the variable has none).
    func problems(_ rules: ItemRules, variable: String, slot: Int?, answer: Answer, in sheet: AnswerSheet) -> [AnswerProblem] {
        var found = rules.problems(of: answer, variable: variable)
        // A special (NS, NR) is not a value the rules could judge.
        if case .special = answer { return found }
        if found.isEmpty, let filter = rules.filter {
            let offered = offeredCodes(filter, in: sheet)
            let given: Set<Int>
            switch answer {
            case .number(let x): given = [Int(x)]
            case .codes(let c): given = c
            default: given = []
            }
            if let wrong = given.sorted().first(where: { !offered.contains($0) }) {
                found.append(AnswerProblem(severity: .error, variable: variable,
                                           spanish: "la opción \(wrong) no corresponde a «\(filter.source)» (\(filter.column)); elija una de las que se muestran",
                                           english: "option \(wrong) does not belong to «\(filter.source)» (\(filter.column)); choose one of those shown"))
            }
        }
        guard found.isEmpty, !rules.validations.isEmpty || !rules.warnings.isEmpty else { return found }
        // The rules see the interview with this answer; copy the answers only when it is not there yet.
        var with = sheet
        if let slot, sheet[slot] != answer { with[slot] = answer }
        let evaluator = routing.evaluator
        for (condition, rule) in rules.validations where !evaluator.holds(condition, with) {
            found.append(AnswerProblem(severity: .error, variable: variable, spanish: rule.message ?? "no cumple «\(rule.condition.source)»",
                                       english: rule.message ?? "fails «\(rule.condition.source)»"))
        }
        for (condition, rule) in rules.warnings where !evaluator.holds(condition, with) {
            found.append(AnswerProblem(severity: .warning, variable: variable, spanish: rule.message ?? "confirme: no cumple «\(rule.condition.source)»",
                                       english: rule.message ?? "confirm: fails «\(rule.condition.source)»"))
        }
        return found
    }

    /// The codes a filtered question (`donde columna = expresión`) offers with these answers: those whose
    /// column equals the expression's value; none while that value is unanswered (as ODK's choice_filter).
    func offeredCodes(_ filter: (column: String, values: [Int: Double], value: CompiledExpression, source: String), in sheet: AnswerSheet) -> Set<Int> {
        let value = routing.evaluator.evaluate(filter.value, sheet)
        let wanted: Double
        switch value {
        case .number(let x): wanted = x
        case .text(let s): guard let x = Double(s) else { return [] }; wanted = x
        default: return []
        }
        return Set(filter.values.filter { $0.value == wanted }.map(\.key))
    }

    /// The options an item offers with these answers, in the order given: all of them, or for a
    /// `donde` filter the matching ones. Every channel lists these.
    public func offered(_ options: [AnswerList.Option], of item: Item, in responses: Responses) -> [AnswerList.Option] {
        guard item.choiceFilter != nil, let index = itemIndex[item.id], let filter = rules[index].filter else { return options }
        let codes = offeredCodes(filter, in: layout.sheet(responses))
        return options.filter { codes.contains($0.code) }
    }

    /// Every problem of a complete interview, in questionnaire order.
    public func problems(of responses: Responses) -> [AnswerProblem] {
        let sheet = layout.sheet(responses)
        return problems(of: sheet, states: routing.states(sheet).states)
    }

    /// The same, with the routing already worked out (an import needs it for the disposition too).
    public func problems(of responses: Responses, states: [Routing.State]) -> [AnswerProblem] {
        problems(of: layout.sheet(responses), states: states)
    }

    public func problems(of sheet: AnswerSheet, states: [Routing.State]) -> [AnswerProblem] {
        var found: [AnswerProblem] = []
        let layout = self.layout
        for (index, rules) in rules.enumerated() where rules.answered {
            let state = states[index]
            let slots = layout.itemSlots[index]
            for slot in slots {
                let applies = rules.isGrid ? routing.rowApplies(item: index, row: slot - slots.lowerBound, itemState: state, sheet) : state == .applies
                switch (sheet[slot], applies) {
                case (let answer?, true):
                    found += problems(rules, variable: layout.names[slot], slot: slot, answer: answer, in: sheet)
                case (_?, false):
                    let name = layout.names[slot]
                    found.append(AnswerProblem(severity: .error, variable: name, spanish: "hay respuesta en «\(name)», que no aplica (\(Self.why(state)))",
                                               english: "«\(name)» is answered but does not apply (\(Self.whyEnglish(state)))"))
                case (nil, true) where !rules.optional:
                    let name = layout.names[slot]
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

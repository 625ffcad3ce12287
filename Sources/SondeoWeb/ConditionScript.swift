import Foundation
import Questionnaire
import Table

/// The questionnaire's conditions for the browser: each `mostrar si` becomes a small JSON tree that
/// `form.js` evaluates with the semantics of ``Evaluator`` (the XPath of the XLSForm export): an
/// unanswered question is empty, comparisons with it are false (`<>` true), a special answer is its
/// code. No expression is turned into code, so a questionnaire's text cannot inject script.
enum ConditionScript {
    /// `["bin","=",["ref","csat"],["num",1]]`-style JSON. A calculated item is not an answer of the
    /// form: it is sent as `["calc", formula]`, worked out in the page from the answers as they change,
    /// as ``Evaluator`` works it out (a number, or missing; a condition as 1 or 0).
    static func json(_ e: Questionnaire.Expression, in q: QuestionnaireFile? = nil) -> String {
        var formulas: [String: Questionnaire.Expression] = [:]
        for item in q?.items ?? [] { if case .calculated(let f) = item.type, formulas[item.id] == nil { formulas[item.id] = f } }
        return json(e, formulas: formulas)
    }

    private static func json(_ e: Questionnaire.Expression, formulas: [String: Questionnaire.Expression]) -> String {
        func json(_ e: Questionnaire.Expression) -> String { ConditionScript.json(e, formulas: formulas) }
        switch e {
        case .number(let x, _): return "[\"num\",\(number(x))]"
        case .text(let s, _): return "[\"txt\",\(string(s))]"
        case .reference(let id, _):
            // The checker refuses cycles; leaving the item out of its own expansion keeps this finite anyway.
            if let formula = formulas[id] {
                var rest = formulas
                rest[id] = nil
                return "[\"calc\",\(ConditionScript.json(formula, formulas: rest))]"
            }
            return "[\"ref\",\(string(id))]"
        case .mode: return "[\"mode\"]"
        case .unary(let op, let inner, _): return "[\"\(op == "no" ? "not" : "neg")\",\(json(inner))]"
        case .binary(let op, let a, let b, _): return "[\"bin\",\(string(op)),\(json(a)),\(json(b))]"
        case .membership(let subject, let items, _): return "[\"in\",\(json(subject)),[\(items.map(json).joined(separator: ","))]]"
        case .includes(let subject, let code, _): return "[\"has\",\(json(subject)),\(code)]"
        case .answered(let subject, _): return "[\"ans\",\(json(subject))]"
        case .isSpecial(let subject, let name, _): return "[\"sp\",\(json(subject)),\(string(name))]"
        case .call(let function, let arguments, _): return "[\"fn\",\(string(function.rawValue)),[\(arguments.map(json).joined(separator: ","))]]"
        }
    }

    static func number(_ x: Double) -> String { PlainNumber.text(x) }

    /// When one option of a filtered question (`donde columna = expresión`) is offered: the expression
    /// equals the option's value in that column; never, for an option without one.
    static func filter(_ filter: ChoiceFilter, option: AnswerList.Option) -> String {
        guard let value = option.values[filter.column] else { return "[\"bin\",\"=\",[\"num\",1],[\"num\",0]]" }
        return "[\"bin\",\"=\",\(json(filter.value)),[\"num\",\(number(value))]]"
    }

    /// A JSON string, with `<` escaped so that it can sit in an attribute or a script block.
    static func string(_ s: String) -> String { JSONString.quoted(s, forHTML: true) }

    /// The answers given on earlier pages, for the conditions of this one: numbers, texts, code lists,
    /// and specials as `{"s":"NS","c":98}`.
    static func answers(_ responses: Responses, specials: [SpecialCode]) -> String {
        let pairs = responses.values.keys.sorted().compactMap { key -> String? in
            guard let answer = responses[key] else { return nil }
            let value: String
            switch answer {
            case .number(let x): value = number(x)
            case .text(let s): value = string(s)
            case .codes(let c): value = "[" + c.sorted().map(String.init).joined(separator: ",") + "]"
            case .special(let name): value = "{\"s\":\(string(name)),\"c\":\(specials.first { $0.name == name }.map { String($0.code) } ?? "null")}"
            }
            return "\(string(key)):\(value)"
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}

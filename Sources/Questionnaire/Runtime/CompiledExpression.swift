import Foundation

/// An ``Expression`` ready to run against an ``AnswerSheet``: names resolved to slots of the
/// ``AnswerLayout``, operators to cases, `modo` to the evaluator's mode and calculated items to their
/// formulas. Made by ``Evaluator/compile(_:)`` once per questionnaire, run once per interview.
public struct CompiledExpression: Sendable {
    indirect enum Node: Sendable {
        case constant(Evaluator.Value)
        case answer(slot: Int)
        /// A `calcular` item: its formula (the sheet's answer, if it has one, comes first).
        case calculated(slot: Int, formula: Node)
        case not(Node)
        case negate(Node)
        case and(Node, Node)
        case or(Node, Node)
        case arithmetic(Arithmetic, Node, Node)
        case comparison(Comparison, Node, Node)
        case membership(Node, [Node])
        case includes(Node, code: Int)
        case answered(Node)
        /// `x es NS`: the answer itself is that special (never a calculated value).
        case isSpecial(slot: Int?, name: String)
        /// A function other than `coincide` (``Function``).
        case call(Function, [Node])
        /// `coincide(t, "patrón")`, its pattern compiled once (nil when it does not compile: never matches).
        case matches(Node, Pattern?)
    }

    /// A compiled regular expression; NSRegularExpression is immutable and safe to share between threads.
    struct Pattern: @unchecked Sendable {
        let expression: NSRegularExpression
    }

    enum Arithmetic: Sendable { case add, subtract, multiply, divide }
    enum Comparison: Sendable { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }

    let root: Node
}

extension Evaluator {
    /// The expression with its names resolved against this evaluator's questionnaire and layout.
    /// A name the questionnaire does not have (the checker refuses those) is always unanswered.
    public func compile(_ e: Expression) -> CompiledExpression {
        var expanding: Set<String> = []
        return CompiledExpression(root: node(e, expanding: &expanding))
    }

    /// `expanding` holds the calculated items being expanded, so that a cycle (refused by the checker
    /// too) ends as unanswered instead of recursing forever.
    private func node(_ e: Expression, expanding: inout Set<String>) -> CompiledExpression.Node {
        switch e {
        case .number(let x, _): return .constant(.number(x))
        case .text(let s, _): return .constant(.text(s))
        case .mode: return .constant(.text(mode.rawValue))
        case .reference(let id, _):
            guard let slot = layout.slot(id) else { return .constant(.missing) }
            if let formula = formulas[id] {
                guard expanding.insert(id).inserted else { return .constant(.missing) }
                defer { expanding.remove(id) }
                return .calculated(slot: slot, formula: node(formula, expanding: &expanding))
            }
            return .answer(slot: slot)
        case .unary(let op, let inner, _):
            let n = node(inner, expanding: &expanding)
            return op == "no" ? .not(n) : .negate(n)
        case .binary(let op, let a, let b, _):
            let x = node(a, expanding: &expanding), y = node(b, expanding: &expanding)
            switch op {
            case "y": return .and(x, y)
            case "o": return .or(x, y)
            case "+": return .arithmetic(.add, x, y)
            case "-": return .arithmetic(.subtract, x, y)
            case "*": return .arithmetic(.multiply, x, y)
            case "/": return .arithmetic(.divide, x, y)
            case "=": return .comparison(.equal, x, y)
            case "<>": return .comparison(.notEqual, x, y)
            case "<": return .comparison(.less, x, y)
            case "<=": return .comparison(.lessOrEqual, x, y)
            case ">": return .comparison(.greater, x, y)
            case ">=": return .comparison(.greaterOrEqual, x, y)
            default: return .constant(.missing)  // the parser makes no other operator
            }
        case .membership(let subject, let items, _):
            return .membership(node(subject, expanding: &expanding), items.map { node($0, expanding: &expanding) })
        case .includes(let subject, let code, _):
            return .includes(node(subject, expanding: &expanding), code: code)
        case .answered(let subject, _):
            return .answered(node(subject, expanding: &expanding))
        case .isSpecial(let subject, let name, _):
            if case .reference(let id, _) = subject { return .isSpecial(slot: layout.slot(id), name: name) }
            return .constant(.bool(false))
        case .call(.coincide, let arguments, _):
            guard arguments.count == 2, case .text(let pattern, _) = arguments[1] else { return .constant(.bool(false)) }
            return .matches(node(arguments[0], expanding: &expanding), TextPattern.compile(pattern).map(CompiledExpression.Pattern.init))
        case .call(let function, let arguments, _):
            return .call(function, arguments.map { node($0, expanding: &expanding) })
        }
    }
}

/// Evaluates conditions and calculations against the answers of an interview, with the semantics of
/// the XPath the XLSForm export writes, so that a web form, a phone interview and an import agree:
/// an unanswered question is empty (comparisons with it are false, `<>` is true, as XPath's NaN);
/// a special answer (NS, NR) is its declared code; `respondida` is true for any answer, specials
/// included.
public struct Evaluator: Sendable {
    public let questionnaire: QuestionnaireFile
    public let mode: Mode

    public init(_ questionnaire: QuestionnaireFile, mode: Mode) {
        self.questionnaire = questionnaire
        self.mode = mode
    }

    /// A value during evaluation.
    public enum Value: Sendable, Equatable {
        case missing
        case number(Double)
        case text(String)
        case codes(Set<Int>)
        case bool(Bool)

        /// Truth of a value used as a condition: booleans as such, numbers other than 0.
        var truth: Bool {
            switch self {
            case .bool(let b): return b
            case .number(let x): return x != 0 && !x.isNaN
            case .text(let s): return !s.isEmpty
            case .codes(let c): return !c.isEmpty
            case .missing: return false
            }
        }

        var number: Double {
            switch self {
            case .number(let x): return x
            case .bool(let b): return b ? 1 : 0
            case .text(let s): return Double(s) ?? .nan
            case .codes, .missing: return .nan
            }
        }
    }

    /// Whether a condition holds.
    public func holds(_ e: Expression, _ responses: Responses) -> Bool { evaluate(e, responses).truth }

    public func evaluate(_ e: Expression, _ responses: Responses) -> Value {
        switch e {
        case .number(let x, _): return .number(x)
        case .text(let s, _): return .text(s)
        case .mode: return .text(mode.rawValue)
        case .reference(let id, _): return value(of: id, responses)
        case .unary(let op, let inner, _):
            let v = evaluate(inner, responses)
            return op == "no" ? .bool(!v.truth) : .number(-v.number)
        case .binary(let op, let a, let b, _):
            switch op {
            case "y": return .bool(holds(a, responses) && holds(b, responses))
            case "o": return .bool(holds(a, responses) || holds(b, responses))
            default: return binary(op, evaluate(a, responses), evaluate(b, responses))
            }
        case .membership(let subject, let items, _):
            let s = evaluate(subject, responses)
            return .bool(items.contains { binary("=", s, evaluate($0, responses)) == .bool(true) })
        case .includes(let subject, let code, _):
            if case .codes(let codes) = evaluate(subject, responses) { return .bool(codes.contains(code)) }
            return .bool(false)
        case .answered(let subject, _):
            return .bool(evaluate(subject, responses) != .missing)
        case .isSpecial(let subject, let name, _):
            if case .reference(let id, _) = subject { return .bool(responses[id] == .special(name)) }
            return .bool(false)
        }
    }

    /// The value of a variable: its answer, or for a calculated item its formula.
    func value(of id: String, _ responses: Responses) -> Value {
        switch responses[id] {
        case .number(let x)?: return .number(x)
        case .text(let s)?: return .text(s)
        case .codes(let c)?: return .codes(c)
        case .special(let name)?:
            return questionnaire.specials.first { $0.name == name }.map { .number(Double($0.code)) } ?? .missing
        case nil:
            if let item = questionnaire.item(id), case .calculated(let formula) = item.type {
                let v = evaluate(formula, responses)
                return v.number.isNaN ? .missing : .number(v.number)
            }
            return .missing
        }
    }

    private func binary(_ op: String, _ a: Value, _ b: Value) -> Value {
        switch op {
        case "+": return .number(a.number + b.number)
        case "-": return .number(a.number - b.number)
        case "*": return .number(a.number * b.number)
        case "/": return .number(b.number == 0 ? .nan : a.number / b.number)
        default: break
        }
        if a == .missing || b == .missing { return .bool(op == "<>") }
        if case .text(let x) = a, case .text(let y) = b { return Self.compare(op, x, y) }
        let x = a.number, y = b.number
        if x.isNaN || y.isNaN { return .bool(op == "<>") }
        return Self.compare(op, x, y)
    }

    /// A comparison of two texts or two numbers.
    private static func compare<T: Comparable>(_ op: String, _ x: T, _ y: T) -> Value {
        switch op {
        case "=": return .bool(x == y)
        case "<>": return .bool(x != y)
        case "<": return .bool(x < y)
        case "<=": return .bool(x <= y)
        case ">": return .bool(x > y)
        case ">=": return .bool(x >= y)
        default: return .missing
        }
    }
}

/// Evaluates conditions and calculations against the answers of an interview, with the semantics of
/// the XPath the XLSForm export writes, so that a web form, a phone interview and an import agree:
/// an unanswered question is empty (comparisons with it are false, `<>` is true, as XPath's NaN);
/// a special answer (NS, NR) is its declared code; `respondida` is true for any answer, specials
/// included.
///
/// Expressions run compiled (``compile(_:)``) against an ``AnswerSheet``; the forms that take an
/// ``Expression`` and ``Responses`` compile and convert first, for callers that evaluate a few times.
public struct Evaluator: Sendable {
    public let questionnaire: QuestionnaireFile
    public let mode: Mode
    public let layout: AnswerLayout
    /// The declared code of each special (NS = 98), as it enters comparisons.
    private let specialCodes: [(name: String, code: Double)]

    public init(_ questionnaire: QuestionnaireFile, mode: Mode) {
        self.questionnaire = questionnaire
        self.mode = mode
        layout = AnswerLayout(questionnaire)
        specialCodes = questionnaire.specials.map { ($0.name, Double($0.code)) }
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
    public func holds(_ e: Expression, _ responses: Responses) -> Bool { holds(compile(e), layout.sheet(responses)) }

    public func evaluate(_ e: Expression, _ responses: Responses) -> Value { evaluate(compile(e), layout.sheet(responses)) }

    public func holds(_ e: CompiledExpression, _ sheet: AnswerSheet) -> Bool { run(e.root, sheet).truth }

    public func evaluate(_ e: CompiledExpression, _ sheet: AnswerSheet) -> Value { run(e.root, sheet) }

    private func run(_ node: CompiledExpression.Node, _ sheet: AnswerSheet) -> Value {
        switch node {
        case .constant(let v): return v
        case .answer(let slot): return value(of: sheet[slot]) ?? .missing
        case .calculated(let slot, let formula):
            if let v = value(of: sheet[slot]) { return v }
            let x = run(formula, sheet).number
            return x.isNaN ? .missing : .number(x)
        case .not(let inner): return .bool(!run(inner, sheet).truth)
        case .negate(let inner): return .number(-run(inner, sheet).number)
        case .and(let a, let b): return .bool(run(a, sheet).truth && run(b, sheet).truth)
        case .or(let a, let b): return .bool(run(a, sheet).truth || run(b, sheet).truth)
        case .arithmetic(let op, let a, let b):
            let x = run(a, sheet).number, y = run(b, sheet).number
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            case .divide: return .number(y == 0 ? .nan : x / y)
            }
        case .comparison(let op, let a, let b): return .bool(Self.compare(op, run(a, sheet), run(b, sheet)))
        case .membership(let subject, let items):
            let s = run(subject, sheet)
            return .bool(items.contains { Self.compare(.equal, s, run($0, sheet)) })
        case .includes(let subject, let code):
            if case .codes(let codes) = run(subject, sheet) { return .bool(codes.contains(code)) }
            return .bool(false)
        case .answered(let subject): return .bool(run(subject, sheet) != .missing)
        case .isSpecial(let slot, let name):
            guard let slot, case .special(let given)? = sheet[slot] else { return .bool(false) }
            return .bool(given == name)
        }
    }

    /// The value of a stored answer; a special is its declared code (unanswered if undeclared).
    private func value(of answer: Answer?) -> Value? {
        switch answer {
        case .number(let x)?: return .number(x)
        case .text(let s)?: return .text(s)
        case .codes(let c)?: return .codes(c)
        case .special(let name)?: return specialCodes.first { $0.name == name }.map { .number($0.code) } ?? .missing
        case nil: return nil
        }
    }

    /// A comparison: false when either side is unanswered (true for `<>`, as XPath's NaN); two texts
    /// compare as texts, anything else as numbers.
    private static func compare(_ op: CompiledExpression.Comparison, _ a: Value, _ b: Value) -> Bool {
        if a == .missing || b == .missing { return op == .notEqual }
        if case .text(let x) = a, case .text(let y) = b { return compare(op, x, y) }
        let x = a.number, y = b.number
        if x.isNaN || y.isNaN { return op == .notEqual }
        return compare(op, x, y)
    }

    private static func compare<T: Comparable>(_ op: CompiledExpression.Comparison, _ x: T, _ y: T) -> Bool {
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        case .greaterOrEqual: return x >= y
        }
    }
}

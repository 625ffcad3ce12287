import Diagnostics
import Foundation
import Table

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
    /// Where `hoy()` reads the date: the system clock, or a fixed one in tests.
    public let clock: Clock
    /// The formula of each `calcular` item, by id (compiling a reference must not search the items).
    let formulas: [String: Expression]

    public init(_ questionnaire: QuestionnaireFile, mode: Mode, clock: Clock = .system) {
        self.questionnaire = questionnaire
        self.mode = mode
        self.clock = clock
        var formulas: [String: Expression] = [:]
        for item in questionnaire.items { if case .calculated(let e) = item.type, formulas[item.id] == nil { formulas[item.id] = e } }
        self.formulas = formulas
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

    /// What `hoy()` is: today in Colombia by the evaluator's clock (read at each use: a server runs past midnight).
    public var today: CivilDate { .colombianToday(clock) }

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
            // A number (a condition as 1 or 0), a text or a date (``CalculationKind``); nothing else.
            switch run(formula, sheet) {
            case .text(let s): return s.isEmpty ? .missing : .text(s)
            case .missing, .codes: return .missing
            case let v:
                let x = v.number
                return x.isNaN ? .missing : .number(x)
            }
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
        case .matches(let subject, let pattern):
            guard let pattern else { return .bool(false) }
            // An unanswered text is the empty text, as in XPath's regex(): «^$» matches it.
            return .bool(TextPattern.matches(pattern.expression, Self.text(run(subject, sheet))))
        case .call(let function, let arguments):
            return call(function, arguments.map { argument in { run(argument, sheet) } })
        }
    }

    /// A function of the language on its (lazily evaluated) arguments, as ODK's XPath computes it.
    private func call(_ function: Function, _ argument: [() -> Value]) -> Value {
        switch function {
        case .si:
            return argument[0]().truth ? argument[1]() : argument[2]()
        case .redondear:
            let x = argument[0]().number, digits = argument.count > 1 ? argument[1]().number : 0
            guard !x.isNaN, !digits.isNaN else { return .missing }
            return .number(Self.round(x, digits: Int(digits)))
        case .contar:
            if case .codes(let codes) = argument[0]() { return .number(Double(codes.count)) }
            return .number(0)
        case .longitud:
            return .number(Double(Self.text(argument[0]()).utf16.count))
        case .hoy:
            return .text(today.iso)
        case .dias:
            guard let from = Self.date(argument[0]()), let to = Self.date(argument[1]()) else { return .missing }
            return .number(Double(to.daysSinceEpoch - from.daysSinceEpoch))
        case .sumarDias:
            let days = argument[1]().number
            guard let from = Self.date(argument[0]()), !days.isNaN else { return .missing }
            return .text(CivilDate(daysSinceEpoch: from.daysSinceEpoch + Int(days.rounded(.down))).iso)
        case .coincide:
            return .bool(false)  // compiled to ``CompiledExpression/Node/matches(_:_:)``
        }
    }

    /// A value as XPath's string(): unanswered is empty, a number in plain notation, codes space-separated.
    private static func text(_ value: Value) -> String {
        switch value {
        case .missing: return ""
        case .text(let s): return s
        case .number(let x): return x.isNaN ? "" : PlainNumber.text(x)
        case .bool(let b): return b ? "true" : "false"
        case .codes(let c): return c.sorted().map(String.init).joined(separator: " ")
        }
    }

    /// A date answer or a date written `aaaa-mm-dd`.
    private static func date(_ value: Value) -> CivilDate? {
        guard case .text(let s) = value, s.count == 10 else { return nil }
        return CivilDate(parsing: s)
    }

    /// `x` rounded to `digits` decimals, a half away from zero (JavaRosa's round(x, n): BigDecimal HALF_UP
    /// on the number's shortest decimal form, so that 2.675 rounds to 2.68 as it is written).
    static func round(_ x: Double, digits: Int) -> Double {
        guard var decimal = Decimal(string: "\(x)") else { return x }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &decimal, max(-20, min(20, digits)), .plain)
        return NSDecimalNumber(decimal: rounded).doubleValue
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

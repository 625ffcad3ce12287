/// The syntax tree of a filter expression (`--where`), e.g.
/// `categoria == "A" and usa_subsidio == 1 and edad < 35`,
/// `municipio in ["Manizales", "Villamaría"]`, `id_afiliado in archivo "ids.txt"`, `not (zona == "rural")`,
/// `ultima_satisfaccion is missing`. A chain of `and` (or of `or`) is one node holding all its terms,
/// so that 9,000 terms make a flat list, not a tree 9,000 levels deep.
public indirect enum FilterExpression: Sendable, Equatable {
    case column(String, Span)
    case number(Double, Span)
    case string(String, Span)
    case boolean(Bool, Span)
    case comparison(ComparisonOperator, FilterExpression, FilterExpression, Span)
    case membership(FilterExpression, [FilterExpression], negated: Bool, Span)
    /// `column in archivo "ids.txt"`: the values are the file's lines.
    case membershipFile(FilterExpression, path: String, negated: Bool, Span)
    case missing(FilterExpression, negated: Bool, Span)
    case and([FilterExpression])
    case or([FilterExpression])
    case not(FilterExpression, Span)

    /// The columns the expression reads.
    public var columnNames: Set<String> {
        switch self {
        case .column(let name, _): return [name]
        case .number, .string, .boolean: return []
        case .comparison(_, let l, let r, _): return l.columnNames.union(r.columnNames)
        case .and(let terms), .or(let terms): return terms.reduce(into: Set<String>()) { $0.formUnion($1.columnNames) }
        case .membership(let operand, let items, _, _):
            return items.reduce(operand.columnNames) { $0.union($1.columnNames) }
        case .missing(let operand, _, _), .not(let operand, _), .membershipFile(let operand, _, _, _): return operand.columnNames
        }
    }

    /// Where the node is in the expression text, in characters.
    public var span: Span {
        switch self {
        case .column(_, let s), .number(_, let s), .string(_, let s), .boolean(_, let s),
             .comparison(_, _, _, let s), .membership(_, _, _, let s), .membershipFile(_, _, _, let s), .missing(_, _, let s), .not(_, let s):
            return s
        case .and(let terms), .or(let terms):
            return Span(start: terms.first?.span.start ?? 0, end: terms.last?.span.end ?? 0)
        }
    }
}

/// A range of character positions (0-based, end exclusive) in the expression text.
public struct Span: Sendable, Equatable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public func union(_ other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }
}

public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The operator with its sides swapped (`3 < edad` is `edad > 3`).
    var flipped: ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return self
        }
    }

    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}

import Diagnostics

/// The rows a filter keeps, and the warnings worth showing (values that never occur).
public struct FilterResult: Sendable {
    public var mask: [Bool]
    public var warnings: [ExpressionWarning]

    public var count: Int { mask.reduce(0) { $0 + ($1 ? 1 : 0) } }
}

/// Evaluates a filter expression over a table, column at a time.
///
/// Missing values follow SQL's and R's three-valued logic: a comparison with a missing value is
/// *unknown*, `not unknown` is unknown, `false and unknown` is false, `true or unknown` is true, and
/// only rows whose condition is *true* are kept. So `edad != 30` drops rows with no age, as
/// `subset()` in R does; `edad is missing` finds them.
public enum ExpressionEvaluator {
    /// Parses and evaluates `text` over `table`.
    public static func filter(_ text: String, on table: Table) throws(ExpressionError) -> FilterResult {
        let expression = try ExpressionParser.parse(text)
        var context = Context(table: table, text: text)
        let truth = try context.condition(expression)
        return FilterResult(mask: truth.map { $0 == Truth.yes }, warnings: context.warnings)
    }
}

/// Kleene truth values, one byte per row.
enum Truth {
    static let no: UInt8 = 0, yes: UInt8 = 1, unknown: UInt8 = 2

    static func and(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == no || b == no { return no }
        return a == yes && b == yes ? yes : unknown
    }

    static func or(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == yes || b == yes { return yes }
        return a == no && b == no ? no : unknown
    }

    static func not(_ a: UInt8) -> UInt8 { a == unknown ? unknown : 1 - a }
}

private struct Context {
    let table: Table
    let text: String
    var warnings: [ExpressionWarning] = []

    init(table: Table, text: String) {
        self.table = table
        self.text = text
    }

    private func error(_ kind: ExpressionError.Kind, _ span: Span) -> ExpressionError {
        ExpressionError(kind, expression: text, span: span)
    }

    private func source(_ span: Span) -> String {
        let chars = Array(text)
        return String(chars[max(0, span.start)..<min(span.end, chars.count)])
    }

    func column(_ name: String, _ span: Span) throws(ExpressionError) -> Column {
        if let column = table[name] { return column }
        throw error(.unknownColumn(name, suggestion: Suggestion.closest(to: name, among: table.columnNames)), span)
    }

    mutating func condition(_ expression: FilterExpression) throws(ExpressionError) -> [UInt8] {
        switch expression {
        case .and(let l, let r):
            let a = try condition(l), b = try condition(r)
            return zip(a, b).map(Truth.and)
        case .or(let l, let r):
            let a = try condition(l), b = try condition(r)
            return zip(a, b).map(Truth.or)
        case .not(let inner, _):
            return try condition(inner).map(Truth.not)
        case .missing(let operand, let negated, let span):
            guard case .column(let name, let nameSpan) = operand else { throw error(.noColumn, span) }
            let column = try column(name, nameSpan)
            return (0..<table.rowCount).map { column.isMissing($0) != negated ? Truth.yes : Truth.no }
        case .column(let name, let span):
            let column = try column(name, span)
            guard column.type == .boolean, let values = column.numbers else {
                throw error(.notACondition(column: name, columnType: column.type), span)
            }
            return values.map { $0.isNaN ? Truth.unknown : ($0 != 0 ? Truth.yes : Truth.no) }
        case .boolean(let value, _):
            return [UInt8](repeating: value ? Truth.yes : Truth.no, count: table.rowCount)
        case .number(_, let span), .string(_, let span):
            throw error(.noColumn, span)
        case .comparison(let op, let l, let r, let span):
            switch (l, r) {
            case (.column(let a, let aSpan), .column(let b, let bSpan)):
                return try compareColumns(try column(a, aSpan), op, try column(b, bSpan), span)
            case (.column(let name, let nameSpan), _):
                return try compare(try column(name, nameSpan), op, r)
            case (_, .column(let name, let nameSpan)):
                return try compare(try column(name, nameSpan), op.flipped, l)
            default:
                throw error(.noColumn, span)
            }
        case .membership(let operand, let items, let negated, let span):
            guard case .column(let name, let nameSpan) = operand else { throw error(.noColumn, span) }
            let column = try column(name, nameSpan)
            var result = [UInt8](repeating: Truth.no, count: table.rowCount)
            for item in items {
                result = zip(result, try compare(column, .equal, item)).map(Truth.or)
            }
            return negated ? result.map(Truth.not) : result
        }
    }

    /// A column against a constant.
    private mutating func compare(_ column: Column, _ op: ComparisonOperator,
                                  _ literal: FilterExpression) throws(ExpressionError) -> [UInt8] {
        let mismatch = error(.typeMismatch(column: column.name, columnType: column.type, value: source(literal.span)),
                             literal.span)
        switch column.storage {
        case .numeric(let values):
            let target: Double
            switch (column.type, literal) {
            case (.integer, .number(let v, _)), (.decimal, .number(let v, _)), (.boolean, .number(let v, _)):
                target = v
            case (.boolean, .boolean(let v, _)):
                target = v ? 1 : 0
            case (.boolean, .string(let s, _)):
                guard let v = Self.booleanValue(s, labels: column.booleanLabels) else { throw mismatch }
                target = v
            case (.date, .string(let s, let span)):
                guard let date = CivilDate(parsing: s) else { throw error(.badDate(s), span) }
                target = Double(date.daysSinceEpoch)
            case (.dateTime, .string(let s, let span)):
                // A date alone is its first instant, in the column's clock.
                let offset = Double(column.dateTimeStyle?.offset ?? 0)
                if let date = CivilDate(parsing: s) {
                    target = Double(date.daysSinceEpoch) * 86400 - offset
                } else if let (seconds, style) = Array(s.utf8).withUnsafeBufferPointer(DateTimeParsing.parse) {
                    target = style.zone.isEmpty ? seconds - offset : seconds
                } else {
                    throw error(.badDate(s), span)
                }
            default:
                throw mismatch
            }
            return values.map { $0.isNaN ? Truth.unknown : (op.holds($0, target) ? Truth.yes : Truth.no) }
        case .coded(let codes, let levels):
            guard case .string(let value, let span) = literal else { throw mismatch }
            if (op == .equal || op == .notEqual) && !levels.contains(value) {
                warnings.append(ExpressionWarning(column: column.name, value: value,
                                                  suggestion: Suggestion.closest(to: value, among: levels),
                                                  expression: text, span: span))
            }
            let levelTruth = levels.map { op.holds($0, value) ? Truth.yes : Truth.no }
            return codes.map { $0 == Column.missingCode ? Truth.unknown : levelTruth[Int($0)] }
        }
    }

    /// Two columns, row by row.
    private func compareColumns(_ a: Column, _ op: ComparisonOperator, _ b: Column,
                                _ span: Span) throws(ExpressionError) -> [UInt8] {
        switch (a.storage, b.storage) {
        case (.numeric(let x), .numeric(let y)) where (a.type == .date) == (b.type == .date) && (a.type == .dateTime) == (b.type == .dateTime):
            return zip(x, y).map { $0.isNaN || $1.isNaN ? Truth.unknown : (op.holds($0, $1) ? Truth.yes : Truth.no) }
        case (.coded(let x, let lx), .coded(let y, let ly)):
            return zip(x, y).map {
                $0 == Column.missingCode || $1 == Column.missingCode ? Truth.unknown
                    : (op.holds(lx[Int($0)], ly[Int($1)]) ? Truth.yes : Truth.no)
            }
        default:
            throw error(.incomparableColumns(a.name, a.type, b.name, b.type), span)
        }
    }

    /// 1 or 0 for a yes/no word or one of the column's own labels.
    static func booleanValue(_ text: String, labels: [String]?) -> Double? {
        let word = text.lowercased()
        if let labels {
            if word == labels[1].lowercased() { return 1 }
            if word == labels[0].lowercased() { return 0 }
        }
        switch word {
        case "sí", "si", "1", "true", "verdadero", "yes": return 1
        case "no", "0", "false", "falso": return 0
        default: return nil
        }
    }
}

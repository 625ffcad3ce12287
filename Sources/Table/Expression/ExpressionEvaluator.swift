import Diagnostics
import Foundation

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
    /// Values that never occur, shown one by one; more are counted (``ExpressionWarning/more``).
    static let warningsShown = 20

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
        case .and(let terms):
            var result = [UInt8](repeating: Truth.yes, count: table.rowCount)
            for term in terms {
                let truth = try condition(term)
                for i in result.indices { result[i] = Truth.and(result[i], truth[i]) }
            }
            return result
        case .or(let terms):
            // Equalities on one column (`id == 1 or id == 2 or …`) are looked up together, like `in`.
            var result = [UInt8](repeating: Truth.no, count: table.rowCount)
            var others: [FilterExpression] = []
            var equalities: [String: (span: Span, items: [FilterExpression])] = [:]
            var order: [String] = []
            for term in terms {
                if case .comparison(.equal, .column(let name, let span), let literal, _) = term, !Self.isColumn(literal) {
                    if equalities[name] == nil { order.append(name); equalities[name] = (span, []) }
                    equalities[name]!.items.append(literal)
                } else {
                    others.append(term)
                }
            }
            for name in order {
                let (span, items) = equalities[name]!
                let truth = try member(try column(name, span), items)
                for i in result.indices { result[i] = Truth.or(result[i], truth[i]) }
            }
            for term in others {
                let truth = try condition(term)
                for i in result.indices { result[i] = Truth.or(result[i], truth[i]) }
            }
            return result
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
            let truth = try member(try column(name, nameSpan), items)
            return negated ? truth.map(Truth.not) : truth
        case .membershipFile(let operand, let path, let negated, let span):
            guard case .column(let name, let nameSpan) = operand else { throw error(.noColumn, span) }
            let column = try column(name, nameSpan)
            let lines = try listFile(path, span)
            // Each line is a value of the column's kind: a number for a numeric column, else a text.
            let items: [FilterExpression] = lines.map { line in
                if column.type.isNumeric, let x = Double(line.replacingOccurrences(of: ",", with: ".")) { return .number(x, span) }
                return .string(line, span)
            }
            let truth = try member(column, items)
            return negated ? truth.map(Truth.not) : truth
        }
    }

    static func isColumn(_ e: FilterExpression) -> Bool {
        if case .column = e { return true }
        return false
    }

    /// `column in [items]`: every value is looked up once in a set, whatever the length of the list
    /// (linear in rows plus values, not their product).
    private mutating func member(_ column: Column, _ items: [FilterExpression]) throws(ExpressionError) -> [UInt8] {
        switch column.storage {
        case .coded(let codes, let levels):
            var wanted = Set<String>()
            for item in items {
                guard case .string(let value, _) = item else {
                    throw error(.typeMismatch(column: column.name, columnType: column.type, value: source(item.span)), item.span)
                }
                wanted.insert(value)
            }
            // The values the column never has: the first ones one by one, the rest counted on the last
            // shown (a list of 10,000 documents is not 10,000 warnings, nor a silent cut).
            let known = Set(levels)
            var shown = 0, more = 0
            for item in items {
                guard case .string(let value, let span) = item, !known.contains(value) else { continue }
                if shown < Self.warningsShown && (warnings.count < Self.warningsShown || shown == 0) {
                    warnings.append(ExpressionWarning(column: column.name, value: value, suggestion: items.count <= 50 ? Suggestion.closest(to: value, among: levels) : nil,
                                                      expression: text, span: span))
                    shown += 1
                } else {
                    more += 1
                }
            }
            if more > 0 { warnings[warnings.count - 1].more = more }
            let levelTruth = levels.map { wanted.contains($0) ? Truth.yes : Truth.no }
            return codes.map { $0 == Column.missingCode ? Truth.unknown : levelTruth[Int($0)] }
        case .numeric(let values):
            var wanted = Set<Double>()
            for item in items {
                // Each value is turned into the column's numbers as a comparison would turn it.
                wanted.insert(try numericTarget(column, item))
            }
            return values.map { $0.isNaN ? Truth.unknown : (wanted.contains($0) ? Truth.yes : Truth.no) }
        }
    }

    /// The non-empty lines of a list file, trimmed.
    private func listFile(_ path: String, _ span: Span) throws(ExpressionError) -> [String] {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } catch {
            throw self.error(.listFile(path: path, reason: SystemMessage.text(error)), span)
        }
    }

    /// The number a constant stands for in a numeric column (a date's day, a yes/no word's 0 or 1).
    private func numericTarget(_ column: Column, _ literal: FilterExpression) throws(ExpressionError) -> Double {
        var mismatch: ExpressionError { self.mismatch(column, literal) }
        switch (column.type, literal) {
        case (.integer, .number(let v, _)), (.decimal, .number(let v, _)), (.boolean, .number(let v, _)):
            return v
        case (.boolean, .boolean(let v, _)):
            return v ? 1 : 0
        case (.boolean, .string(let s, _)):
            guard let v = Self.booleanValue(s, labels: column.booleanLabels) else { throw mismatch }
            return v
        case (.date, .string(let s, let span)):
            guard let date = CivilDate(parsing: s) else { throw error(.badDate(s), span) }
            return Double(date.daysSinceEpoch)
        case (.dateTime, .string(let s, let span)):
            // A date alone is its first instant, in the column's clock.
            let offset = Double(column.dateTimeStyle?.offset ?? 0)
            if let date = CivilDate(parsing: s) {
                return Double(date.daysSinceEpoch) * 86400 - offset
            } else if let (seconds, style) = Array(s.utf8).withUnsafeBufferPointer(DateTimeParsing.parse) {
                return style.zone.isEmpty ? seconds - offset : seconds
            } else {
                throw error(.badDate(s), span)
            }
        default:
            throw mismatch
        }
    }

    /// A column against a constant.
    /// The error for a constant of the wrong kind for the column (built only when thrown: it copies
    /// the expression's text).
    private func mismatch(_ column: Column, _ literal: FilterExpression) -> ExpressionError {
        error(.typeMismatch(column: column.name, columnType: column.type, value: source(literal.span)), literal.span)
    }

    private mutating func compare(_ column: Column, _ op: ComparisonOperator,
                                  _ literal: FilterExpression) throws(ExpressionError) -> [UInt8] {
        var mismatch: ExpressionError { self.mismatch(column, literal) }
        switch column.storage {
        case .numeric(let values):
            let target = try numericTarget(column, literal)
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

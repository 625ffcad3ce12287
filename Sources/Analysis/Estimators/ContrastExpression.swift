import Foundation

/// An arithmetic expression over named estimates — `web - (telefono + presencial) / 2`, `E / H`,
/// `0.7*E + 0.3*H` — as R's `svycontrast(stat, quote(…))` takes it: numbers, names, `+ - * /`,
/// parentheses and unary minus. A name that is not a plain word (spaces, `×`) goes in backticks,
/// quotes or «»: `«Villamaría» - Manizales`.
public struct ContrastExpression: Sendable {
    indirect enum Node: Sendable {
        case number(Double)
        case name(String)
        case negate(Node)
        case binary(Character, Node, Node)
    }

    public let text: String
    let root: Node

    public init(parsing text: String) throws(AnalysisError) {
        self.text = text
        var parser = Parser(characters: Array(text))
        root = try parser.expression()
        parser.skipSpaces()
        guard parser.index == parser.characters.count else { throw parser.unexpected(.operatorOrEnd) }
    }

    /// The names the expression uses, in order of first use.
    public var names: [String] {
        var seen: [String] = []
        func walk(_ node: Node) {
            switch node {
            case .number: break
            case .name(let n): if !seen.contains(n) { seen.append(n) }
            case .negate(let a): walk(a)
            case .binary(_, let a, let b): walk(a); walk(b)
            }
        }
        walk(root)
        return seen
    }

    /// The value and its gradient with respect to each of `values` (forward-mode differentiation:
    /// each name carries the unit vector of its position), which the delta method needs.
    func evaluate(_ values: [String: (value: Double, index: Int)], count: Int) -> (value: Double, gradient: [Double]) {
        func eval(_ node: Node) -> (Double, [Double]) {
            switch node {
            case .number(let x): return (x, [Double](repeating: 0, count: count))
            case .name(let n):
                let entry = values[n]!
                var unit = [Double](repeating: 0, count: count)
                unit[entry.index] = 1
                return (entry.value, unit)
            case .negate(let a):
                let (x, dx) = eval(a)
                return (-x, dx.map { -$0 })
            case .binary(let op, let a, let b):
                let (x, dx) = eval(a), (y, dy) = eval(b)
                switch op {
                case "+": return (x + y, zip(dx, dy).map { $0 + $1 })
                case "-": return (x - y, zip(dx, dy).map { $0 - $1 })
                case "*": return (x * y, zip(dx, dy).map { $0 * y + x * $1 })
                default: return (x / y, zip(dx, dy).map { ($0 * y - x * $1) / (y * y) })
                }
            }
        }
        return eval(root)
    }

    /// Recursive descent: expression = term {(+|-) term}; term = factor {(*|/) factor};
    /// factor = number | name | (expression) | -factor.
    struct Parser {
        let characters: [Character]
        var index = 0

        mutating func skipSpaces() { while index < characters.count && characters[index].isWhitespace { index += 1 } }

        func unexpected(_ expected: ContrastExpected) -> AnalysisError {
            let found = index < characters.count ? String(characters[index]) : nil
            return .contrastSyntax(expression: String(characters), column: index + 1, found: found, expected: expected)
        }

        mutating func expression() throws(AnalysisError) -> Node {
            var node = try term()
            while true {
                skipSpaces()
                guard index < characters.count, "+-−".contains(characters[index]) else { return node }
                let op: Character = characters[index] == "+" ? "+" : "-"
                index += 1
                node = .binary(op, node, try term())
            }
        }

        mutating func term() throws(AnalysisError) -> Node {
            var node = try factor()
            while true {
                skipSpaces()
                guard index < characters.count, "*/×·".contains(characters[index]) else { return node }
                let op: Character = characters[index] == "/" ? "/" : "*"
                index += 1
                node = .binary(op, node, try factor())
            }
        }

        mutating func factor() throws(AnalysisError) -> Node {
            skipSpaces()
            guard index < characters.count else { throw unexpected(.operand) }
            let c = characters[index]
            if c == "(" {
                index += 1
                let inner = try expression()
                skipSpaces()
                guard index < characters.count, characters[index] == ")" else { throw unexpected(.closingParenthesis) }
                index += 1
                return inner
            }
            if c == "-" || c == "−" {
                index += 1
                return .negate(try factor())
            }
            if let close: Character = ["`": "`", "\"": "\"", "«": "»"][c] {
                let start = index + 1
                guard let end = characters[start...].firstIndex(of: close) else {
                    index = characters.count
                    throw unexpected(.closingQuote(String(close)))
                }
                index = end + 1
                return .name(String(characters[start..<end]))
            }
            if c.isNumber || c == "." {
                let start = index
                while index < characters.count && (characters[index].isNumber || characters[index] == ".") { index += 1 }
                if index < characters.count, characters[index] == "e" || characters[index] == "E",
                   index + 1 < characters.count, characters[index + 1].isNumber || "+-".contains(characters[index + 1]) {
                    index += 2
                    while index < characters.count && characters[index].isNumber { index += 1 }
                }
                guard let value = Double(String(characters[start..<index])) else { index = start; throw unexpected(.number) }
                return .number(value)
            }
            if c.isLetter || c == "_" {
                let start = index
                while index < characters.count && (characters[index].isLetter || characters[index].isNumber || "_.".contains(characters[index])) { index += 1 }
                return .name(String(characters[start..<index]))
            }
            throw unexpected(.operand)
        }
    }
}

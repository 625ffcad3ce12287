/// Parses a filter expression by recursive descent. Precedence, loosest first: `or`, `and`, `not`,
/// then comparisons (`==` `!=` `<` `<=` `>` `>=`, `in [...]`, `not in [...]`, `is missing`,
/// `is not missing`); parentheses group.
///
/// ```
/// expression := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | comparison
/// comparison := operand (op operand | ["not"] "in" list | "is" ["not"] "missing")?
/// operand    := column | number | string | true | false | "(" expression ")"
/// list       := "[" operand ("," operand)* "]"
/// ```
public struct ExpressionParser {
    private let text: String
    private let tokens: [ExpressionLexer.Token]
    private var position = 0
    /// Deep nesting is refused rather than allowed to exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 200

    public static func parse(_ text: String) throws(ExpressionError) -> FilterExpression {
        var parser = ExpressionParser(text: text, tokens: try ExpressionLexer.tokenize(text))
        if parser.tokens.count == 1 {
            throw ExpressionError(.empty, expression: text, span: Span(start: 0, end: max(1, text.count)))
        }
        let expression = try parser.parseOr()
        guard parser.current.kind == .end else { throw parser.unexpected(expecting: .operatorOrEnd) }
        return expression
    }

    private init(text: String, tokens: [ExpressionLexer.Token]) {
        self.text = text
        self.tokens = tokens
    }

    private var current: ExpressionLexer.Token { tokens[position] }

    private mutating func advance() -> ExpressionLexer.Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func unexpected(expecting: ExpressionError.Expected) -> ExpressionError {
        ExpressionError(.unexpectedToken(expected: expecting, found: describe(current)), expression: text,
                        span: current.span)
    }

    private func describe(_ token: ExpressionLexer.Token) -> String {
        if token.kind == .end { return "" }
        let chars = Array(text)
        return String(chars[token.span.start..<min(token.span.end, chars.count)])
    }

    private mutating func nest() throws(ExpressionError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ExpressionError(.tooDeep, expression: text, span: current.span)
        }
    }

    private mutating func parseOr() throws(ExpressionError) -> FilterExpression {
        try nest()
        defer { depth -= 1 }
        var left = try parseAnd()
        while current.kind == .keyword(.or) {
            _ = advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> FilterExpression {
        var left = try parseUnary()
        while current.kind == .keyword(.and) {
            _ = advance()
            left = .and(left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> FilterExpression {
        if current.kind == .keyword(.not) {
            let token = advance()
            try nest()
            defer { depth -= 1 }
            let operand = try parseUnary()
            return .not(operand, token.span.union(operand.span))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> FilterExpression {
        let left = try parseOperand()
        switch current.kind {
        case .comparison(let op):
            _ = advance()
            let right = try parseOperand()
            return .comparison(op, left, right, left.span.union(right.span))
        case .keyword(.in):
            _ = advance()
            let (items, end) = try parseList()
            return .membership(left, items, negated: false, left.span.union(end))
        case .keyword(.not) where tokens[position + 1].kind == .keyword(.in):
            _ = advance()
            _ = advance()
            let (items, end) = try parseList()
            return .membership(left, items, negated: true, left.span.union(end))
        case .keyword(.is):
            _ = advance()
            var negated = false
            if current.kind == .keyword(.not) {
                _ = advance()
                negated = true
            }
            guard current.kind == .keyword(.missing) else { throw unexpected(expecting: .missingKeyword) }
            let end = advance().span
            return .missing(left, negated: negated, left.span.union(end))
        default:
            return left
        }
    }

    private mutating func parseList() throws(ExpressionError) -> ([FilterExpression], Span) {
        guard current.kind == .leftBracket else { throw unexpected(expecting: .list) }
        _ = advance()
        var items: [FilterExpression] = []
        while true {
            items.append(try parseOperand())
            if current.kind == .comma { _ = advance(); continue }
            guard current.kind == .rightBracket else { throw unexpected(expecting: .commaOrBracket) }
            return (items, advance().span)
        }
    }

    private mutating func parseOperand() throws(ExpressionError) -> FilterExpression {
        let token = current
        switch token.kind {
        case .identifier(let name): _ = advance(); return .column(name, token.span)
        case .number(let value): _ = advance(); return .number(value, token.span)
        case .string(let value): _ = advance(); return .string(value, token.span)
        case .keyword(.true): _ = advance(); return .boolean(true, token.span)
        case .keyword(.false): _ = advance(); return .boolean(false, token.span)
        case .leftParen:
            _ = advance()
            let inner = try parseOr()
            guard current.kind == .rightParen else { throw unexpected(expecting: .closingParen) }
            _ = advance()
            return inner
        default:
            throw unexpected(expecting: .operand)
        }
    }
}

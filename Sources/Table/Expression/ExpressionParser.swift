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
/// list       := "[" operand ("," operand)* "]" | ("archivo" | "file") string
/// ```
///
/// An expression is at most ``maximumTokens`` tokens (about 50,000 `or` terms, or a list of 200,000
/// values): beyond, «expresión demasiado larga» and the advice to put the values in a file.
public struct ExpressionParser {
    private let text: String
    private let tokens: [ExpressionLexer.Token]
    private var position = 0
    /// Deep nesting is refused rather than allowed to exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 200
    public static let maximumTokens = 400_000

    public static func parse(_ text: String) throws(ExpressionError) -> FilterExpression {
        let tokens = try ExpressionLexer.tokenize(text)
        if tokens.count > maximumTokens {
            let start = tokens[maximumTokens].span.start
            throw ExpressionError(.tooLong(limit: maximumTokens), expression: text, span: Span(start: start, end: start + 1))
        }
        var parser = ExpressionParser(text: text, tokens: tokens)
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
        var terms = [try parseAnd()]
        while current.kind == .keyword(.or) {
            _ = advance()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseAnd() throws(ExpressionError) -> FilterExpression {
        var terms = [try parseUnary()]
        while current.kind == .keyword(.and) {
            _ = advance()
            terms.append(try parseUnary())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
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
            return try parseMembership(left, negated: false)
        case .keyword(.not) where tokens[position + 1].kind == .keyword(.in):
            _ = advance()
            _ = advance()
            return try parseMembership(left, negated: true)
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

    /// After `in`: a list in brackets, or `archivo "ruta"` (`file "path"`).
    private mutating func parseMembership(_ left: FilterExpression, negated: Bool) throws(ExpressionError) -> FilterExpression {
        if case .identifier(let word) = current.kind, ["archivo", "file"].contains(word.lowercased()),
           case .string(let path) = tokens[position + 1].kind {
            _ = advance()
            let end = advance().span
            return .membershipFile(left, path: path, negated: negated, left.span.union(end))
        }
        let (items, end) = try parseList()
        return .membership(left, items, negated: negated, left.span.union(end))
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

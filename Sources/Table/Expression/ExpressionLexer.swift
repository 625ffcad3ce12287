/// Splits a filter expression into tokens. Keywords are English or Spanish (`and`/`y`, `or`/`o`,
/// `not`/`no`, `in`/`en`, `is missing`); column names may carry accents or be written between
/// backquotes (`` `nombre con espacios` ``); strings go between double or single quotes.
struct ExpressionLexer {
    enum Kind: Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case keyword(Keyword)
        case comparison(ComparisonOperator)
        case leftParen, rightParen, leftBracket, rightBracket, comma, end
    }

    enum Keyword: String {
        case and, or, not, `in`, `is`, missing, `true`, `false`
    }

    struct Token: Equatable {
        var kind: Kind
        var span: Span
    }

    static let keywords: [String: Keyword] = [
        "and": .and, "y": .and, "or": .or, "o": .or, "not": .not, "no": .not, "in": .in, "en": .in,
        "is": .is, "es": .is, "missing": .missing, "faltante": .missing, "vacío": .missing, "vacio": .missing,
        "true": .true, "verdadero": .true, "false": .false, "falso": .false,
    ]

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        func error(_ kind: ExpressionError.Kind, _ start: Int, _ end: Int) -> ExpressionError {
            ExpressionError(kind, expression: text, span: Span(start: start, end: end))
        }
        while i < chars.count {
            let c = chars[i]
            let start = i
            if c.isWhitespace { i += 1; continue }
            switch c {
            case "(": tokens.append(Token(kind: .leftParen, span: Span(start: i, end: i + 1))); i += 1
            case ")": tokens.append(Token(kind: .rightParen, span: Span(start: i, end: i + 1))); i += 1
            case "[": tokens.append(Token(kind: .leftBracket, span: Span(start: i, end: i + 1))); i += 1
            case "]": tokens.append(Token(kind: .rightBracket, span: Span(start: i, end: i + 1))); i += 1
            case ",": tokens.append(Token(kind: .comma, span: Span(start: i, end: i + 1))); i += 1
            case "=", "!", "<", ">", "&", "|":
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let pair = next.map { String([c, $0]) } ?? String(c)
                let kind: Kind
                var width = 2
                switch pair {
                case "==": kind = .comparison(.equal)
                case "!=", "<>": kind = .comparison(.notEqual)
                case "<=": kind = .comparison(.lessOrEqual)
                case ">=": kind = .comparison(.greaterOrEqual)
                case "&&": kind = .keyword(.and)
                case "||": kind = .keyword(.or)
                default:
                    width = 1
                    switch c {
                    case "=": kind = .comparison(.equal)
                    case "<": kind = .comparison(.less)
                    case ">": kind = .comparison(.greater)
                    case "!": kind = .keyword(.not)
                    default: throw error(.unexpectedCharacter(c), i, i + 1)
                    }
                }
                tokens.append(Token(kind: kind, span: Span(start: i, end: i + width)))
                i += width
            case "\"", "'":
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\" && i + 1 < chars.count {
                        value.append(chars[i + 1])
                        i += 2
                    } else if chars[i] == c {
                        closed = true
                        i += 1
                        break
                    } else {
                        value.append(chars[i])
                        i += 1
                    }
                }
                guard closed else { throw error(.unterminatedString, start, chars.count) }
                tokens.append(Token(kind: .string(value), span: Span(start: start, end: i)))
            case "`":
                i += 1
                var name = ""
                while i < chars.count && chars[i] != "`" { name.append(chars[i]); i += 1 }
                guard i < chars.count else { throw error(.unterminatedString, start, chars.count) }
                i += 1
                tokens.append(Token(kind: .identifier(name), span: Span(start: start, end: i)))
            default:
                if c.isNumber && c.isASCII || (c == "-" && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)
                    || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                    i += 1
                    while i < chars.count && (chars[i].isASCII && (chars[i].isNumber || chars[i] == "."
                        || chars[i] == "e" || chars[i] == "E"
                        || ((chars[i] == "-" || chars[i] == "+") && (chars[i - 1] == "e" || chars[i - 1] == "E")))) {
                        i += 1
                    }
                    let literal = String(chars[start..<i])
                    guard let value = Double(literal) else { throw error(.badNumber(literal), start, i) }
                    tokens.append(Token(kind: .number(value), span: Span(start: start, end: i)))
                } else if c.isLetter || c == "_" {
                    while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") { i += 1 }
                    let word = String(chars[start..<i])
                    let kind = Self.keywords[word.lowercased()].map(Kind.keyword) ?? .identifier(word)
                    tokens.append(Token(kind: kind, span: Span(start: start, end: i)))
                } else {
                    throw error(.unexpectedCharacter(c), i, i + 1)
                }
            }
        }
        tokens.append(Token(kind: .end, span: Span(start: chars.count, end: chars.count + 1)))
        return tokens
    }
}

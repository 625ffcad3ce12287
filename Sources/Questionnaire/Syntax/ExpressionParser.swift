import Diagnostics

/// Parses an expression of the questionnaire language from a line's tokens:
///
/// ```
/// expr    := and ('o' and)*
/// and     := not ('y' not)*
/// not     := 'no' not | compare
/// compare := sum ( op sum | 'en' '(' sum (',' sum)* ')' | 'incluye' NUMBER | 'respondida' | 'es' NAME )?
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := '-' unary | NUMBER | STRING | ID | 'modo' | '(' expr ')' | NAME '(' (expr (',' expr)*)? ')'
/// ```
/// with op one of `=` `<>` `!=` `<` `<=` `>` `>=`.
struct ExpressionParser {
    let tokens: [Token]
    var index: Int
    var depth = 0
    var failed = false

    init(tokens: [Token], from index: Int) {
        self.tokens = tokens
        self.index = index
    }

    var current: Token? { index < tokens.count ? tokens[index] : nil }

    /// The most tokens an expression may have. Every pass over a condition (checks, compilation, the
    /// browser's script) walks its tree, and a chain of tens of thousands of «o» made them overflow the
    /// stack; no real condition comes near (a list of 300 codes is `en (…)`, about 600 tokens).
    static let maximumTokens = 2_000

    mutating func parse(sink: inout DiagnosticSink) -> Expression? {
        if tokens.count - index > Self.maximumTokens {
            let first = tokens[index]
            sink.error("DSL-012", at: first.position, width: first.width,
                       "la expresión es demasiado larga (\(NumberText.integer(tokens.count - index)) piezas; el máximo es \(NumberText.integer(Self.maximumTokens))): divídala en preguntas calculadas o use «en (…)»",
                       "the expression is too long (\(tokens.count - index) tokens; at most \(Self.maximumTokens)): split it into calculated questions or use «en (…)»")
            return nil
        }
        let expression = parseOr(&sink)
        return failed ? nil : expression
    }

    private mutating func fail(_ sink: inout DiagnosticSink, _ spanish: String, _ english: String) -> Expression? {
        if !failed {
            let position = current?.position ?? TextPosition(line: tokens.last?.position.line ?? 1, column: (tokens.last.map { $0.position.column + $0.width }) ?? 1)
            sink.error("DSL-010", at: position, width: current?.width ?? 1, spanish, english)
        }
        failed = true
        return nil
    }

    private mutating func parseOr(_ sink: inout DiagnosticSink) -> Expression? {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { return fail(&sink, "la expresión anida demasiados paréntesis", "the expression nests too many parentheses") }
        guard var left = parseAnd(&sink) else { return nil }
        while current?.keyword == "o" {
            let position = current!.position
            index += 1
            guard let right = parseAnd(&sink) else { return nil }
            left = .binary("o", left, right, position)
        }
        return left
    }

    private mutating func parseAnd(_ sink: inout DiagnosticSink) -> Expression? {
        guard var left = parseNot(&sink) else { return nil }
        while current?.keyword == "y" {
            let position = current!.position
            index += 1
            guard let right = parseNot(&sink) else { return nil }
            left = .binary("y", left, right, position)
        }
        return left
    }

    private mutating func parseNot(_ sink: inout DiagnosticSink) -> Expression? {
        if current?.keyword == "no" {
            let position = current!.position
            index += 1
            depth += 1
            defer { depth -= 1 }
            if depth > 100 { return fail(&sink, "la expresión anida demasiadas negaciones", "the expression nests too many negations") }
            guard let inner = parseNot(&sink) else { return nil }
            return .unary("no", inner, position)
        }
        return parseCompare(&sink)
    }

    private mutating func parseCompare(_ sink: inout DiagnosticSink) -> Expression? {
        guard let left = parseSum(&sink) else { return nil }
        guard let token = current else { return left }
        if case .symbol(let s) = token.kind, ["=", "<>", "!=", "<", "<=", ">", ">="].contains(s) {
            index += 1
            guard let right = parseSum(&sink) else { return nil }
            return .binary(s == "!=" ? "<>" : s, left, right, token.position)
        }
        switch token.keyword {
        case "en":
            index += 1
            guard current?.isSymbol("(") == true else { return fail(&sink, "se esperaba «(» después de «en», p. ej. en (1, 2)", "expected «(» after «en», e.g. en (1, 2)") }
            index += 1
            var items: [Expression] = []
            while true {
                guard let item = parseSum(&sink) else { return nil }
                items.append(item)
                if current?.isSymbol(",") == true { index += 1; continue }
                guard current?.isSymbol(")") == true else { return fail(&sink, "se esperaba «,» o «)» en la lista de «en»", "expected «,» or «)» in the «en» list") }
                index += 1
                return .membership(left, items, token.position)
            }
        case "incluye":
            index += 1
            guard case .number(let code)? = current?.kind else { return fail(&sink, "se esperaba un código después de «incluye»", "expected a code after «incluye»") }
            index += 1
            return .includes(left, Int(code), token.position)
        case "respondida", "respondido":
            index += 1
            return .answered(left, token.position)
        case "es":
            index += 1
            guard let name = current?.word else { return fail(&sink, "se esperaba NS o NR después de «es»", "expected NS or NR after «es»") }
            index += 1
            return .isSpecial(left, name.uppercased(), token.position)
        default:
            return left
        }
    }

    private mutating func parseSum(_ sink: inout DiagnosticSink) -> Expression? {
        guard var left = parseProduct(&sink) else { return nil }
        while let token = current, token.isSymbol("+") || token.isSymbol("-") {
            index += 1
            guard let right = parseProduct(&sink) else { return nil }
            left = .binary(token.isSymbol("+") ? "+" : "-", left, right, token.position)
        }
        return left
    }

    private mutating func parseProduct(_ sink: inout DiagnosticSink) -> Expression? {
        guard var left = parseUnary(&sink) else { return nil }
        while let token = current, token.isSymbol("*") || token.isSymbol("/") {
            index += 1
            guard let right = parseUnary(&sink) else { return nil }
            left = .binary(token.isSymbol("*") ? "*" : "/", left, right, token.position)
        }
        return left
    }

    private mutating func parseUnary(_ sink: inout DiagnosticSink) -> Expression? {
        guard let token = current else { return fail(&sink, "falta una expresión al final de la línea", "an expression is missing at the end of the line") }
        switch token.kind {
        case .symbol("-"):
            index += 1
            depth += 1
            defer { depth -= 1 }
            if depth > 100 { return fail(&sink, "la expresión anida demasiados signos", "the expression nests too many signs") }
            guard let inner = parseUnary(&sink) else { return nil }
            return .unary("-", inner, token.position)
        case .number(let value):
            index += 1
            return .number(value, token.position)
        case .string(let value):
            index += 1
            return .text(value, token.position)
        case .word(let word):
            index += 1
            if token.keyword == "modo" { return .mode(token.position) }
            if current?.isSymbol("(") == true { return parseCall(word, at: token, &sink) }
            return .reference(word, token.position)
        case .symbol("("):
            index += 1
            guard let inner = parseOr(&sink) else { return nil }
            guard current?.isSymbol(")") == true else { return fail(&sink, "falta «)»", "«)» is missing") }
            index += 1
            return inner
        default:
            return fail(&sink, "se esperaba un valor, una pregunta o «(»", "expected a value, a question or «(»")
        }
    }

    /// `nombre(a, b)`: a function of ``Function`` with as many arguments as it takes.
    private mutating func parseCall(_ name: String, at token: Token, _ sink: inout DiagnosticSink) -> Expression? {
        guard let function = Function(folding: name) else {
            index -= 1
            let hint = Suggestion.hints(for: name, among: Function.allCases.map(\.rawValue))
            let known = Function.allCases.map(\.rawValue).joined(separator: ", ")
            return fail(&sink, "«\(name)» no es una función del lenguaje\(hint.spanish); las funciones son: \(known)",
                        "«\(name)» is not a function of the language\(hint.english); the functions are: \(known)")
        }
        index += 1  // «(»
        var arguments: [Expression] = []
        if current?.isSymbol(")") == true {
            index += 1
        } else {
            while true {
                guard let argument = parseOr(&sink) else { return nil }
                arguments.append(argument)
                if current?.isSymbol(",") == true { index += 1; continue }
                guard current?.isSymbol(")") == true else {
                    return fail(&sink, "se esperaba «,» o «)» en los argumentos de «\(function.rawValue)»: \(function.usage)",
                                "expected «,» or «)» in the arguments of «\(function.rawValue)»: \(function.usage)")
                }
                index += 1
                break
            }
        }
        guard function.arity.contains(arguments.count) else {
            if !failed {
                let expected = function.arity.count == 1 ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) o \(function.arity.upperBound)"
                sink.error("DSL-010", at: token.position, width: token.width,
                           "«\(function.rawValue)» lleva \(expected) argumento\(function.arity.upperBound == 1 ? "" : "s") y aquí tiene \(arguments.count): \(function.usage)",
                           "«\(function.rawValue)» takes \(function.arity.count == 1 ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) or \(function.arity.upperBound)") argument(s), here \(arguments.count): \(function.usage)")
            }
            failed = true
            return nil
        }
        return .call(function, arguments, token.position)
    }
}

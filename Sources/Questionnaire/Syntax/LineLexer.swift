import Diagnostics

/// A token of one line of a `.encuesta` file.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word(String)
        case number(Double)
        case string(String)
        case symbol(String)
    }

    var kind: Kind
    var position: TextPosition
    var width: Int

    /// The word folded (lower case, no accents): keywords compare in this form.
    var keyword: String? {
        if case .word(let w) = kind { return String(Suggestion.fold(w)) }
        return nil
    }

    var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
}

/// Splits one line into tokens: words (letters with accents, digits, `_`), numbers, strings in double
/// quotes (`""` for a quote inside), and symbols. `#` outside a string starts a comment.
enum LineLexer {
    static let symbols = ["..", "->", "<>", "!=", "<=", ">=", "→", ":", ",", "|", "=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", "{", "}", ".", "%", "@"]

    static func tokenize(_ line: String, number: Int, sink: inout DiagnosticSink) -> [Token] {
        let chars = Array(line)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let position = TextPosition(line: number, column: i + 1)
            if c == "#" { break }
            if c == " " || c == "\t" || c == "\r" { i += 1; continue }
            if c == "\"" {
                var value = ""
                var j = i + 1
                var closed = false
                while j < chars.count {
                    if chars[j] == "\"" {
                        if j + 1 < chars.count && chars[j + 1] == "\"" { value.append("\""); j += 2; continue }
                        closed = true
                        j += 1
                        break
                    }
                    value.append(chars[j])
                    j += 1
                }
                if !closed {
                    sink.error("DSL-002", at: position, width: chars.count - i, "faltan las comillas de cierre de este texto",
                               "this text is missing its closing quote")
                }
                tokens.append(Token(kind: .string(value), position: position, width: j - i))
                i = j
                continue
            }
            if c.isNumber && c.isASCII {
                var j = i
                while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
                if j + 1 < chars.count && chars[j] == "." && chars[j + 1].isASCII && chars[j + 1].isNumber {
                    j += 1
                    while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
                }
                let text = String(chars[i..<j])
                tokens.append(Token(kind: .number(Double(text) ?? 0), position: position, width: j - i))
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                tokens.append(Token(kind: .word(String(chars[i..<j])), position: position, width: j - i))
                i = j
                continue
            }
            if let symbol = symbols.first(where: { s in
                let sc = Array(s)
                return i + sc.count <= chars.count && Array(chars[i..<(i + sc.count)]) == sc
            }) {
                tokens.append(Token(kind: .symbol(symbol == "->" ? "→" : symbol), position: position, width: symbol.count))
                i += symbol.count
                continue
            }
            sink.error("DSL-003", at: position, "carácter inesperado «\(c)»", "unexpected character «\(c)»")
            i += 1
        }
        return tokens
    }

    /// The line without a trailing comment (a `#` outside double quotes).
    static func stripComment(_ line: String) -> String {
        var inString = false
        var result = ""
        for c in line {
            if c == "\"" { inString.toggle() }
            if c == "#" && !inString { break }
            result.append(c)
        }
        return result
    }
}

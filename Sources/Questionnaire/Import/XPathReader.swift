/// Reads the XPath of an XLSForm (relevant, constraint, calculation, choice_filter) into the
/// questionnaire language, for `questionnaire import`. The subset forms are written in: `${name}`, `.`,
/// numbers and quoted texts, `= != < <= > >=`, `+ - * div`, `and or not()`, parentheses, and the
/// functions the language has (`selected`, `count-selected`, `string-length`, `if`, `round`, `today`,
/// `regex`, `date`, `decimal-date-time` in a difference or an offset). Anything else is refused with
/// the reason, and the importer lists it.
struct XPathReader {
    indirect enum Node: Equatable {
        case number(Double)
        case text(String)
        case reference(String)
        case current
        case call(String, [Node])
        case binary(String, Node, Node)
        case negate(Node)
    }

    struct Unsupported: Error { var reason: String }

    private var tokens: [String] = []
    private var index = 0

    /// The expression's tree, or why it cannot be read.
    static func parse(_ text: String) throws(Unsupported) -> Node {
        var reader = XPathReader()
        reader.tokens = try tokenize(text)
        guard !reader.tokens.isEmpty else { throw Unsupported(reason: "expresión vacía") }
        let node = try reader.parseOr()
        guard reader.index == reader.tokens.count else { throw Unsupported(reason: "sobra «\(reader.tokens[reader.index])»") }
        return node
    }

    private static func tokenize(_ text: String) throws(Unsupported) -> [String] {
        let chars = Array(text)
        var tokens: [String] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "$" && i + 1 < chars.count && chars[i + 1] == "{" {
                guard let close = chars[i...].firstIndex(of: "}") else { throw Unsupported(reason: "falta «}» en una referencia ${…}") }
                tokens.append("$" + String(chars[(i + 2)..<close]))
                i = close + 1
                continue
            }
            if c == "'" || c == "\"" {
                guard let close = chars[(i + 1)...].firstIndex(of: c) else { throw Unsupported(reason: "faltan las comillas de cierre") }
                tokens.append("'" + String(chars[(i + 1)..<close]))
                i = close + 1
                continue
            }
            if c.isNumber && c.isASCII || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count && (chars[j].isNumber && chars[j].isASCII || chars[j] == ".") { j += 1 }
                tokens.append("#" + String(chars[i..<j]))
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "-" || chars[j] == ":" || chars[j] == ".") { j += 1 }
                tokens.append(String(chars[i..<j]))
                i = j
                continue
            }
            let symbols = ["!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", ",", ".", "/", "|", "[", "]", "@"]
            if let symbol = symbols.first(where: { i + $0.count <= chars.count && String(chars[i..<(i + $0.count)]) == $0 }) {
                tokens.append(symbol)
                i += symbol.count
                continue
            }
            throw Unsupported(reason: "carácter inesperado «\(c)»")
        }
        return tokens
    }

    private var current: String? { index < tokens.count ? tokens[index] : nil }

    private mutating func expect(_ token: String) throws(Unsupported) {
        guard current == token else { throw Unsupported(reason: "se esperaba «\(token)»") }
        index += 1
    }

    private mutating func parseOr() throws(Unsupported) -> Node {
        var left = try parseAnd()
        while current == "or" { index += 1; left = .binary("or", left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(Unsupported) -> Node {
        var left = try parseEquality()
        while current == "and" { index += 1; left = .binary("and", left, try parseEquality()) }
        return left
    }

    private mutating func parseEquality() throws(Unsupported) -> Node {
        var left = try parseRelation()
        while let op = current, op == "=" || op == "!=" { index += 1; left = .binary(op, left, try parseRelation()) }
        return left
    }

    private mutating func parseRelation() throws(Unsupported) -> Node {
        var left = try parseSum()
        while let op = current, ["<", "<=", ">", ">="].contains(op) { index += 1; left = .binary(op, left, try parseSum()) }
        return left
    }

    private mutating func parseSum() throws(Unsupported) -> Node {
        var left = try parseProduct()
        while let op = current, op == "+" || op == "-" { index += 1; left = .binary(op, left, try parseProduct()) }
        return left
    }

    private mutating func parseProduct() throws(Unsupported) -> Node {
        var left = try parseUnary()
        while let op = current, op == "*" || op == "div" || op == "mod" {
            guard op != "mod" else { throw Unsupported(reason: "«mod» (el resto de una división) no está en el lenguaje") }
            index += 1
            left = .binary(op == "div" ? "/" : "*", left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(Unsupported) -> Node {
        if current == "-" { index += 1; return .negate(try parseUnary()) }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(Unsupported) -> Node {
        guard let token = current else { throw Unsupported(reason: "la expresión termina antes de tiempo") }
        index += 1
        if token.hasPrefix("$") { return .reference(String(token.dropFirst())) }
        if token.hasPrefix("'") { return .text(String(token.dropFirst())) }
        if token.hasPrefix("#") {
            guard let x = Double(token.dropFirst()) else { throw Unsupported(reason: "número ilegible «\(token.dropFirst())»") }
            return .number(x)
        }
        if token == "." { return .current }
        if token == "(" {
            let inner = try parseOr()
            try expect(")")
            return inner
        }
        if token.first?.isLetter == true, current == "(" {
            index += 1
            var arguments: [Node] = []
            if current != ")" {
                while true {
                    arguments.append(try parseOr())
                    if current == "," { index += 1; continue }
                    break
                }
            }
            try expect(")")
            return .call(token, arguments)
        }
        throw Unsupported(reason: "«\(token)» (rutas XPath, instancias y ejes no están en el lenguaje)")
    }
}

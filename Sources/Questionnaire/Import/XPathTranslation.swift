import Foundation

/// An XLSForm expression written in the questionnaire language, with the names and codes the import
/// gave: `${servicio} = '3'` → `servicio = 3`, `selected(${m}, 'a')` → `m incluye 1` (when the list's
/// names were numbered), `string-length(${x}) > 0` → `x respondida`, `.` → the question itself.
struct XPathTranslation {
    enum Kind { case single, multiple, number, text, date, other }

    /// XLSForm name → the id it has in the `.encuesta`.
    var ids: [String: String]
    /// The kind of each question (by its new id), to read `= ''` and quoted values.
    var kinds: [String: Kind]
    /// For choice questions (by new id): choice name → code.
    var codes: [String: [String: Int]]
    /// The question `.` stands for.
    var own: String?
    /// The declared specials by code (98 → NS), and the ones each question allows (by new id).
    var specials: [Int: String] = [:]
    var allowed: [String: Set<String>] = [:]

    typealias Node = XPathReader.Node
    typealias Unsupported = XPathReader.Unsupported

    /// The expression as text of the language.
    func source(_ text: String) throws(Unsupported) -> String {
        try render(try XPathReader.parse(text)).text
    }

    /// Precedence of the language's operators: o 1, y 2, no 3, comparisons 4, + - 5, * / 6, atoms 8.
    private func render(_ node: Node) throws(Unsupported) -> (text: String, level: Int) {
        switch node {
        case .number(let x): return (PlainNumber.text(x), 8)
        case .text(let s): return ("\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"", 8)
        case .reference(let name): return (try id(name), 8)
        case .current:
            guard let own else { throw Unsupported(reason: "«.» solo tiene sentido en una restricción") }
            return (own, 8)
        case .negate(let inner): return ("-" + wrap(try render(inner), 7), 7)
        case .binary(let op, let a, let b):
            switch op {
            case "or":
                // «x = 1 or x = 2 or x = 3» (how `en` is exported) is `x en (1, 2, 3)` again.
                let terms = Self.disjuncts(node)
                if terms.count > 1, let first = terms.first, case .binary("=", let subjectNode, _) = first, let q = subject(subjectNode),
                   terms.allSatisfy({ if case .binary("=", let s, let v) = $0, subject(s) == q, v.isLiteral { return true } else { return false } }) {
                    let values = try terms.map { term throws(Unsupported) -> String in
                        guard case .binary(_, let s, let v) = term else { return "" }
                        return try operand(v, against: s).text
                    }
                    return ("\(q) en (\(values.joined(separator: ", ")))", 4)
                }
                // A «y» inside an «o» keeps its parentheses, as the language writes it.
                func part(_ p: (text: String, level: Int)) -> String { p.level == 2 ? "(\(p.text))" : p.text }
                return (part(try render(a)) + " o " + part(try render(b)), 1)
            case "and": return (wrap(try render(a), 2) + " y " + wrap(try render(b), 2), 2)
            case "=", "!=", "<", "<=", ">", ">=": return try comparison(op, a, b)
            case "+", "-":
                if op == "-", let counted = countedWithoutSpecials(a, b) { return ("contar(\(counted))", 8) }
                if op == "-", case .call("decimal-date-time", let to) = a, case .call("decimal-date-time", let from) = b, to.count == 1, from.count == 1 {
                    return ("dias(\(try date(from[0])), \(try date(to[0])))", 8)
                }
                return (wrap(try render(a), 5) + " \(op) " + wrap(try render(b), 6), 5)
            default: return (wrap(try render(a), 6) + " \(op) " + wrap(try render(b), 7), 6)
            }
        case .call(let name, let arguments): return (try call(name, arguments), name == "not" ? 3 : 8)
        }
    }

    private func wrap(_ part: (text: String, level: Int), _ needed: Int) -> String { part.level < needed ? "(\(part.text))" : part.text }

    /// The terms of a chain of «or».
    static func disjuncts(_ node: Node) -> [Node] {
        if case .binary("or", let a, let b) = node { return disjuncts(a) + disjuncts(b) }
        return [node]
    }

    private func id(_ name: String) throws(Unsupported) -> String {
        guard let id = ids[name] else { throw Unsupported(reason: "${\(name)} no es una pregunta convertida") }
        return id
    }

    /// A question named in the node (a reference or `.`), by its new id.
    private func subject(_ node: Node) -> String? {
        switch node {
        case .reference(let name): return ids[name]
        case .current: return own
        default: return nil
        }
    }

    private func comparison(_ op: String, _ a: Node, _ b: Node) throws(Unsupported) -> (text: String, level: Int) {
        let symbol = op == "!=" ? "<>" : op
        // «x = ''», «x != ''»: whether it was answered.
        for (side, other) in [(a, b), (b, a)] {
            if let q = subject(side), case .text("") = other, op == "=" || op == "!=" {
                return (op == "=" ? "no \(q) respondida" : "\(q) respondida", op == "=" ? 3 : 4)
            }
        }
        // «string-length(x) > 0» and its forms.
        if case .call("string-length", let inner) = a, inner.count == 1, let q = subject(inner[0]), case .number(0) = b {
            if op == ">" || op == "!=" { return ("\(q) respondida", 4) }
            if op == "=" || op == "<=" { return ("no \(q) respondida", 3) }
        }
        // «x = 98» where 98 is a special the question allows: «x es NS».
        if op == "=" || op == "!=" {
            for (side, other) in [(a, b), (b, a)] {
                guard let q = subject(side), case .number(let x) = other, let name = specials[Int(x)], allowed[q]?.contains(name) == true else { continue }
                return (op == "=" ? "\(q) es \(name)" : "no \(q) es \(name)", op == "=" ? 4 : 3)
            }
        }
        let left = try operand(a, against: b), right = try operand(b, against: a)
        return (wrap(left, 5) + " \(symbol) " + wrap(right, 5), 4)
    }

    /// A side of a comparison; a quoted value compared with a choice question becomes its code, with a
    /// number question a number.
    private func operand(_ node: Node, against other: Node) throws(Unsupported) -> (text: String, level: Int) {
        if case .text(let value) = node, let q = subject(other) {
            switch kinds[q] {
            case .single?, .multiple?:
                guard let code = codes[q]?[value] ?? Int(value) else { throw Unsupported(reason: "«\(value)» no es una opción de «\(q)»") }
                return (String(code), 8)
            case .number?:
                if let x = Double(value) { return (PlainNumber.text(x), 8) }
            default: break
            }
        }
        return try render(node)
    }

    /// A date argument: `date('2020-01-01')` and `'2020-01-01'` are the written date, `date(x)` is x.
    private func date(_ node: Node) throws(Unsupported) -> String {
        if case .call("date", let inner) = node, inner.count == 1 { return try date(inner[0]) }
        return try render(node).text
    }

    /// `count-selected(x) - number(selected(x, '98')) - …`, how Sondeo exports `contar(x)` when the list
    /// carries NS/NR: the question, when `a - b` is that.
    private func countedWithoutSpecials(_ a: Node, _ b: Node) -> String? {
        guard case .call("number", let inner) = b, inner.count == 1, case .call("selected", let args) = inner[0], args.count == 2, let q = subject(args[0]) else { return nil }
        if case .call("count-selected", let counted) = a, counted.count == 1, subject(counted[0]) == q { return q }
        if case .binary("-", let left, let right) = a, let earlier = countedWithoutSpecials(left, right), earlier == q { return q }
        return nil
    }

    private func call(_ name: String, _ arguments: [Node]) throws(Unsupported) -> String {
        func args(_ n: Int) throws(Unsupported) {
            guard arguments.count == n else { throw Unsupported(reason: "«\(name)» con \(arguments.count) argumentos") }
        }
        switch name {
        case "not":
            try args(1)
            return "no " + wrap(try render(arguments[0]), 4)
        case "selected":
            try args(2)
            guard let q = subject(arguments[0]), case .text(let value) = arguments[1] else { throw Unsupported(reason: "«selected» sobre algo que no es una pregunta") }
            guard let code = codes[q]?[value] ?? Int(value) else { throw Unsupported(reason: "«\(value)» no es una opción de «\(q)»") }
            return "\(q) incluye \(code)"
        case "count-selected":
            try args(1)
            guard let q = subject(arguments[0]) else { throw Unsupported(reason: "«count-selected» sobre algo que no es una pregunta") }
            return "contar(\(q))"
        case "string-length": try args(1); return "longitud(\(try render(arguments[0]).text))"
        case "if": try args(3); return "si(\(try render(arguments[0]).text), \(try render(arguments[1]).text), \(try render(arguments[2]).text))"
        case "round":
            guard arguments.count == 1 || arguments.count == 2 else { try args(2); return "" }
            // Sondeo's export of dias(): round(decimal-date-time(b) - decimal-date-time(a), 0).
            if case .binary("-", .call("decimal-date-time", _), .call("decimal-date-time", _)) = arguments[0] { return try render(arguments[0]).text }
            return "redondear(" + (try arguments.map { (a) throws(Unsupported) in try render(a).text }).joined(separator: ", ") + ")"
        case "today": try args(0); return "hoy()"
        case "regex":
            try args(2)
            guard case .text(let pattern) = arguments[1] else { throw Unsupported(reason: "«regex» con un patrón que no está escrito entre comillas") }
            return "coincide(\(try render(arguments[0]).text), \"\(pattern.replacingOccurrences(of: "\"", with: "\"\""))\")"
        case "date":
            try args(1)
            if case .binary("+", .call("decimal-date-time", let from), let days) = arguments[0], from.count == 1 {
                return "sumar_dias(\(try date(from[0])), \(try render(days).text))"
            }
            return try date(arguments[0])
        case "number":
            try args(1)
            return try render(arguments[0]).text
        default:
            throw Unsupported(reason: "la función «\(name)()» no está en el lenguaje")
        }
    }
}

extension XPathReader.Node {
    /// A number or a quoted text.
    var isLiteral: Bool {
        switch self {
        case .number, .text: return true
        default: return false
        }
    }
}

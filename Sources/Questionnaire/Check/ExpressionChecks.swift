import Diagnostics

/// Checks of the expressions: names, order of reference, types, constant and contradictory
/// conditions, the handling of NS/NR, and cycles among calculated values.
extension CheckContext {
    enum Role { case relevance, rule, calculation }
    enum ValueType { case boolean, number, text, multiple, date, time, dateTime, unknown }

    mutating func expression(_ e: Expression, order: Int, own: String?, role: Role) {
        var named = false
        for (id, position) in e.references {
            if id.hasPrefix("_") { continue }
            guard let symbol = symbols[id] else {
                let hint = Suggestion.hints(for: id, among: Array(symbols.keys))
                sink.error("DSL-060", at: position, width: id.count, "«\(id)» no es una pregunta de este cuestionario\(hint.spanish)",
                           "«\(id)» is not a question of this questionnaire\(hint.english)")
                continue
            }
            named = true
            switch role {
            case .relevance:
                if symbol.order >= order {
                    sink.error("DSL-061", at: position, width: id.count,
                               symbol.order == order ? "la condición para mostrar «\(own ?? id)» no puede depender de su propia respuesta"
                                                     : "«\(id)» se pregunta después: una condición solo puede usar respuestas anteriores",
                               symbol.order == order ? "the condition showing «\(own ?? id)» cannot depend on its own answer"
                                                     : "«\(id)» is asked later: a condition can only use earlier answers")
                }
            case .rule:
                if symbol.order > order {
                    sink.error("DSL-061", at: position, width: id.count, "«\(id)» se pregunta después: esta regla solo puede usar esta respuesta y las anteriores",
                               "«\(id)» is asked later: this rule can only use this answer and earlier ones")
                }
            case .calculation:
                if case .calculated = symbol.kind { break }
                if symbol.order >= order {
                    sink.error("DSL-061", at: position, width: id.count, "«\(id)» se pregunta después: un cálculo solo puede usar respuestas anteriores",
                               "«\(id)» is asked later: a calculation can only use earlier answers")
                }
            }
        }
        if role == .rule && !named {
            sink.error("DSL-064", at: e.position, "esta regla no usa ninguna respuesta: nunca cambia, así que siempre pasa o siempre falla",
                       "this rule uses no answer: it never changes, so it always passes or always fails")
        }
        let type = typeOf(e)
        if role == .calculation && [.multiple, .time, .dateTime].contains(type) {
            sink.error("DSL-063", at: e.position, "un cálculo da un número (una condición vale 1 o 0), un texto o una fecha; las opciones de «varias de» o una hora se usan dentro de él, p. ej. contar(medios) o medios incluye 2",
                       "a calculation gives a number (a condition is worth 1 or 0), a text or a date; the options of a «varias de» or a time go inside it, e.g. contar(medios) or medios incluye 2")
        }
        if role != .calculation && type != .boolean && type != .unknown {
            sink.error("DSL-065", at: e.position, "la condición no es verdadera o falsa: compare con un valor (p. ej. nps >= 9) o use «respondida»",
                       "the condition is not true or false: compare with a value (e.g. nps >= 9) or use «respondida»")
        }
        if role == .relevance {
            specialsUnhandled(e)
            if contradictory(e) {
                sink.warning("DSL-070", at: e.position, "esta condición nunca se cumple: la pregunta nunca se mostrará", "this condition never holds: the question will never be shown")
            }
        }
    }

    /// The type of an expression, reporting type errors on the way.
    mutating func typeOf(_ e: Expression) -> ValueType {
        switch e {
        case .number: return .number
        case .text: return .text
        case .mode: return .text
        case .reference(let id, _):
            guard let symbol = symbols[id] else { return .unknown }
            switch symbol.kind {
            case .choice, .integer, .decimal: return .number
            case .calculated:
                switch questionnaire.calculationKind(of: id) {
                case .number: return .number
                case .text: return .text
                case .date: return .date
                }
            case .multiple: return .multiple
            case .text: return .text
            case .date: return .date
            case .time: return .time
            case .dateTime: return .dateTime
            case .note: return .unknown
            }
        case .unary(let op, let inner, let position):
            let t = typeOf(inner)
            if op == "no" {
                if t != .boolean && t != .unknown { typeError(position, "«no» se aplica a una condición", "«no» applies to a condition") }
                return .boolean
            }
            if t != .number && t != .unknown { typeError(position, "el signo «-» se aplica a un número", "«-» applies to a number") }
            return .number
        case .binary(let op, let a, let b, let position):
            let ta = typeOf(a), tb = typeOf(b)
            switch op {
            case "y", "o":
                for (t, side) in [(ta, a), (tb, b)] where t != .boolean && t != .unknown {
                    typeError(side.position, "cada lado de «\(op)» debe ser una condición", "each side of «\(op)» must be a condition")
                }
                return .boolean
            case "+", "-", "*", "/":
                if ta == .date || tb == .date {
                    typeError(position, "las fechas no se suman ni se restan con «\(op)»: use dias(desde, hasta) o sumar_dias(fecha, n)",
                              "dates are not added or subtracted with «\(op)»: use dias(from, to) or sumar_dias(date, n)")
                } else if (ta != .number && ta != .unknown) || (tb != .number && tb != .unknown) {
                    typeError(position, "la aritmética solo se hace con números", "arithmetic only works on numbers")
                }
                return .number
            default:
                comparison(op, a, b, ta, tb, position)
                return .boolean
            }
        case .membership(let subject, let items, let position):
            let t = typeOf(subject)
            if t == .multiple {
                typeError(position, "«en» compara una sola respuesta; para una de varias use «incluye»", "«en» compares a single answer; for multiple choice use «incluye»")
            }
            for item in items { comparison("=", subject, item, t, typeOf(item), item.position) }
            return .boolean
        case .includes(let subject, let code, let position):
            if case .reference(let id, _) = subject, let symbol = symbols[id] {
                if case .multiple(let codes, let list) = symbol.kind {
                    if let codes, !codes.contains(code) {
                        typeError(position, "\(code) no es un código de la lista «\(list)» de «\(id)»", "\(code) is not a code of list «\(list)» of «\(id)»")
                    }
                } else {
                    typeError(position, "«incluye» es para preguntas de varias respuestas; «\(id)» tiene una sola: use «=»",
                              "«incluye» is for multiple-choice questions; «\(id)» has one answer: use «=»")
                }
            }
            return .boolean
        case .answered: return .boolean
        case .isSpecial(let subject, let name, let position):
            if case .reference(let id, _) = subject, let symbol = symbols[id], !symbol.specials.contains(name) {
                typeError(position, "«\(id) es \(name)» nunca se cumple: «\(id)» no permite \(name)", "«\(id) es \(name)» never holds: «\(id)» does not allow \(name)")
            }
            return .boolean
        case .call(let function, let arguments, let position):
            return typeOfCall(function, arguments, position)
        }
    }

    /// The type of a function's value, checking its arguments (``Function``).
    mutating func typeOfCall(_ function: Function, _ arguments: [Expression], _ position: TextPosition) -> ValueType {
        let types = arguments.map { typeOf($0) }
        func expect(_ index: Int, _ allowed: [ValueType], _ spanish: String, _ english: String) {
            guard index < types.count, types[index] != .unknown, !allowed.contains(types[index]) else { return }
            typeError(arguments[index].position, "«\(function.rawValue)»: \(spanish) (\(function.usage))", "«\(function.rawValue)»: \(english) (\(function.usage))")
        }
        switch function {
        case .si:
            expect(0, [.boolean], "el primer argumento es una condición", "the first argument is a condition")
            if types[1] != .unknown, types[2] != .unknown, types[1] != types[2], !(Set([types[1], types[2]]) == [.number, .boolean]) {
                typeError(arguments[2].position, "«si»: los dos valores deben ser del mismo tipo (dos números, dos textos o dos fechas)",
                          "«si»: both values must be of the same type (two numbers, two texts or two dates)")
            }
            return types[1] == .unknown ? types[2] : (types[1] == .boolean ? .number : types[1])
        case .redondear:
            expect(0, [.number], "redondea un número", "rounds a number")
            expect(1, [.number], "el número de decimales es un número", "the number of decimals is a number")
            return .number
        case .contar:
            if case .reference(let id, _) = arguments[0], symbols[id] != nil {
                expect(0, [.multiple], "cuenta las opciones marcadas en una pregunta de «varias de»; «\(id)» no lo es", "counts the options ticked in a «varias de» question; «\(id)» is not one")
            } else if types[0] != .unknown {
                typeError(arguments[0].position, "«contar» lleva el id de una pregunta de «varias de» (\(function.usage))", "«contar» takes the id of a «varias de» question (\(function.usage))")
            }
            return .number
        case .longitud:
            expect(0, [.text, .number], "mide un texto", "measures a text")
            return .number
        case .hoy:
            return .date
        case .dias:
            for index in 0..<2 where !arguments[index].isDateText {
                expect(index, [.date], "cuenta los días entre dos fechas", "counts the days between two dates")
            }
            return .number
        case .sumarDias:
            if !arguments[0].isDateText { expect(0, [.date], "el primer argumento es una fecha", "the first argument is a date") }
            expect(1, [.number], "el segundo argumento es un número de días", "the second argument is a number of days")
            return .date
        case .coincide:
            expect(0, [.text, .number], "busca el patrón en un texto", "looks for the pattern in a text")
            guard case .text(let pattern, let p) = arguments[1] else {
                typeError(arguments[1].position, "«coincide»: el patrón se escribe entre comillas, p. ej. coincide(correo, \"^[^@ ]+@[^@ ]+\\.[a-z]+$\")",
                          "«coincide»: the pattern is written in quotes, e.g. coincide(correo, \"^[^@ ]+@[^@ ]+\\.[a-z]+$\")")
                return .boolean
            }
            if let problem = TextPattern.problem(pattern) {
                typeError(p, "«coincide»: el patrón no es una expresión regular válida (\(problem))", "«coincide»: the pattern is not a valid regular expression (\(problem))")
            }
            return .boolean
        }
    }

    mutating func typeError(_ position: TextPosition, _ spanish: String, _ english: String) {
        sink.error("DSL-063", at: position, spanish, english)
    }

    /// Comparisons of an answer with a constant: codes that exist, numbers against numbers, and
    /// constants that make the comparison always true or always false.
    mutating func comparison(_ op: String, _ a: Expression, _ b: Expression, _ ta: ValueType, _ tb: ValueType, _ position: TextPosition) {
        if ta == .multiple || tb == .multiple {
            typeError(position, "una pregunta de varias respuestas no se compara con «\(op)»: use «incluye»", "a multiple-choice question is not compared with «\(op)»: use «incluye»")
            return
        }
        if (ta == .text && tb == .number) || (ta == .number && tb == .text) {
            typeError(position, "se compara un texto con un número", "a text is compared with a number")
            return
        }
        // A time with a time or "hh:mm"; a date and time with another or "aaaa-mm-ddThh:mm".
        for (t, other, ot) in [(ta, b, tb), (tb, a, ta)] where t == .time || t == .dateTime {
            let written: Bool = {
                guard case .text(let s, _) = other else { return false }
                return t == .time ? TimeText.isTime(s) : TimeText.isDateTime(s)
            }()
            if ot != t && !written && ot != .unknown {
                typeError(other.position, t == .time ? "una hora se compara con otra hora o con una hora escrita \"hh:mm\" (p. ej. \"08:00\")"
                                                     : "una fecha y hora se compara con otra o con una escrita \"aaaa-mm-ddThh:mm\" (p. ej. \"2026-12-01T08:00\")",
                          t == .time ? "a time is compared with another time or a time written \"hh:mm\" (e.g. \"08:00\")"
                                     : "a date and time is compared with another or one written \"yyyy-mm-ddThh:mm\"")
                return
            }
        }
        // A date is compared with another date or a date written "aaaa-mm-dd"; anything else never matches.
        for (t, other, ot) in [(ta, b, tb), (tb, a, ta)] where t == .date {
            if ot == .number || (ot == .text && !other.isDateText) {
                typeError(other.position, "una fecha se compara con otra fecha o con una fecha escrita \"aaaa-mm-dd\" (p. ej. \"2026-01-31\")",
                          "a date is compared with another date or a date written \"yyyy-mm-dd\" (e.g. \"2026-01-31\")")
                return
            }
        }
        var subject = a, constant = b, flipped = false
        if case .number = a, case .reference = b { subject = b; constant = a; flipped = true }
        guard case .reference(let id, _) = subject, let symbol = symbols[id], case .number(let c, _) = constant else { return }
        let operation = flipped ? flip(op) : op
        let specialCodes = Set(questionnaire.specials.filter { symbol.specials.contains($0.name) }.map { Double($0.code) })
        switch symbol.kind {
        case .choice(let codes, let list):
            guard let codes else { return }
            if ["=", "<>"].contains(operation) && !codes.contains(Int(c)) && !specialCodes.contains(c) {
                let shown = codes.sorted().map(String.init).joined(separator: ", ")
                typeError(constant.position, "\(format(c)) no es un código de la lista «\(list)» de «\(id)» (\(shown))",
                          "\(format(c)) is not a code of list «\(list)» of «\(id)» (\(shown))")
            }
        case .integer(let low, let high), .decimal(let low, let high):
            guard let low, let high else { return }
            let never: Bool, always: Bool
            switch operation {
            case "=": never = c < low || c > high; always = false
            case "<>": never = false; always = c < low || c > high
            case "<": never = c <= low; always = c > high
            case "<=": never = c < low; always = c >= high
            case ">": never = c >= high; always = c < low
            case ">=": never = c > high; always = c <= low
            default: never = false; always = false
            }
            if never || always {
                typeError(position, "«\(id) \(operation) \(format(c))» \(never ? "nunca" : "siempre") se cumple: «\(id)» va de \(format(low)) a \(format(high))",
                          "«\(id) \(operation) \(format(c))» \(never ? "never" : "always") holds: «\(id)» goes from \(format(low)) to \(format(high))")
            }
        default:
            break
        }
    }

    func flip(_ op: String) -> String {
        switch op {
        case "<": return ">"
        case "<=": return ">="
        case ">": return "<"
        case ">=": return "<="
        default: return op
        }
    }

    func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// A relevance that compares an answer allowing NS/NR by order (`nps <= 6`) without saying what
    /// happens to NS/NR: those answers (98, 99) fall outside silently.
    mutating func specialsUnhandled(_ e: Expression) {
        var ordered: [(String, TextPosition)] = []
        var handled = Set<String>()
        func walk(_ e: Expression) {
            switch e {
            case .binary(let op, let a, let b, _):
                if ["<", "<=", ">", ">="].contains(op) {
                    for side in [a, b] { if case .reference(let id, let p) = side { ordered.append((id, p)) } }
                }
                walk(a); walk(b)
            case .unary(_, let inner, _): walk(inner)
            case .isSpecial(let subject, _, _): if case .reference(let id, _) = subject { handled.insert(id) }
            case .answered(let subject, _): if case .reference(let id, _) = subject { handled.insert(id) }
            default: break
            }
        }
        walk(e)
        for (id, position) in ordered where !handled.contains(id) {
            guard let symbol = symbols[id], !symbol.specials.isEmpty else { continue }
            let names = symbol.specials.sorted().joined(separator: "/")
            sink.warning("DSL-071", at: position, width: id.count,
                         "«\(id)» permite \(names), que esta comparación deja fuera sin decirlo; si es lo que quiere, agregue «y no \(id) es \(symbol.specials.sorted()[0])»",
                         "«\(id)» allows \(names), which this comparison leaves out silently; if intended, add «y no \(id) es \(symbol.specials.sorted()[0])»")
        }
    }

    /// A conjunction that requires one answer to take two different codes (`csat = 1 y csat = 2`)
    /// or to lie in disjoint sets: simple reasoning over `=` and `en`.
    /// Whether the `y` of a condition cannot hold: equalities and lists that share no value, ranges that
    /// do not meet («edad < 18 y edad > 65»), or a value outside a range given beside it.
    func contradictory(_ e: Expression) -> Bool {
        var allowed: [String: Set<Double>] = [:]
        var lower: [String: (value: Double, inclusive: Bool)] = [:], upper: [String: (value: Double, inclusive: Bool)] = [:]
        func within(_ x: Double, _ id: String) -> Bool {
            if let l = lower[id], x < l.value || (x == l.value && !l.inclusive) { return false }
            if let u = upper[id], x > u.value || (x == u.value && !u.inclusive) { return false }
            return true
        }
        func bound(_ id: String, _ op: String, _ v: Double) {
            switch op {
            case ">", ">=":
                let new = (value: v, inclusive: op == ">=")
                if let old = lower[id], old.value > v || (old.value == v && !old.inclusive) { return }
                lower[id] = new
            case "<", "<=":
                let new = (value: v, inclusive: op == "<=")
                if let old = upper[id], old.value < v || (old.value == v && !old.inclusive) { return }
                upper[id] = new
            default: break
            }
        }
        let flipped = [">": "<", ">=": "<=", "<": ">", "<=": ">="]
        func conjuncts(_ e: Expression) -> [Expression] {
            if case .binary("y", let a, let b, _) = e { return conjuncts(a) + conjuncts(b) }
            return [e]
        }
        for c in conjuncts(e) {
            var id: String?, values: Set<Double>?
            switch c {
            case .binary("=", .reference(let r, _), .number(let v, _), _), .binary("=", .number(let v, _), .reference(let r, _), _):
                id = r; values = [v]
            case .membership(.reference(let r, _), let items, _):
                id = r
                values = Set(items.compactMap { if case .number(let v, _) = $0 { return v } else { return nil } })
            case .binary(let op, .reference(let r, _), .number(let v, _), _) where flipped[op] != nil:
                bound(r, op, v); id = r
            case .binary(let op, .number(let v, _), .reference(let r, _), _) where flipped[op] != nil:
                bound(r, flipped[op]!, v); id = r
            default: break
            }
            guard let id else { continue }
            if let values { allowed[id] = allowed[id].map { $0.intersection(values) } ?? values }
            if let l = lower[id], let u = upper[id], l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) { return true }
            if let set = allowed[id], set.allSatisfy({ !within($0, id) }) { return true }
        }
        return false
    }

    /// Calculated values that depend on each other in a circle: every member named, once per circle.
    mutating func calculatedCycles() {
        var edges: [String: [String]] = [:]
        for item in questionnaire.items {
            guard case .calculated(let e) = item.type else { continue }
            edges[item.id] = e.references.map(\.id).filter { id in
                if case .calculated? = symbols[id]?.kind { return true }
                return false
            }
        }
        var reported = Set<Set<String>>()
        for start in edges.keys.sorted() {
            var path: [String] = []
            var visiting = Set<String>()
            func visit(_ node: String) -> [String]? {
                if let index = path.firstIndex(of: node) { return Array(path[index...]) }
                if visiting.contains(node) { return nil }
                visiting.insert(node)
                path.append(node)
                for next in edges[node] ?? [] { if let cycle = visit(next) { return cycle } }
                path.removeLast()
                return nil
            }
            if let cycle = visit(start), !reported.contains(Set(cycle)) {
                reported.insert(Set(cycle))
                let item = questionnaire.item(cycle[0])!
                let chain = (cycle + [cycle[0]]).joined(separator: " → ")
                sink.error("DSL-062", at: item.position, width: item.id.count, "cálculos en círculo: \(chain); ninguno se puede calcular",
                           "calculations in a circle: \(chain); none can be computed")
            }
        }
    }
}

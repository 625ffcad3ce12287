import Diagnostics

/// `repetir` blocks: the same questions asked once per option ticked in a `varias de` (one block per
/// service used) or once per count (a household roster):
///
/// ```
/// repetir por cada servicios          # one copy per option of the list of «servicios», asked when ticked
/// satisfaccion: escala 1..5
///   "¿Qué tan satisfecho quedó con {_opcion}?"
/// fin repetir
/// repetir 6 veces según personas      # copies 1…6, copy k asked when personas >= k
/// edad: entero 0..110
///   "Edad de la persona {_n}"
/// fin repetir
/// ```
///
/// The block's questions are written as anywhere else (at the margin). The parser writes the copies as ordinary questions (`satisfaccion_3`, `edad_2`; wide data, one
/// column per copy), so that routing, checks, every channel and every export treat them as the
/// questions they are. Inside a copy, `{_opcion}` is the option's label and `{_n}` its number, and the
/// block's own ids name that copy's questions.
/// A `repetir` block as the author wrote it, kept beside its copies so that the data can also be
/// exported long — one row per interview and copy asked, as ODK's `begin_repeat` exports and as a
/// household roster is analysed — instead of one column per copy.
public struct RepeatGroup: Sendable {
    /// One copy: its suffix (`3` in `satisfaccion_3`), what `{_opcion}` reads (the option's label, or
    /// the number), and the condition under which it is asked.
    public struct Copy: Sendable {
        public var suffix: String
        public var label: String
        public var condition: Expression
    }

    /// The question the block repeats by (`usados`, `personas`): also the name of its long table.
    public var question: String
    /// Whether the copies are options of a list (`por cada`) rather than a count (`N veces según`).
    public var byOption: Bool
    /// The block's items before they were copied (ids without suffix, `{_opcion}` unresolved).
    public var body: [Item]
    public var copies: [Copy]

    /// The variable of `name` (an item of the body, a grid row or an option dummy of it) in one copy:
    /// `satisfaccion` → `satisfaccion_3`, `motivos_2` → `motivos_3_2`.
    public func wideName(_ name: String, item: String, copy: Copy) -> String {
        item + "_" + copy.suffix + name.dropFirst(item.count)
    }
}

struct RepeatBlock {
    enum Kind {
        case options(question: String, position: TextPosition)
        case count(Int, question: String, position: TextPosition)
    }

    var kind: Kind
    var position: TextPosition
    /// Index of the first item of the block in the items read so far.
    var start: Int
}

extension ParserState {
    mutating func startRepeat(_ tokens: [Token], raw: String) {
        let first = tokens[0]
        if let open = repeating {
            sink.error("DSL-014", at: first.position, width: first.width, "ya hay un «repetir» abierto en la línea \(open.position.line): ciérrelo con «fin repetir» (no se anidan)",
                       "a «repetir» is already open on line \(open.position.line): close it with «fin repetir» (they do not nest)")
            return
        }
        let kind: RepeatBlock.Kind
        if tokens.count == 4, tokens[1].keyword == "por", tokens[2].keyword == "cada", let question = tokens[3].word {
            kind = .options(question: question, position: tokens[3].position)
        } else if tokens.count == 5, case .number(let n) = tokens[1].kind, n >= 1, n <= 50, n == n.rounded(), tokens[2].keyword == "veces", tokens[3].keyword == "segun",
                  let question = tokens[4].word {
            kind = .count(Int(n), question: question, position: tokens[4].position)
        } else {
            sink.error("DSL-014", at: first.position, width: raw.trimmingCharacters(in: .whitespaces).count,
                       "escriba «repetir por cada <pregunta de varias de>» o «repetir N veces según <pregunta numérica>» (N de 1 a 50)",
                       "write «repetir por cada <multiple-choice question>» or «repetir N veces según <numeric question>» (N from 1 to 50)")
            return
        }
        repeating = RepeatBlock(kind: kind, position: first.position, start: result.items.count)
    }

    private func question(of kind: RepeatBlock.Kind) -> String {
        switch kind {
        case .options(let question, _), .count(_, let question, _): return question
        }
    }

    mutating func endRepeat(_ tokens: [Token]) {
        guard tokens.count == 2, tokens[1].keyword == "repetir" else {
            sink.error("DSL-014", at: tokens[0].position, width: tokens[0].width, "escriba «fin repetir»", "write «fin repetir»")
            return
        }
        guard let open = repeating else {
            sink.error("DSL-014", at: tokens[0].position, width: 11, "«fin repetir» sin un «repetir» abierto", "«fin repetir» without an open «repetir»")
            return
        }
        repeating = nil
        result.repeatedLines.append(open.position.line...tokens[0].position.line)
        let body = Array(result.items[open.start...])
        result.items.removeSubrange(open.start...)
        guard !body.isEmpty else {
            sink.error("DSL-014", at: open.position, width: 7, "el bloque «repetir» no tiene preguntas", "the «repetir» block has no questions")
            return
        }
        // The copies: a suffix, the condition that asks it, and what {_opcion}/{_n} read.
        var copies: [(suffix: String, condition: Expression, values: [String: String])] = []
        switch open.kind {
        case .options(let question, let position):
            guard let item = result.item(question) else {
                sink.error("DSL-014", at: position, width: question.count, "«\(question)» no es una pregunta anterior al bloque", "«\(question)» is not a question before the block")
                return
            }
            let list: String, multiple: Bool
            switch item.type {
            case .multiple(let l): list = l; multiple = true
            case .single(let l): list = l; multiple = false
            default:
                sink.error("DSL-014", at: position, width: question.count, "«repetir por cada» va con una pregunta de «varias de» (o «una de»); «\(question)» no lo es",
                           "«repetir por cada» goes with a «varias de» (or «una de») question; «\(question)» is not one")
                return
            }
            guard let options = result.list(list)?.options, !options.isEmpty else {
                sink.error("DSL-014", at: position, width: question.count, "la lista «\(list)» de «\(question)» tiene que escribirse antes del bloque", "list «\(list)» of «\(question)» must be written before the block")
                return
            }
            for option in options where !option.exclusive && !option.other {
                let subject = Expression.reference(question, position)
                let condition: Expression = multiple ? .includes(subject, option.code, position) : .binary("=", subject, .number(Double(option.code), position), position)
                copies.append((String(option.code), condition, ["_opcion": option.label, "_n": String(option.code)]))
            }
        case .count(let n, let question, let position):
            // Copies the question's own minimum always asks need only its answer (`personas >= 1` with
            // `entero 1..6` would always hold).
            var low = -Double.infinity
            switch result.item(question)?.type {
            case .integer(let l?, _)?, .decimal(let l?, _)?: low = l
            case .scale(let l, _, _, _)?: low = Double(l)
            default: break
            }
            for k in 1...n {
                let subject = Expression.reference(question, position)
                let condition: Expression = Double(k) <= low ? .answered(subject, position) : .binary(">=", subject, .number(Double(k), position), position)
                copies.append((String(k), condition, ["_n": String(k), "_opcion": String(k)]))
            }
        }
        result.repeats.append(RepeatGroup(question: question(of: open.kind), byOption: { if case .options = open.kind { return true }; return false }(), body: body,
                                          copies: copies.map { RepeatGroup.Copy(suffix: $0.suffix, label: $0.values["_opcion"] ?? $0.suffix, condition: $0.condition) }))
        for copy in copies {
            var renamed: [String: String] = [:]
            for item in body {
                renamed[item.id] = item.id + "_" + copy.suffix
                for row in item.rows { renamed[item.variable(of: row)] = item.id + "_" + copy.suffix + "_" + row.id }
            }
            func text(_ s: String) -> String {
                QuestionnaireFile.replacingPipes(in: s) { name, fallback in
                    if let value = copy.values[name] { return value }
                    return "{" + (renamed[name] ?? name) + (fallback.map { "|" + $0 } ?? "") + "}"
                }
            }
            for var item in body {
                item.id = renamed[item.id]!
                item.texts = item.texts.map { ($0.mode, text($0.text), $0.position) }
                item.help = item.help.map(text)
                item.instructions = item.instructions.map(text)
                let own = item.condition?.renaming(renamed)
                item.condition = own.map { .binary("y", copy.condition, $0, $0.position) } ?? copy.condition
                item.validations = item.validations.map { Rule(condition: $0.condition.renaming(renamed), message: $0.message.map(text), position: $0.position) }
                item.warnings = item.warnings.map { Rule(condition: $0.condition.renaming(renamed), message: $0.message.map(text), position: $0.position) }
                item.jumps = item.jumps.map { jump in
                    var j = jump
                    j.condition = jump.condition.renaming(renamed)
                    if case .go(let target) = jump.target, let new = renamed[target] { j.target = .go(to: new) }
                    return j
                }
                item.rows = item.rows.map { GridRow(id: $0.id, text: text($0.text), condition: $0.condition?.renaming(renamed), position: $0.position) }
                if case .calculated(let formula) = item.type { item.type = .calculated(formula.renaming(renamed)) }
                if let filter = item.choiceFilter { item.choiceFilter = ChoiceFilter(column: filter.column, value: filter.value.renaming(renamed), position: filter.position) }
                result.items.append(item)
            }
        }
    }
}

extension Expression {
    /// The same expression with the references in `names` renamed.
    func renaming(_ names: [String: String]) -> Expression {
        switch self {
        case .number, .text, .mode: return self
        case .reference(let id, let p): return .reference(names[id] ?? id, p)
        case .unary(let op, let e, let p): return .unary(op, e.renaming(names), p)
        case .binary(let op, let a, let b, let p): return .binary(op, a.renaming(names), b.renaming(names), p)
        case .membership(let e, let items, let p): return .membership(e.renaming(names), items.map { $0.renaming(names) }, p)
        case .includes(let e, let code, let p): return .includes(e.renaming(names), code, p)
        case .answered(let e, let p): return .answered(e.renaming(names), p)
        case .isSpecial(let e, let name, let p): return .isSpecial(e.renaming(names), name, p)
        case .call(let f, let arguments, let p): return .call(f, arguments.map { $0.renaming(names) }, p)
        }
    }
}
